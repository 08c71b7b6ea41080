/**
 * A file imported through the real reader, decoder and ingest pipeline,
 * with what the pipeline committed recorded instead of stored.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importPaths } from '../../../../main/core/import-files';
import { Ingestor } from '../../../../main/core/ingest';
import type { IngestSummary } from '../../../../main/core/ingest';
import type { Format } from '../../../../main/parsers/types';
import type { AlertCache } from '../../../../main/store/alert-cache';
import type { CommitBatch } from '../../../../main/store/commit';

/** What importing one file gave. */
export interface Imported {
  format?: Format;
  /** Titles of the alerts, in file order. */
  titles: string[];
  /** Quarantine entries as "line: reason", the line taken from the position. */
  quarantine: string[];
  /** The import's totals, lag left out (it depends on the clock). */
  total: Omit<IngestSummary, 'lagMs'>;
  ms: number;
}

const feed = { id: 'import', type: 'file-import', tlp: 'amber' as const };

/** Writes `content` to a fresh file named `name`, imports it and removes it. */
export async function importContent(
  name: string,
  content: string | Buffer,
  format?: Format,
): Promise<Imported> {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-property-'));
  const path = join(dir, name);
  try {
    writeFileSync(path, content);
    const commits: CommitBatch[] = [];
    const cache = {
      commit: (batch: CommitBatch) => {
        commits.push(batch);
        return { inserted: batch.alerts.length, duplicates: 0 };
      },
    } as unknown as AlertCache;
    const started = performance.now();
    const report = await importPaths([path], {
      feed,
      ingestor: new Ingestor(cache, (alert) => alert),
      ...(format ? { format } : {}),
    });
    const ms = performance.now() - started;
    const entries = commits.flatMap((commit) => commit.quarantine);
    const { lagMs: _lag, ...total } = report.total;
    return {
      ...(report.files[0]?.format ? { format: report.files[0].format } : {}),
      titles: commits.flatMap((commit) => commit.alerts.map((alert) => alert.title)),
      quarantine: entries.map((entry) => `${lineOf(entry.position, path)}: ${entry.reason}`),
      total,
      ms,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** "2" for "<path>:2", "file" for the whole file, the rest of the position otherwise. */
function lineOf(position: string, path: string): string {
  if (position === path) return 'file';
  return position.startsWith(`${path}:`) ? position.slice(path.length + 1).trim() : position;
}
