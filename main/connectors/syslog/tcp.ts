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
  const accept = (socket: Socket) => {
    const from = `${transport} from ${socket.remoteAddress}:${socket.remotePort}`;
    const decoder = new SyslogFrameDecoder(settings.maxMessageBytes);
    sockets.add(socket);
    socket.on('data', (chunk: Buffer) => {
      for (const frame of decoder.push(chunk)) events.onFrame(frame, from);
      if (decoder.broken) socket.destroy();
    });
    socket.on('end', () => {
      for (const frame of decoder.end()) events.onFrame(frame, from);
    });
    socket.on('error', (error) => events.onWarning(`${from}: ${error.message}`));
    socket.on('close', () => sockets.delete(socket));
  };
  const server: Server = settings.tls
    ? createTlsServer(tlsServerOptions(settings.tls), accept)
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
