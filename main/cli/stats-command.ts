/** `lagebild stats --cache DB [--json]`: totals and breakdowns of a cache. */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AlertCache } from '../store/alert-cache';
import { CliError, printLine } from './output';

/** Runs the stats command. */
export function statsCommand(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: { cache: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (!values.cache) throw new CliError('stats needs --cache DB', 2);
  if (!existsSync(values.cache)) throw new CliError(`no such cache: ${values.cache}`);
  const cache = AlertCache.open(values.cache, { readOnly: true });
  try {
    const stats = cache.stats();
    if (values.json) {
      printLine(JSON.stringify(stats));
      return;
    }
    printLine(`alerts       ${stats.alerts}`);
    printLine(`quarantined  ${stats.quarantined}`);
    for (const [title, counts] of Object.entries({
      'by kind': stats.byKind,
      'by severity': stats.bySeverity,
      'by feed': stats.byFeed,
      'by TLP': stats.byTlp,
      'by sector': stats.bySector,
      'by source country': stats.byCountry,
    })) {
      const parts = Object.entries(counts)
        .sort((a, b) => b[1] - a[1])
        .map(([key, count]) => `${key} ${count}`);
      printLine(`${title.padEnd(12)} ${parts.join(', ') || '-'}`);
    }
  } finally {
    cache.close();
  }
}
