/**
 * serve mode: the renderer over HTTP and the API over a WebSocket at /api,
 * on loopback unless a token is configured.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { MAX_MESSAGE_BYTES } from '../../shared/api';
import type { ApiEndpoint } from '../core/api-types';
import { scopedLogger } from '../core/log';
import {
  decideAccess,
  hostAllowed,
  isLoopbackHost,
  originAllowed,
  tokenCookie,
  type WallLookup,
  type WallToken,
} from './access';
import { runSession } from './socket-session';
import { serveStatic } from './static-files';

const log = scopedLogger('serve');

/** Where and how to serve. */
export interface ServeOptions {
  host: string;
  port: number;
  /** Required for any host other than loopback. */
  token?: string;
  /** Host names (besides addresses and localhost) that clients may reach this server by. */
  allowedHosts?: readonly string[];
  /** The built renderer's folder. */
  rendererDir: string;
  /** The wall profiles that `?profile=NAME` asks for; the default profile for every name without. */
  wallOf?: WallLookup;
  /** Walls' own tokens, each good for its profile only. */
  wallTokens?: readonly WallToken[];
  endpoint: ApiEndpoint;
}

/** A listening server. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Refused configuration: listening beyond this machine without a token. */
export class ServeRefusedError extends Error {
  override name = 'ServeRefusedError';
}

/** Starts serve mode and resolves once it listens. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  if (!isLoopbackHost(options.host) && !options.token && !options.wallTokens?.length) {
    throw new ServeRefusedError(
      `refusing to listen on ${options.host} without a token: set one in the environment variable named by serve.tokenEnv (default LAGEBILD_TOKEN)`,
    );
  }
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  // The name it listens on is one clients may use.
  const allowedHosts = [...(options.allowedHosts ?? []), options.host];
  const server = createServer((request, response) => {
    const refuse = (status: number, reason: string) =>
      response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(reason);
    const url = requestUrl(request.url);
    if (!url) {
      refuse(400, 'malformed request target');
      return;
    }
    if (!hostAllowed(request, allowedHosts)) {
      refuse(421, 'this server is not reached by that name');
      return;
    }
    const access = decideAccess(request, url, options.token, options.wallOf, options.wallTokens);
    if (!access.allowed) {
      refuse(access.status, access.reason);
      return;
    }
    // The cookie carries whichever token was presented: a wall's stays a wall's.
    const tokens = [options.token, ...(options.wallTokens ?? []).map((entry) => entry.token)];
    const cookie = tokenCookie(url, tokens);
    if (cookie) response.setHeader('Set-Cookie', cookie);
    serveStatic(options.rendererDir, request, response, url.pathname);
  });

  server.on('upgrade', (request, socket, head) => {
    const url = requestUrl(request.url);
    if (!url) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    const access = decideAccess(request, url, options.token, options.wallOf, options.wallTokens);
    const refusal =
      url.pathname !== '/api'
        ? '404 Not Found'
        : !hostAllowed(request, allowedHosts) || !originAllowed(request)
          ? '403 Forbidden'
          : !access.allowed
            ? `${access.status} ${access.status === 400 ? 'Bad Request' : 'Unauthorized'}`
            : undefined;
    if (refusal !== undefined || !access.allowed) {
      log.warn(`refused WebSocket upgrade from ${request.socket.remoteAddress}: ${refusal}`);
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) =>
      runSession(ws, options.endpoint, access.client),
    );
  });

  await listen(server, options.port, options.host);
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}/`;
  log.info(`serving on ${url}`);
  return {
    url,
    close: () => closeServer(server, sockets),
  };
}

/**
 * The URL of a request target, or undefined when it is malformed. The
 * target is only ever a path here: put after a fixed origin, "//host" is a
 * path too and never makes the parser look for an authority (which threw on
 * "//%" and took the whole server down).
 */
export function requestUrl(target: string | undefined): URL | undefined {
  const path = target ?? '/';
  if (!path.startsWith('/')) return undefined;
  try {
    return new URL(`http://localhost${path}`);
  } catch {
    return undefined;
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server, sockets: WebSocketServer): Promise<void> {
  for (const client of sockets.clients) client.terminate();
  sockets.close();
  return new Promise((resolve) => server.close(() => resolve()));
}
