/**
 * The `lagebild` command line: import, stats, export, publish, compact and
 * serve. Exit codes: 0 done, 1 the job could not be done, 2 the command was
 * used wrongly.
 */
import { CacheError } from '../store/cache-error';
import { ConfigError } from '../core/config';
import { InventoryError } from '../enrich/inventory';
import { scopedLogger } from '../core/log';
import { exportCommand } from './export-command';
import { importCommand } from './import-command';
import { compactCommand } from './compact-command';
import { CliError, printError, printLine } from './output';
import { FORMATS } from '../parsers/types';
import { HttpError } from '../connectors/http/http-request';
import { MissingCredentialError } from '../connectors/nats/connection-options';
import { publishCommand } from './publish-command';
import { SELECTION_USAGE } from './selection-options';
import { serveCommand } from './serve-command';
import { statsCommand } from './stats-command';

const log = scopedLogger('cli');

const USAGE = `usage:
  lagebild import --cache DB [--format ${FORMATS.join('|')}] [--feed ID] [--tlp LEVEL] [--config FILE]
      [--progress] [--trust-lagebild-ids] PATH...
  lagebild stats --cache DB [--json]
  lagebild export --cache DB --format stix|misp|csv [--out FILE] [--config FILE] [--progress]
      ${SELECTION_USAGE}
  lagebild publish --cache DB --config FILE --to NAME [--progress] [selection as for export,
      but --until ISO for its --to]
  lagebild compact --cache DB [--config FILE] [--max-age-days N] [--max-size-mb N]
  lagebild serve [--cache DB] [--config FILE] [--port N] [--host H] [--read-only]`;

/** Runs one command line and returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'import':
        await importCommand(rest);
        return 0;
      case 'export':
        exportCommand(rest);
        return 0;
      case 'publish':
        await publishCommand(rest);
        return 0;
      case 'stats':
        statsCommand(rest);
        return 0;
      case 'compact':
        await compactCommand(rest);
        return 0;
      case 'serve':
        await serveCommand(rest);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        printLine(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new CliError(`unknown command "${command}"\n${USAGE}`, 2);
    }
  } catch (error) {
    return reportFailure(error);
  }
}

function reportFailure(error: unknown): number {
  if (error instanceof CliError) {
    printError(error.message);
    return error.exitCode;
  }
  if (
    error instanceof CacheError ||
    error instanceof ConfigError ||
    error instanceof InventoryError ||
    error instanceof HttpError ||
    error instanceof MissingCredentialError
  ) {
    printError(error.message);
    return 1;
  }
  // parseArgs reports unknown or malformed options with this code.
  if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
    printError(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  log.error((error as Error).stack ?? String(error));
  printError(`unexpected failure: ${(error as Error).message}`);
  return 1;
}
