/**
 * `lagebild publish --cache DB --config FILE --to NAME [selection]`: sends
 * the selected incidents as STIX 2.1 to a TAXII collection of the
 * configuration's `sharing.taxii`, and says how the server took them. The
 * selection is as for export, but the time window ends with --until.
 * Exit 1 when the server refused objects or had not finished in time.
 */
import { parseArgs } from 'node:util';
import { loadConfigFile } from '../core/config';
import { publishSelection, UnknownDestinationError } from '../export/sharing';
import { AlertCache } from '../store/alert-cache';
import { CliError, printLine } from './output';
import { progressReporter } from './progress';
import { SELECTION_OPTIONS, selectionFrom } from './selection-options';

/** Runs the publish command. */
export async function publishCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      cache: { type: 'string' },
      config: { type: 'string' },
      progress: { type: 'boolean', default: false },
      ...SELECTION_OPTIONS,
      // --to names the destination here, so the window ends with --until.
      to: { type: 'string' },
      until: { type: 'string' },
    },
  });
  if (!values.cache) throw new CliError('publish needs --cache DB', 2);
  if (!values.config) throw new CliError('publish needs --config FILE naming sharing.taxii', 2);
  if (!values.to) throw new CliError('publish needs --to NAME of a sharing.taxii destination', 2);
  const selection = selectionFrom({ ...values, to: values.until });
  const sharing = loadConfigFile(values.config).sharing;

  const cache = AlertCache.open(values.cache, { readOnly: true });
  try {
    const progress = progressReporter('publish', { force: values.progress });
    const result = await publishSelection(cache, sharing, values.to, selection, {
      onProgress: progress,
    }).catch((error: unknown) => {
      if (error instanceof UnknownDestinationError) throw new CliError(error.message, 2);
      throw error;
    });
    progress.finish();
    printLine(
      `${result.destination}: ${result.status}, ${result.successCount} taken, ${result.failureCount} refused, ` +
        `${result.pendingCount} pending; ${result.withheld} alert(s) withheld above TLP:${selection.tlp.toUpperCase()}` +
        (result.truncated > 0 ? `; ${result.truncated} more left out (size limit)` : ''),
    );
    for (const failure of result.failures)
      printLine(`  refused ${failure.id}: ${failure.message ?? ''}`);
    if (result.failureCount > 0 || result.status !== 'complete') {
      throw new CliError('the server did not take every object', 1);
    }
  } finally {
    cache.close();
  }
}
