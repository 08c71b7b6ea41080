/**
 * `lagebild serve [--cache DB] [--config FILE] [--port N] [--host H] [--read-only]`:
 * runs the core under Node and serves the renderer and the API over HTTP
 * and WebSocket, until interrupted.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCore } from '../core/app';
import { scopedLogger } from '../core/log';
import { wallProfile, wallTokens } from '../core/wall-profiles';
import { appRoot } from '../core/paths';
import { startServer } from '../serve/server';
import { CliError, printLine } from './output';

const log = scopedLogger('cli');

/** Runs serve mode; resolves when it has been stopped by a signal. */
export async function serveCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      cache: { type: 'string' },
      config: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'read-only': { type: 'boolean', default: false },
    },
  });
  const rendererDir = join(appRoot(), 'dist', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new CliError('the renderer is not built: run `npm run build` first');
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw new CliError('--port must be a number from 0 to 65535', 2);
  }

  const core = await startCore({
    cachePath: values.cache,
    configPath: values.config,
    readOnly: values['read-only'],
  });
  const serve = core.config.serve;
  const token = process.env[serve.tokenEnv ?? 'LAGEBILD_TOKEN'] || undefined;
  let server;
  try {
    server = await startServer({
      host: values.host ?? serve.host,
      port: port ?? serve.port,
      token,
      allowedHosts: serve.allowedHosts,
      rendererDir,
      endpoint: core.endpoint,
      wallOf: (name) => wallProfile(core.config, name),
      wallTokens: wallTokens(core.config),
    });
  } catch (error) {
    await core.close();
    throw new CliError((error as Error).message);
  }
  printLine(`Lagebild is serving ${core.cachePath} on ${server.url}`);

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info(`stopping on ${signal}`);
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  await server.close();
  await core.close();
}
