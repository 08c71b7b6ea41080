/**
 * `lagebild serve` tailing a file is killed with SIGKILL while the file is
 * still being written, again and again at seeded random points, and
 * started once more: the cache passes SQLite's integrity check after every
 * kill and keeps what it had committed, and every line written ends up in
 * the cache exactly once.
 */
import Database from 'better-sqlite3';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eveParser } from '../../../main/parsers/eve';
import { samplePath } from '../../support/samples';
import { between, seededRandom } from '../../support/seeded-random';
import { startServe, type ServeProcess } from '../../support/serve-process';

const LINES = 6000;
const CHUNK = 150;
const KILLS = 3;
/** Lines written in a round before its kill: a random number in this range. */
const ROUND_LINES = [600, 1800] as const;
const SEED = 0x5eed_0017;

/** A real Suricata alert, made into LINES distinct ones by its flow id. */
const TEMPLATE = JSON.parse(
  readFileSync(
    samplePath('suricata-eve', 'suricata-verify_alert-testmyids_expected_eve.json'),
    'utf8',
  ),
) as Record<string, unknown>;
const line = (n: number) => JSON.stringify({ ...TEMPLATE, flow_id: 2_000_000 + n });

const serves: ServeProcess[] = [];
afterAll(() => {
  for (const serve of serves) serve.child.kill('SIGKILL');
});

function stored(cache: string): { total: number; distinct: number; integrity: string } {
  const db = new Database(cache, { readonly: true });
  try {
    const total = db.prepare('SELECT count(*) FROM alerts').pluck().get() as number;
    const distinct = db.prepare('SELECT count(DISTINCT id) FROM alerts').pluck().get() as number;
    const integrity = db.prepare('PRAGMA integrity_check').pluck().get() as string;
    return { total, distinct, integrity };
  } finally {
    db.close();
  }
}

function storedIds(cache: string): Set<string> {
  const db = new Database(cache, { readonly: true });
  try {
    return new Set(db.prepare('SELECT id FROM alerts').pluck().all() as string[]);
  } finally {
    db.close();
  }
}

describe('a file tail killed mid-ingest', () => {
  it('keeps every committed alert once, through repeated SIGKILLs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lagebild-tail-kill-'));
    const eve = join(dir, 'eve.json');
    const cache = join(dir, 'cache.sqlite');
    writeFileSync(eve, '');
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({
        cache,
        feeds: [{ id: 'sensor', type: 'file-tail', path: eve, format: 'eve', pollMs: 20 }],
      }),
    );
    const start = async () => {
      const serve = await startServe(['--config', join(dir, 'config.json')], {
        LAGEBILD_HOME: dir,
      });
      serves.push(serve);
      return serve;
    };

    let written = 0;
    const writeChunk = () => {
      const count = Math.min(CHUNK, LINES - written);
      appendFileSync(
        eve,
        `${Array.from({ length: count }, (_, i) => line(written + i)).join('\n')}\n`,
      );
      written += count;
    };

    const random = seededRandom(SEED);
    let committed = new Set<string>();
    for (let kill = 0; kill < KILLS; kill += 1) {
      const serve = await start();
      // Write while it reads, then kill it at a point the seed picks.
      const until = written + between(random, ...ROUND_LINES);
      while (written < until) {
        writeChunk();
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
      await new Promise((resolve) => setTimeout(resolve, between(random, 0, 100)));
      serve.child.kill('SIGKILL');
      await new Promise((resolve) => serve.child.once('exit', resolve));
      const after = stored(cache);
      expect(after.integrity, `kill ${kill}`).toBe('ok');
      expect(after.total, `kill ${kill}: doubled alerts`).toBe(after.distinct);
      const now = storedIds(cache);
      expect(
        [...committed].filter((id) => !now.has(id)),
        `kill ${kill}: committed alerts lost`,
      ).toEqual([]);
      committed = now;
    }
    while (written < LINES) writeChunk();

    const last = await start();
    await expect.poll(() => stored(cache).total, { timeout: 60_000, interval: 100 }).toBe(LINES);
    await last.stop();

    const final = stored(cache);
    expect(final).toEqual({ total: LINES, distinct: LINES, integrity: 'ok' });
    // And they are the alerts of exactly the lines written.
    const db = new Database(cache, { readonly: true });
    const ids = new Set(db.prepare('SELECT id FROM alerts').pluck().all() as string[]);
    db.close();
    for (const n of [0, 1, LINES / 2, LINES - 1]) {
      const parsed = eveParser.parse(line(n), 'test');
      expect(parsed.ok && ids.has(parsed.alerts[0]!.id)).toBe(true);
    }
  }, 120_000);
});
