/**
 * The alert cache: every alert, quarantined record and feed position the
 * app has seen, in one SQLite file shared by the desktop app, serve mode and
 * the CLI. Every failure surfaces as a CacheError.
 */
import type { Database } from 'better-sqlite3';
import type { Arc, QuarantineEntry, Stats } from '../../shared/api';
import type { Alert, AlertDetail } from '../../shared/model';
import { ALERT_VIEW_COLUMNS, alertFromRow, type AlertRow } from './alert-row';
import { readArcs } from './arcs-query';
import { toCacheError } from './cache-error';
import {
  checkBatch,
  writeBatch,
  type CommitBatch,
  type CommitContext,
  type CommitResult,
} from './commit';
import { openDatabase, type OpenOptions } from './db';
import { FeedTable, type FeedCounters } from './feeds';
import { readQuarantine } from './quarantine';
import { RawBlocks } from './raw-blocks';
import { RawDictionaries } from './raw-dictionary';
import { timed } from './slow-query';
import { Statements } from './statements';
import { readStats } from './stats-queries';
import { TextInterner } from './texts';

// The id index keys on the id's tail (see migrations/001-initial.ts); the
// same expression must appear here for SQLite to use it.
const BY_ID = 'substr(id, -8) = substr(@id, -8) AND id = @id';

/** A read-write (or read-only) handle on one cache file. */
export class AlertCache {
  private readonly statements: Statements;
  private readonly context: CommitContext;
  private readonly dictionaries: RawDictionaries;

  private constructor(
    private readonly db: Database,
    /** The cache file. */
    readonly file: string,
  ) {
    this.statements = new Statements(db);
    this.dictionaries = new RawDictionaries(this.statements);
    this.context = {
      statements: this.statements,
      texts: new TextInterner(this.statements),
      feeds: new FeedTable(this.statements),
      blocks: new RawBlocks(this.statements, this.dictionaries),
    };
  }

  /** Opens the cache at `file`, creating and migrating it unless read-only. */
  static open(file: string, options: OpenOptions = {}): AlertCache {
    return new AlertCache(openDatabase(file, options), file);
  }

  /**
   * Stores a feed's batch in one transaction: new alerts (an id already
   * stored counts as a duplicate), quarantined records, counters and cursor.
   */
  commit(batch: CommitBatch): CommitResult {
    checkBatch(batch);
    const write = this.db.transaction(() => writeBatch(this.context, batch, Date.now()));
    try {
      return timed(`commit of ${batch.alerts.length} alerts`, () => write.immediate());
    } catch (error) {
      this.context.texts.forget();
      this.context.feeds.forget();
      this.context.blocks.forget();
      this.dictionaries.forget();
      throw toCacheError(error, this.file);
    }
  }

  /** Where feed `feed` resumes reading, as it last committed it. */
  cursor(feed: string): string | undefined {
    return this.read('cursor', () => this.context.feeds.cursor(feed));
  }

  /** Totals and breakdowns of all alerts and quarantined records. */
  stats(): Stats {
    return this.read('stats', () => readStats(this.statements));
  }

  /** The newest `limit` alerts, newest first. */
  recentAlerts(limit: number): Alert[] {
    const sql = `SELECT ${ALERT_VIEW_COLUMNS} FROM alert_view ORDER BY seq DESC LIMIT ?`;
    return this.read('recent alerts', () => this.alerts(sql, limit));
  }

  /** Up to `limit` alerts that arrived after `seq`, oldest first, and the last seq read. */
  alertsAfter(seq: number, limit: number): { alerts: Alert[]; lastSeq: number } {
    return this.read('alerts after', () => {
      const sql = `SELECT ${ALERT_VIEW_COLUMNS} FROM alert_view WHERE seq > ? ORDER BY seq LIMIT ?`;
      const rows = this.statements.get(sql).all(seq, limit) as AlertRow[];
      const last = rows.at(-1)?.seq;
      return { alerts: rows.map(alertFromRow), lastSeq: typeof last === 'number' ? last : seq };
    });
  }

  /** The seq of the newest alert; 0 when there is none. */
  latestSeq(): number {
    return this.read('latest seq', () => this.latest());
  }

  /** Up to `limit` aggregated arcs from the newest alerts placed at both ends. */
  arcs(limit: number): Arc[] {
    return this.read('arcs', () => readArcs(this.statements, this.latest(), limit));
  }

  /** One alert with its raw record, or null when no alert has this id. */
  getAlert(id: string): AlertDetail | null {
    return this.read('get alert', () => {
      const sql = `SELECT ${ALERT_VIEW_COLUMNS}, raw_block, raw_index FROM alert_view WHERE ${BY_ID}`;
      const row = this.statements.get(sql).get({ id }) as AlertRow | undefined;
      if (!row) return null;
      const raw = this.context.blocks.read(row.raw_block as number, row.raw_index as number);
      return { ...alertFromRow(row), raw };
    });
  }

  /** The newest `limit` quarantined records, newest first. */
  listQuarantine(limit: number): QuarantineEntry[] {
    return this.read('quarantine', () => readQuarantine(this.statements, limit));
  }

  /** Every feed the cache has seen, with its counters. */
  feedCounters(): FeedCounters[] {
    return this.read('feed counters', () => this.context.feeds.list());
  }

  /** Closes the file; the handle is unusable afterwards. */
  close(): void {
    this.db.close();
  }

  private read<T>(label: string, work: () => T): T {
    try {
      return timed(label, work);
    } catch (error) {
      throw toCacheError(error, this.file);
    }
  }

  private alerts(sql: string, ...params: unknown[]): Alert[] {
    return (this.statements.get(sql).all(...params) as AlertRow[]).map(alertFromRow);
  }

  private latest(): number {
    const seq = this.statements.get('SELECT max(seq) FROM alerts').pluck().get();
    return typeof seq === 'number' ? seq : 0;
  }
}
