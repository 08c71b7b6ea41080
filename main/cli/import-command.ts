/**
 * `lagebild import --cache DB [--format F] [--feed ID] [--tlp T] [--config FILE] [--progress]
 * [--trust-lagebild-ids] PATH...`: imports files or directories and prints what happened.
 * `--trust-lagebild-ids` keeps the alert ids of a Lagebild STIX export, for
 * a source the operator trusts (any bundle could otherwise claim, and so
 * suppress, another source's alert id). Quarantined records
 * are a normal outcome (exit 0); a missing path or unusable cache is not.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { TLP_LEVELS, type Tlp } from '../../shared/vocab';
import { correlationOptions, FeedIdSchema, loadConfigFile } from '../core/config';
import { createEnricherFromConfig } from '../core/enrichment';
import { importPaths, type ImportReport } from '../core/import-files';
import { Ingestor } from '../core/ingest';
import { FORMATS, type Format } from '../parsers/types';
import { AlertCache } from '../store/alert-cache';
import { CliError, printLine } from './output';
import { progressReporter } from './progress';

/** Runs the import command. */
export async function importCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      cache: { type: 'string' },
      format: { type: 'string' },
      feed: { type: 'string', default: 'import' },
      tlp: { type: 'string', default: 'amber' },
      config: { type: 'string' },
      progress: { type: 'boolean', default: false },
      'trust-lagebild-ids': { type: 'boolean', default: false },
    },
  });
  if (!values.cache) throw new CliError('import needs --cache DB', 2);
  if (positionals.length === 0)
    throw new CliError('import needs at least one file or directory', 2);
  const format =
    values.format === undefined
      ? undefined
      : checkChoice<Format>(values.format, FORMATS, '--format');
  const tlp = checkChoice<Tlp>(values.tlp, TLP_LEVELS, '--tlp');
  if (!FeedIdSchema.safeParse(values.feed).success) {
    throw new CliError('--feed must be 1-64 letters, digits, dots, dashes or underscores', 2);
  }
  for (const path of positionals) {
    if (!existsSync(path)) throw new CliError(`no such file or directory: ${path}`);
  }

  const config = values.config ? loadConfigFile(values.config) : undefined;
  const cache = AlertCache.open(values.cache, { correlation: correlationOptions(config) });
  try {
    const ingestor = new Ingestor(cache, createEnricherFromConfig(config));
    // Per file, so an import of many files shows it is moving (stderr; stdout keeps the report).
    const progress = progressReporter('import files', { force: values.progress });
    const report = await importPaths(positionals, {
      feed: { id: values.feed, type: 'file-import', tlp },
      ingestor,
      format,
      trustLagebildIds: values['trust-lagebild-ids'],
      onFile: progress,
    });
    progress.finish();
    printReport(report);
  } finally {
    cache.close();
  }
}

function checkChoice<T extends string>(value: string, choices: readonly string[], flag: string): T {
  if (!choices.includes(value))
    throw new CliError(`${flag} must be one of ${choices.join(', ')}`, 2);
  return value as T;
}

function printReport(report: ImportReport): void {
  for (const file of report.files) {
    const s = file.summary;
    printLine(
      `${file.path}: ${file.format ?? 'unknown format'}: ${s.inserted} new, ${s.duplicates} known, ${s.quarantined} quarantined${describeIgnored(s.ignored)}`,
    );
  }
  const t = report.total;
  printLine(
    `imported ${report.files.length} file(s), ${t.records} record(s): ${t.inserted} new alert(s), ${t.duplicates} already cached, ${t.quarantined} quarantined${describeIgnored(t.ignored)}`,
  );
}

function describeIgnored(ignored: Record<string, number>): string {
  const parts = Object.entries(ignored).map(([type, count]) => `${type} ${count}`);
  return parts.length ? `; not alerts: ${parts.join(', ')}` : '';
}
