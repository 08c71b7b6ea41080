/**
 * Syslog over UDP (RFC 5426): one message per datagram. UDP has no flow
 * control, so a datagram that arrives while the socket's receive buffer is
 * full is dropped by the kernel, unseen and uncounted.
 */
import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { isIPv6 } from 'node:net';
import { scopedLogger } from '../../core/log';
import type { Frame } from './tcp-framing';

const log = scopedLogger('syslog');

/** A bound UDP socket. */
export interface UdpListener {
  address(): AddressInfo;
  close(): void;
}

/** Where to bind and how much the kernel may hold for us. */
export interface UdpSettings {
  host: string;
  port: number;
  recvBufferBytes: number;
}

/** Binds and delivers every datagram as a frame; rejects when binding fails. */
export async function listenUdp(
  settings: UdpSettings,
  onFrame: (frame: Frame, from: string) => void,
  onWarning: (message: string) => void,
): Promise<UdpListener> {
  const socket = createSocket({ type: isIPv6(settings.host) ? 'udp6' : 'udp4' });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(settings.port, settings.host, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  raiseReceiveBuffer(socket, settings.recvBufferBytes);
  socket.on('message', (bytes, peer) =>
    onFrame({ bytes }, `udp from ${peer.address}:${peer.port}`),
  );
  socket.on('error', (error) => onWarning(`udp socket: ${error.message}`));
  return { address: () => socket.address(), close: () => socket.close() };
}

/**
 * Nothing is read from the socket while a batch is being stored, so the
 * receive buffer must hold what arrives meanwhile. Linux's default (about
 * 200 KiB) fills in a fraction of a second at 10,000 messages/s; a few MiB
 * lets bursts wait instead of being dropped. Linux caps the size at
 * net.core.rmem_max and reports twice what it granted (its bookkeeping
 * included), so a grant below the request means the cap was hit.
 */
function raiseReceiveBuffer(socket: Socket, bytes: number): void {
  try {
    socket.setRecvBufferSize(bytes);
  } catch (error) {
    log.warn(`cannot set the UDP receive buffer to ${bytes} bytes: ${(error as Error).message}`);
    return;
  }
  const granted = socket.getRecvBufferSize();
  if (granted < bytes) {
    log.warn(
      `UDP receive buffer is ${granted} bytes, not ${bytes}: raise net.core.rmem_max to avoid drops`,
    );
  }
}
