/**
 * `lagebild export --cache DB --format stix|misp|csv [selection] [--out FILE]`:
 * writes the selected incidents as a STIX 2.1 bundle, a MISP event or CSV,
 * never above the TLP ceiling. Without --out the file goes to stdout; what
 * was exported and withheld is said on stderr.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/export';
import { loadConfigFile } from '../core/config';
import { exportSelection } from '../export/export-file';
import { MAX_EXPORT_ALERTS } from '../export/selection';
import { AlertCache } from '../store/alert-cache';
import { CliError } from './output';
import { progressReporter } from './progress';
import { SELECTION_OPTIONS, selectionFrom } from './selection-options';

/** Runs the export command. */
export function exportCommand(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      cache: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      config: { type: 'string' },
      progress: { type: 'boolean', default: false },
      ...SELECTION_OPTIONS,
    },
  });
  if (!values.cache) throw new CliError('export needs --cache DB', 2);
  const format = values.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) {
    throw new CliError(`export needs --format ${EXPORT_FORMATS.join('|')}`, 2);
  }
  const selection = selectionFrom(values);
  const organisation = values.config
    ? loadConfigFile(values.config).sharing.organisation
    : undefined;

  if (values.out) refuseCacheFiles(values.out, values.cache);

  const cache = AlertCache.open(values.cache, { readOnly: true });
  try {
    const progress = progressReporter('export', { force: values.progress });
    const file = exportSelection(cache, format, selection, { organisation, onProgress: progress });
    progress.finish();
    if (values.out) writeWhole(values.out, file.content);
    else process.stdout.write(file.content);
    process.stderr.write(
      `exported ${file.incidents} incident(s), ${file.alerts} alert(s) as ${format}` +
        ` to ${values.out ?? 'stdout'}; ${file.withheld} withheld above TLP:${selection.tlp.toUpperCase()}\n`,
    );
    if (file.truncated > 0) {
      process.stderr.write(
        `${file.truncated} more alert(s) left out: one export holds at most ${MAX_EXPORT_ALERTS}; narrow the selection\n`,
      );
    }
  } finally {
    cache.close();
  }
}

/** An --out naming the cache or one of its journal files would destroy the cache. */
function refuseCacheFiles(out: string, cache: string): void {
  const cacheFiles = ['', '-wal', '-shm', '-journal'].map((suffix) => resolve(cache + suffix));
  if (cacheFiles.includes(resolve(out))) {
    throw new CliError(`--out ${out} is the cache itself (or its journal); name another file`, 2);
  }
}

/** Writes beside `path`, then renames: a failed export leaves no half file behind. */
function writeWhole(path: string, content: string): void {
  const partial = `${path}.partial`;
  try {
    writeFileSync(partial, content);
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new CliError(`cannot write ${path}: ${(error as Error).message}`, 1);
  }
}
