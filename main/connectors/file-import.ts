/**
 * One-shot import of files and directories. Lines are read in bounded
 * batches; documents (a STIX bundle) are read whole, up to a size limit.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Framing } from '../parsers/types';
import { decodeHead, decodeRecord } from './decode';
import { LineReader } from './line-reader';
import type { RecordBatch } from './types';

/** Records handed to the pipeline per transaction. */
export const IMPORT_BATCH_SIZE = 2000;
/** A document larger than this is refused rather than read into memory. */
export const MAX_DOCUMENT_BYTES = 64 << 20;

/** Files and folders that sit beside feed data but are not feed data. */
const NOT_FEED_DATA = /^(readme|sources|licen[cs]es?|copying|notice)(\.|$)|\.md$/i;

/** A path that was found but cannot be imported, and why. */
export interface SkippedPath {
  path: string;
  reason: string;
}

/**
 * Every file below the given paths, sorted for a repeatable order, and the
 * paths found but not importable (unreadable, a loop, not a regular file),
 * which the caller reports while the rest goes on. A named path that does
 * not exist throws, so the caller can say which one.
 */
export function listFiles(paths: string[]): { files: string[]; skipped: SkippedPath[] } {
  const files: string[] = [];
  const skipped: SkippedPath[] = [];
  // Directories by device and inode: a link back to an ancestor is entered once.
  const entered = new Set<string>();
  const visit = (path: string, named: boolean) => {
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      if (named) throw error;
      skipped.push({ path, reason: (error as Error).message });
      return;
    }
    if (stat.isDirectory()) {
      const id = `${stat.dev}:${stat.ino}`;
      if (entered.has(id)) return;
      entered.add(id);
      let names: string[];
      try {
        names = readdirSync(path).sort();
      } catch (error) {
        skipped.push({ path, reason: (error as Error).message });
        return;
      }
      for (const name of names) {
        if (!name.startsWith('.') && !NOT_FEED_DATA.test(name)) visit(join(path, name), false);
      }
    } else if (stat.isFile()) {
      // A file named on the command line is imported whatever its name.
      if (named || !NOT_FEED_DATA.test(basename(path))) files.push(path);
    } else if (named) {
      skipped.push({ path, reason: 'not a regular file (a pipe, socket or device is not read)' });
    }
  };
  for (const path of paths) visit(path, true);
  return { files, skipped };
}

/** Reads the first bytes of a file, for format detection. */
export function readHead(path: string, bytes = 4096): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return decodeHead(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}

/** Yields a file's records in batches, cut as the format frames them. */
export function* readFileBatches(path: string, framing: Framing): Generator<RecordBatch> {
  if (framing === 'document') {
    yield { records: [readDocument(path)] };
    return;
  }
  const fd = openSync(path, 'r');
  try {
    const reader = new LineReader(fd, 0);
    let lineNo = 0;
    let batch: RecordBatch['records'] = [];
    for (let line = reader.next(true); line; line = reader.next(true)) {
      lineNo += 1;
      if (line.bytes.length === 0 && !line.oversized) continue;
      batch.push(decodeRecord(line.bytes, `${path}:${lineNo}`, line.oversized));
      if (batch.length >= IMPORT_BATCH_SIZE) {
        yield { records: batch };
        batch = [];
      }
    }
    if (batch.length > 0) yield { records: batch };
  } finally {
    closeSync(fd);
  }
}

function readDocument(path: string): RecordBatch['records'][number] {
  const size = statSync(path).size;
  if (size > MAX_DOCUMENT_BYTES) {
    const error = `document of ${size} bytes exceeds the ${MAX_DOCUMENT_BYTES}-byte limit`;
    return { position: path, raw: Buffer.from(readHead(path, 64 * 1024)), error };
  }
  return decodeRecord(readFileSync(path), path);
}
