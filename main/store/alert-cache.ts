/**
 * The alert cache: every alert, quarantined record and feed position the
 * app has seen, in one SQLite file shared by the desktop app, serve mode and
 * the CLI. Every failure surfaces as a CacheError.
 */
import type { Database } from 'better-sqlite3';
import type { Arc, IncidentDetail, QuarantineEntry, Sectors, Stats } from '../../shared/api';
import type { IncidentFilter } from '../../shared/incident-filter';
import type { RetentionRun } from '../../shared/cache';
import type { Alert, AlertDetail, Incident } from '../../shared/model';
import type { Tlp } from '../../shared/vocab';
import type { CorrelationOptions } from '../correlate/correlation-key';
import { Correlator } from '../correlate/correlator';
import { AFTER_ALERT_VIEW, alertFromValues, seqOf, type AlertValues } from './alert-read';
import { ALERT_VIEW_COLUMNS } from './alert-row';
import { readArcs } from './arcs-query';
import { BY_ID } from './by-id';
import { readCacheFacts, type CacheFacts } from './cache-facts';
import { toCacheError } from './cache-error';
import { compactDatabase } from './compaction';
import {
  checkBatch,
  writeBatch,
  type CommitBatch,
  type CommitContext,
  type CommitResult,
} from './commit';
import { openDatabase, type OpenOptions } from './db';
import { FeedTable, type FeedCounters } from './feeds';
import {
  addIncidentNote,
  changeIncident,
  type ChangeAuthor,
  type IncidentChange,
} from './incident-changes';
import {
  incidentNum,
  readIncidentAlerts,
  readIncidentDetail,
  readIncidents,
} from './incident-queries';
import { readQuarantine } from './quarantine';
import { RawBlocks } from './raw-blocks';
import { TLP_CODES, toCode } from './codes';
import { RawDictionaries } from './raw-dictionary';
import { timed } from './slow-query';
import { Statements } from './statements';
import { readSectors } from './sector-queries';
import { readStats } from './stats-queries';
import {
  readAlertsBetween,
  readAlertsObserved,
  readWindowArcs,
  type ObservedRange,
} from './window-queries';
import { countWindowAlerts, readWindowStats } from './window-stats';
import { TextInterner } from './texts';
import { applyRetention, type RetentionOptions, type RetentionPolicy } from './retention';
import type { CompactionRun } from './maintenance-runs';

/** How to open a cache, and how its commits group alerts into incidents. */
export interface CacheOptions extends OpenOptions {
  correlation?: CorrelationOptions;
}

/** The stored code of a TLP ceiling; no ceiling is the most restrictive level, letting all through. */
const tlpCode = (maxTlp: Tlp | undefined): number =>
  maxTlp === undefined ? TLP_CODES.length - 1 : toCode(TLP_CODES, maxTlp);

/** A read-write (or read-only) handle on one cache file. */
export class AlertCache {
  private readonly statements: Statements;
  private readonly context: CommitContext;
  private readonly dictionaries: RawDictionaries;

  private constructor(
    private readonly db: Database,
    /** The cache file. */
    readonly file: string,
    correlation: CorrelationOptions | undefined,
  ) {
    this.statements = new Statements(db);
    this.dictionaries = new RawDictionaries(this.statements);
    const texts = new TextInterner(this.statements);
    this.context = {
      statements: this.statements,
      feeds: new FeedTable(this.statements),
      blocks: new RawBlocks(this.statements, this.dictionaries),
      texts,
      correlator: new Correlator(this.statements, texts, correlation),
    };
  }

