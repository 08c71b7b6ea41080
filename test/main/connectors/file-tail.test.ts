import { appendFileSync, mkdtempSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileTail, parseTailCursor, type TailCursor } from '../../../main/connectors/file-tail';
import type { RecordBatch } from '../../../main/connectors/types';

/** A tail whose commits are recorded, as the pipeline would commit them. */
function recordingTail(path: string, cursor?: TailCursor, failOnce = false) {
  const seen: string[] = [];
  let saved: string | undefined;
  let shouldFail = failOnce;
  const tail = new FileTail(path, 60_000, cursor, {
    onBatch(batch: RecordBatch) {
      if (shouldFail) {
        shouldFail = false;
        throw new Error('disk full');
      }
      for (const record of batch.records) if ('text' in record) seen.push(record.text);
      saved = batch.cursor;
    },
    onState: () => undefined,
  });
  return { tail, seen, cursor: () => parseTailCursor(saved) };
}

function tempFile(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tail-')), 'eve.json');
  writeFileSync(path, content);
  return path;
}

describe('FileTail', () => {
  it('follows appends and waits for unfinished lines', () => {
    const path = tempFile('a\nb\n');
    const { tail, seen } = recordingTail(path);
    tail.start();
    appendFileSync(path, 'c\nd');
    tail.poll();
    expect(seen).toEqual(['a', 'b', 'c']);
    appendFileSync(path, '\n');
    tail.poll();
    tail.stop();
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
  });

  it('resumes a restarted tail at the committed offset: nothing lost, nothing twice', () => {
    const path = tempFile('1\n2\n3\n');
    const first = recordingTail(path);
    first.tail.start();
    first.tail.stop();
    appendFileSync(path, '4\n5\n');
    const second = recordingTail(path, first.cursor());
    second.tail.start();
    second.tail.stop();
    expect(first.seen).toEqual(['1', '2', '3']);
    expect(second.seen).toEqual(['4', '5']);
  });

  it('sees a truncation refilled past the offset between two polls, and loses no line', () => {
    const path = tempFile('{"n":1}\n{"n":2}\n');
    const { tail, seen } = recordingTail(path);
    tail.start();
    // copytruncate, then a burst bigger than what was read, before the next poll.
    truncateSync(path, 0);
    appendFileSync(path, ['{"n":3}', '{"n":4}', '{"n":5}', ''].join('\n'));
    tail.poll();
    tail.stop();
    expect(seen).toEqual(['{"n":1}', '{"n":2}', '{"n":3}', '{"n":4}', '{"n":5}']);
  });

  it('sees a file truncated and refilled while it was stopped, and reads it whole', () => {
    const path = tempFile('{"n":1}\n{"n":2}\n');
    const first = recordingTail(path);
    first.tail.start();
    first.tail.stop();
    truncateSync(path, 0);
    appendFileSync(path, ['{"n":3}', '{"n":4}', '{"n":5}', ''].join('\n'));
    const second = recordingTail(path, first.cursor());
    second.tail.start();
    second.tail.stop();
    expect(second.seen).toEqual(['{"n":3}', '{"n":4}', '{"n":5}']);
  });

  it('reads the same lines again when a commit failed', () => {
    const path = tempFile('1\n2\n');
    const { tail, seen } = recordingTail(path, undefined, true);
    tail.start();
    expect(seen).toEqual([]);
    tail.poll();
    tail.stop();
    expect(seen).toEqual(['1', '2']);
  });

  it('drains a rotated file, then follows its successor from the start', () => {
    const path = tempFile('1\n');
    const { tail, seen } = recordingTail(path);
    tail.start();
    appendFileSync(path, '2\n');
    renameSync(path, `${path}.1`);
    writeFileSync(path, '3\n');
    tail.poll();
    tail.stop();
    expect(seen).toEqual(['1', '2', '3']);
  });

  it('starts over when the file is truncated', () => {
    const path = tempFile('1\n2\n');
    const { tail, seen } = recordingTail(path);
    tail.start();
    truncateSync(path, 0);
    appendFileSync(path, '3\n');
    tail.poll();
    tail.stop();
    expect(seen).toEqual(['1', '2', '3']);
  });

  it('starts from the beginning when the saved cursor names another file', () => {
    const path = tempFile('1\n2\n');
    const { tail, seen } = recordingTail(path, { ino: -1, offset: 2 });
    tail.start();
    tail.stop();
    expect(seen).toEqual(['1', '2']);
  });

  it('reads unreadable cursors as none', () => {
    expect(parseTailCursor('{oops')).toBeUndefined();
    expect(parseTailCursor('{"ino":1}')).toBeUndefined();
    expect(parseTailCursor('{"ino":1,"offset":5}')).toEqual({ ino: 1, offset: 5 });
  });
});
