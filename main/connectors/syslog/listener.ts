/**
 * A syslog listener on UDP, TCP or TLS, handing every message to its owner
 * as a record positioned by transport, sender and arrival number.
 */
import type { AddressInfo } from 'node:net';
import type { RawRecord } from '../types';
import { messageRecord } from './message-record';
import { listenStream } from './tcp';
import type { Frame } from './tcp-framing';
import type { TlsFiles } from './tls-options';
import { listenUdp } from './udp';

/** How and where to listen. */
export interface ListenerSettings {
  transport: 'udp' | 'tcp' | 'tls';
  host: string;
  port: number;
  /** Needed for 'tls'. */
  tls?: TlsFiles;
  maxMessageBytes: number;
  /** UDP only: the socket's receive buffer. */
  recvBufferBytes: number;
}

/** What a listener tells its owner. */
export interface ListenerEvents {
  onRecord(record: RawRecord): void;
  /** A problem of one sender or connection; the listener carries on. */
  onWarning(message: string): void;
}

/** A bound listener. */
export interface SyslogListener {
  address(): AddressInfo;
  close(): void;
}

/** Binds the listener; rejects (naming the cause) when it cannot. */
export async function startSyslogListener(
  settings: ListenerSettings,
  events: ListenerEvents,
): Promise<SyslogListener> {
  let received = 0;
  const onFrame = (frame: Frame, from: string) => {
    received += 1;
    const record = messageRecord(frame, `${from} #${received}`, settings.maxMessageBytes);
    if (record) events.onRecord(record);
  };
  switch (settings.transport) {
    case 'udp':
      return listenUdp(settings, onFrame, events.onWarning);
    case 'tcp':
      return listenStream(
        { ...settings, tls: undefined },
        { onFrame, onWarning: events.onWarning },
      );
    case 'tls':
      if (!settings.tls) throw new Error('a TLS listener needs a certificate and a key');
      return listenStream(settings, { onFrame, onWarning: events.onWarning });
  }
}
