/**
 * Records no parser could turn into alerts, kept with the reason so that a
 * user can see what was dropped and why.
 */
import { createHash } from 'node:crypto';
import type { QuarantineEntry } from '../../shared/api';
import type { Statements } from './statements';

/** At most this much of a quarantined record is kept. */
export const MAX_QUARANTINE_RAW_BYTES = 64 * 1024;

/** A rejected record as the pipeline hands it over. */
export interface QuarantineInput {
  position: string;
  reason: string;
  raw: Buffer | string;
}

interface QuarantineRow {
  id: number;
  feed: string;
  position: string;
  reason: string;
  received_at: number;
  raw: Uint8Array;
  raw_bytes: number;
}

/** Identifies a rejected record by where it was, why, and its bytes. */
function fingerprint(entry: QuarantineInput, bytes: Buffer): Buffer {
  const hash = createHash('sha256');
  hash.update(entry.position).update('\0').update(entry.reason).update('\0').update(bytes);
  return hash.digest().subarray(0, 16);
}

/**
 * Stores one rejected record of feed number `feed`, cut to
 * MAX_QUARANTINE_RAW_BYTES; false when the same record is already kept.
 */
export function insertQuarantine(
  statements: Statements,
  feed: number,
  entry: QuarantineInput,
  receivedAt: number,
): boolean {
  const bytes = typeof entry.raw === 'string' ? Buffer.from(entry.raw, 'utf8') : entry.raw;
  const result = statements
    .get(
      `INSERT OR IGNORE INTO quarantine
         (feed, position, reason, received_at, raw, raw_bytes, fingerprint)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      feed,
      entry.position,
      entry.reason,
      receivedAt,
      bytes.subarray(0, MAX_QUARANTINE_RAW_BYTES),
      bytes.length,
      fingerprint(entry, bytes),
    );
  return result.changes > 0;
}

/**
 * The newest `limit` quarantined records, newest first. The left join keeps
 * quarantine as the outer loop, read backwards by id rather than sorted.
 */
export function readQuarantine(statements: Statements, limit: number): QuarantineEntry[] {
  const rows = statements
    .get(
      `SELECT q.id, feeds.id AS feed, q.position, q.reason, q.received_at, q.raw, q.raw_bytes
       FROM quarantine q LEFT JOIN feeds ON feeds.num = q.feed
       ORDER BY q.id DESC LIMIT ?`,
    )
    .all(limit) as QuarantineRow[];
  return rows.map((row) => ({
    id: row.id,
    feed: row.feed,
    position: row.position,
    reason: row.reason,
    receivedAt: row.received_at,
    // Decoding replaces invalid UTF-8, including a character cut by the cap.
    raw: Buffer.from(row.raw).toString('utf8'),
    rawBytes: row.raw_bytes,
  }));
}
