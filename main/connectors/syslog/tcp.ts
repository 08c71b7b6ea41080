/**
 * Syslog over a stream, TCP (RFC 6587) or TLS (RFC 5425): each connection
 * is cut into messages by its own frame decoder.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { SyslogFrameDecoder, type Frame } from './tcp-framing';
import { tlsServerOptions, type TlsFiles } from './tls-options';

// Senders keep one connection open each; more than this is a flood, not a fleet.
const MAX_CONNECTIONS = 1024;
// A connection silent this long is dropped, so idle sockets cannot hold every
// place; a sender reconnects when it has something to say (rsyslog, syslog-ng do).
const IDLE_MS = 10 * 60_000;
// A TLS client that has not finished its handshake by then holds no place either.
const HANDSHAKE_MS = 10_000;
// One address may hold at most this many connections at once.
const MAX_PER_ADDRESS = 64;

/** Where to listen; with `tls`, connections are TLS. */
export interface StreamSettings {
  host: string;
  port: number;
  maxMessageBytes: number;
  tls?: TlsFiles;
}

/** What a stream listener tells its owner. */
export interface StreamEvents {
  onFrame(frame: Frame, from: string): void;
  onWarning(message: string): void;
}

/** A listening stream server. */
export interface StreamListener {
  address(): AddressInfo;
  /** Stops listening and drops every connection. */
  close(): void;
}

/** Listens for connections; rejects when the TLS files cannot be read or binding fails. */
export async function listenStream(
  settings: StreamSettings,
  events: StreamEvents,
): Promise<StreamListener> {
  const transport = settings.tls ? 'tls' : 'tcp';
  const sockets = new Set<Socket>();
  const perAddress = new Map<string, number>();
  const accept = (socket: Socket) => {
    const from = `${transport} from ${socket.remoteAddress}:${socket.remotePort}`;
    const decoder = new SyslogFrameDecoder(settings.maxMessageBytes);
    const address = socket.remoteAddress ?? 'unknown';
    if ((perAddress.get(address) ?? 0) >= MAX_PER_ADDRESS) {
      events.onWarning(
        `${from}: more than ${MAX_PER_ADDRESS} connections from one address; refused`,
      );
      socket.destroy();
      return;
    }
    perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    sockets.add(socket);
    socket.setTimeout(IDLE_MS, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      for (const frame of decoder.push(chunk)) events.onFrame(frame, from);
      if (decoder.broken) socket.destroy();
    });
    socket.on('end', () => {
      for (const frame of decoder.end()) events.onFrame(frame, from);
    });
    socket.on('error', (error) => events.onWarning(`${from}: ${error.message}`));
    socket.on('close', () => {
      sockets.delete(socket);
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    });
  };
  const server: Server = settings.tls
    ? createTlsServer({ ...tlsServerOptions(settings.tls), handshakeTimeout: HANDSHAKE_MS }, accept)
    : createServer(accept);
  server.maxConnections = MAX_CONNECTIONS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => events.onWarning(`${transport} server: ${error.message}`));
  server.on('tlsClientError', (error: Error, socket: Socket) => {
    events.onWarning(`tls from ${socket.remoteAddress}: handshake failed: ${error.message}`);
  });
  return {
    address: () => server.address() as AddressInfo,
    close() {
      server.close();
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
  };
}
