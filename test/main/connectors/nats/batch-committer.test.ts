import type { JsMsg } from '@nats-io/jetstream';
import { describe, expect, it } from 'vitest';
import { BatchCommitter } from '../../../../main/connectors/nats/batch-committer';
import type { RecordBatch } from '../../../../main/connectors/types';

/** The parts of a JetStream message the committer touches, recording its answers. */
function message(seq: number, text: string) {
  const answers: string[] = [];
  const fake = {
    seq,
    data: new TextEncoder().encode(text),
    info: { stream: 'EVE' },
    ack: () => answers.push('ack'),
    nak: (delay?: number) => answers.push(`nak ${delay}`),
  };
  return { message: fake as unknown as JsMsg, answers };
}

describe('batch committer', () => {
  it('acks only after the commit, and hands a batch back when the commit fails', () => {
    const batches: RecordBatch[] = [];
    const reports: (string | undefined)[] = [];
    let failing = true;
    const committer = new BatchCommitter(
      'EVE',
      JSON.stringify({ stream: 'EVE', seq: 7 }),
      { initialMs: 100, maxMs: 100 },
      {
        ingest: (batch) => {
          if (failing) throw new Error('disk I/O error');
          batches.push(batch);
        },
        report: (failure) => reports.push(failure),
        warn: () => {},
      },
    );
    const first = [message(9, '{"a":1}\n'), message(8, '')];

    committer.commit(first.map((m) => m.message));
    const [answer] = first[0]!.answers;
    const wait = Number(/^nak (\d+)$/.exec(answer ?? '')?.[1]);
    expect(wait).toBeGreaterThanOrEqual(50); // the first wait, drawn from the upper half of 100 ms
    expect(first[1]!.answers).toEqual([`nak ${wait}`]);
    expect(reports).toEqual([`2 messages not stored, due again in ${wait} ms: disk I/O error`]);

    failing = false;
    committer.commit(first.map((m) => m.message));
    expect(first.map((m) => m.answers.at(-1))).toEqual(['ack', 'ack']);
    expect(reports.at(-1)).toBeUndefined();
    expect(batches[0]).toEqual({
      records: [
        { position: 'EVE #9', raw: Buffer.from('{"a":1}'), text: '{"a":1}' },
        { position: 'EVE #8', raw: Buffer.alloc(0), error: 'empty message' },
      ],
      cursor: JSON.stringify({ stream: 'EVE', seq: 9 }),
    });

    // A redelivered message below the cursor never moves it back.
    committer.commit([message(3, '{}').message]);
    expect(batches[1]?.cursor).toBe(JSON.stringify({ stream: 'EVE', seq: 9 }));
  });
});
