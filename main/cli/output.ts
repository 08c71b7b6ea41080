/**
 * The CLI's own output: results on stdout, problems on stderr. This is the
 * user interface of the command line, not logging, so it is not the logger.
 */

/** Writes a line of result to stdout. */
export function printLine(text = ''): void {
  process.stdout.write(`${text}\n`);
}

/** Writes a line about a problem to stderr. */
export function printError(text: string): void {
  process.stderr.write(`lagebild: ${text}\n`);
}

/** A failure the CLI reports with a message and an exit code, without a stack trace. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
