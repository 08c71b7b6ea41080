/**
 * The `feeds` table: one row per feed with its read position (cursor) and
 * running counters, updated in the same transaction as the feed's alerts.
 */
import { addCounts } from '../../shared/counts';
import type { Statements } from './statements';

/** What the cache knows about one feed. */
export interface FeedCounters {
  id: string;
  type: string;
  alerts: number;
  quarantined: number;
  /** Valid records without alerts, counted by event type. */
  ignored: Record<string, number>;
  lastEventAt?: number;
}

/** What one commit adds to a feed's row. */
export interface FeedUpdate {
  alerts: number;
  quarantined: number;
  ignored?: Record<string, number>;
  cursor?: string;
  lastEventAt?: number;
}

interface FeedRow {
  num: number;
  id: string;
  type: string;
  cursor: string | null;
  alerts: number;
  quarantined: number;
  ignored: string;
  last_event_at: number | null;
}

function parseCounts(json: string): Record<string, number> {
  const parsed: unknown = JSON.parse(json);
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, number>) : {};
}

function summed(
  into: Record<string, number>,
  more: Record<string, number>,
): Record<string, number> {
  const sum: Record<string, number> = {};
  addCounts(sum, into);
  addCounts(sum, more);
  return sum;
}

/** Reads and updates feed rows; remembers each feed's number for the connection. */
export class FeedTable {
  private readonly nums = new Map<string, number>();

  constructor(private readonly statements: Statements) {}

  /** The number of feed `id`, creating its row (or updating its type) as needed. */
  ensure(id: string, type: string, now: number): number {
    const cached = this.nums.get(id);
    if (cached !== undefined) return cached;
    const row = this.row(id);
    let num: number;
    if (row) {
      num = row.num;
      if (row.type !== type) {
        this.statements
          .get('UPDATE feeds SET type = ?, updated_at = ? WHERE num = ?')
          .run(type, now, num);
      }
    } else {
      const sql = 'INSERT INTO feeds (id, type, updated_at) VALUES (?, ?, ?)';
      num = Number(this.statements.get(sql).run(id, type, now).lastInsertRowid);
    }
    this.nums.set(id, num);
    return num;
  }

  /** The stored read position of feed `id`. */
  cursor(id: string): string | undefined {
    return this.row(id)?.cursor ?? undefined;
  }

  /** Adds a commit's counts to a feed and moves its cursor. */
  record(num: number, update: FeedUpdate, now: number): void {
    const row = this.statements.get('SELECT * FROM feeds WHERE num = ?').get(num) as FeedRow;
    const ignored = summed(parseCounts(row.ignored), update.ignored ?? {});
    const lastEventAt =
      update.lastEventAt === undefined
        ? row.last_event_at
        : Math.max(row.last_event_at ?? update.lastEventAt, update.lastEventAt);
    this.statements
      .get(
        `UPDATE feeds SET alerts = alerts + @alerts, quarantined = quarantined + @quarantined,
           ignored = @ignored, cursor = @cursor, last_event_at = @lastEventAt, updated_at = @now
         WHERE num = @num`,
      )
      .run({
        num,
        now,
        lastEventAt,
        alerts: update.alerts,
        quarantined: update.quarantined,
        ignored: JSON.stringify(ignored),
        cursor: update.cursor ?? row.cursor,
      });
  }

  /** Every feed with its counters, by id. */
  list(): FeedCounters[] {
    const rows = this.statements.get('SELECT * FROM feeds ORDER BY id').all() as FeedRow[];
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      alerts: row.alerts,
      quarantined: row.quarantined,
      ignored: parseCounts(row.ignored),
      ...(row.last_event_at === null ? {} : { lastEventAt: row.last_event_at }),
    }));
  }

  /** Forgets feed numbers that a rolled-back transaction handed out. */
  forget(): void {
    this.nums.clear();
  }

  private row(id: string): FeedRow | undefined {
    return this.statements.get('SELECT * FROM feeds WHERE id = ?').get(id) as FeedRow | undefined;
  }
}