  /** Opens the cache at `file`, creating and migrating it unless read-only. */
  static open(file: string, options: CacheOptions = {}): AlertCache {
    return new AlertCache(openDatabase(file, options), file, options.correlation);
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
      this.context.correlator.forget();
      this.dictionaries.forget();
      throw toCacheError(error, this.file);
    }
  }

  /** The incidents that match `filter`. */
  incidents(filter: IncidentFilter): Incident[] {
    return this.read('incidents', () => readIncidents(this.statements, filter));
  }

  /** Incident `id` with its timeline of changes, or null. */
  incident(id: string): IncidentDetail | null {
    return this.read('incident', () => readIncidentDetail(this.statements, id));
  }

  /** Up to `limit` alerts of incident `id` in observed order, within [from, to] if given. */
  incidentAlerts(id: string, range: { from?: number; to?: number; limit: number }): Alert[] {
    return this.read('incident alerts', () => readIncidentAlerts(this.statements, id, range));
  }

  /**
   * Up to `limit` alerts of incident `id` stored after `afterSeq`, in stored
   * order, and the last seq read: an export pages through an incident of
   * any size with it, and stored order lets a re-import group alike.
   */
  incidentAlertsAfter(
    id: string,
    afterSeq: number,
    limit: number,
  ): { alerts: Alert[]; lastSeq: number } {
    return this.read('incident alerts after', () => {
      const num = incidentNum(this.statements, id);
      if (num === undefined) return { alerts: [], lastSeq: afterSeq };
      const sql = `SELECT ${ALERT_VIEW_COLUMNS} FROM alert_view
        WHERE incident = ? AND seq > ? ORDER BY seq LIMIT ?`;
      const rows = this.statements.get(sql).raw().all(num, afterSeq, limit) as AlertValues[];
      const last = rows.at(-1);
      return { alerts: rows.map(alertFromValues), lastSeq: last ? seqOf(last) : afterSeq };
    });
  }

  /** Sets an incident's status and/or assignee; null when there is no such incident. */
  updateIncident(id: string, change: IncidentChange, by: ChangeAuthor): IncidentDetail | null {
    return this.change(() => changeIncident(this.statements, id, change, by), id);
  }

  /** Adds a note to an incident's timeline; null when there is no such incident. */
  addIncidentNote(id: string, text: string, by: ChangeAuthor): IncidentDetail | null {
    return this.change(() => addIncidentNote(this.statements, id, text, by), id);
  }

  /** Where feed `feed` resumes reading, as it last committed it. */
  cursor(feed: string): string | undefined {
    return this.read('cursor', () => this.context.feeds.cursor(feed));
  }

  /** Totals and breakdowns of all alerts and quarantined records. */
  stats(maxTlp?: Tlp): Stats {
    return this.read('stats', () => readStats(this.statements, tlpCode(maxTlp)));
  }

  /** The newest `limit` alerts (marked at most `maxTlp`, if given), newest first. */
  recentAlerts(limit: number, maxTlp?: Tlp): Alert[] {
    const sql = `SELECT ${ALERT_VIEW_COLUMNS} FROM alert_view WHERE tlp <= ? ORDER BY seq DESC LIMIT ?`;
    return this.read('recent alerts', () => this.alerts(sql, tlpCode(maxTlp), limit));
  }

  /** When the oldest alert counted was observed (to the minute), or now for an empty cache. */
  firstObserved(): number {
    return this.read('first observed', () => {
      const minute = this.statements
        .get('SELECT min(minute) FROM sector_counts_minute')
        .pluck()
        .get();
      return typeof minute === 'number' ? minute * 60_000 : Date.now();
    });
  }

  /** Every sector's alerts in [from, to] (marked at most `maxTlp`, if given). */
  sectors(range: { from: number; to: number; buckets: number }, maxTlp?: Tlp): Sectors {
    return this.read('sectors', () => readSectors(this.statements, range, tlpCode(maxTlp)));
  }

  /** Up to `limit` alerts that arrived after `seq`, oldest first, and the last seq read. */
  alertsAfter(seq: number, limit: number): { alerts: Alert[]; lastSeq: number } {
    return this.read('alerts after', () => {
      const sql = `SELECT ${ALERT_VIEW_COLUMNS} FROM alert_view WHERE seq > ? ORDER BY seq LIMIT ?`;
      const rows = this.statements.get(sql).raw().all(seq, limit) as AlertValues[];
      const last = rows.at(-1);
      return { alerts: rows.map(alertFromValues), lastSeq: last ? seqOf(last) : seq };
    });
  }

  /** The seq of the newest alert; 0 when there is none. */
  latestSeq(): number {
    return this.read('latest seq', () => this.latest());
  }

  /** Up to `limit` aggregated arcs from the newest alerts placed at both ends. */
  arcs(limit: number, maxTlp?: Tlp): Arc[] {
    return this.read('arcs', () =>
      readArcs(this.statements, this.latest(), limit, tlpCode(maxTlp)),
    );
  }

  /** Statistics of the alerts observed in `range` and the incidents active then. */
  windowStats(range: ObservedRange, maxTlp?: Tlp): Stats {
    return this.read('window stats', () =>
      readWindowStats(this.statements, range, tlpCode(maxTlp)),
    );
  }

  /** How many alerts observed in `range` (to the minute) are marked at most `maxTlp`. */
  windowAlertCount(range: ObservedRange, maxTlp?: Tlp): number {
    return this.read('window alert count', () =>
      countWindowAlerts(this.statements, range, tlpCode(maxTlp)),
    );
  }

  /** Up to `limit` arcs from the newest alerts observed in `range`. */
  windowArcs(range: ObservedRange, limit: number, maxTlp?: Tlp): Arc[] {
    return this.read('window arcs', () =>
      readWindowArcs(this.statements, range, limit, tlpCode(maxTlp)),
    );
  }

  /** The newest `limit` alerts observed in `range`, newest first. */
  alertsObserved(range: ObservedRange, limit: number, maxTlp?: Tlp): Alert[] {
    return this.read('alerts observed', () =>
      readAlertsObserved(this.statements, range, limit, tlpCode(maxTlp)),
    );
  }

  /** The oldest `limit` alerts observed in (after, until], oldest first: a replay's step. */
  alertsBetween(step: { after: number; until: number }, limit: number, maxTlp?: Tlp): Alert[] {
    return this.read('alerts between', () =>
      readAlertsBetween(this.statements, step, limit, tlpCode(maxTlp)),
    );
  }

  /** One alert with its raw record, or null when no alert has this id. */
  getAlert(id: string): AlertDetail | null {
    return this.read('get alert', () => {
      const sql = `SELECT ${ALERT_VIEW_COLUMNS}, raw_block, raw_index FROM alert_view WHERE ${BY_ID}`;
      const row = this.statements.get(sql).raw().get({ id }) as AlertValues | undefined;
      if (!row) return null;
      const [block, index] = row.slice(AFTER_ALERT_VIEW) as [number, number];
      return { ...alertFromValues(row), raw: this.context.blocks.read(block, index) };
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

  /** The file's size, free space, contents and last maintenance runs. */
  facts(): CacheFacts {
    return this.read('cache facts', () => readCacheFacts(this.statements));
  }

  /**
   * Deletes what `policy` no longer keeps, in short transactions; the run
   * is logged and recorded when it removed anything.
   */
  async applyRetention(
    policy: RetentionPolicy,
    options: Omit<RetentionOptions, 'settled'>,
  ): Promise<RetentionRun | undefined> {
    try {
      return await applyRetention(this.statements, this.file, policy, {
        ...options,
        // Remembered incidents may be gone or hold counts of deleted alerts.
        settled: () => this.context.correlator.forget(),
      });
    } catch (error) {
      throw toCacheError(error, this.file);
    }
  }

  /** Gives free pages back to the disk (VACUUM) and records how much that was. */
  compact(now = Date.now()): CompactionRun {
    try {
      return compactDatabase(this.statements, now);
    } catch (error) {
      throw toCacheError(error, this.file);
    }
  }

  /** Closes the file; the handle is unusable afterwards. */
  close(): void {
    this.db.close();
  }

  private change(apply: () => boolean, id: string): IncidentDetail | null {
    const write = this.db.transaction(apply);
    let found: boolean;
    try {
      found = write.immediate();
    } catch (error) {
      throw toCacheError(error, this.file);
    }
    return found ? this.incident(id) : null;
  }

  private read<T>(label: string, work: () => T): T {
    try {
      return timed(label, work);
    } catch (error) {
      throw toCacheError(error, this.file);
    }
  }

  private alerts(sql: string, ...params: unknown[]): Alert[] {
    return (
      this.statements
        .get(sql)
        .raw()
        .all(...params) as AlertValues[]
    ).map(alertFromValues);
  }

  private latest(): number {
    const seq = this.statements.get('SELECT max(seq) FROM alerts').pluck().get();
    return typeof seq === 'number' ? seq : 0;
  }
}
