/**
 * The ingest pipeline for one batch: parse each record, stamp it with its
 * feed, enrich it, validate the result, and commit alerts, quarantine
 * entries and the feed's cursor in one transaction.
 */
import { AlertSchema, type Alert } from '../../shared/model';
import { addCounts } from '../../shared/counts';
import { stricterTlp, type Tlp } from '../../shared/vocab';
import type { RecordBatch } from '../connectors/types';
import type { ParsedAlert, Parser } from '../parsers/types';
import type { AlertCache } from '../store/alert-cache';
import type { CommitBatch, CommitResult } from '../store/commit';
import { compileSchemaCheck } from '../store/schema-check';
import type { CommitObserver } from './cache-health';
import { scopedLogger } from './log';
import { LiveQuarantineBudgets, type QuarantineBudget } from './quarantine-budget';

const log = scopedLogger('ingest');

// Every alert is validated against AlertSchema. The compiled check passes
// the valid ones at a tenth of zod's cost and is never more lenient; zod has
// the last word on whatever it does not pass, and says why.
const alertCheck = compileSchemaCheck(AlertSchema);

/** The feed a batch belongs to. */
export interface FeedContext {
  id: string;
  type: string;
  /** TLP for records that carry no marking of their own. */
  tlp: Tlp;
}

/** What one batch (or a whole import) did. */
export interface IngestSummary {
  records: number;
  inserted: number;
  duplicates: number;
  /** Records rejected, every one, though past a source's budget only a summary is stored. */
  quarantined: number;
  /** Valid records that carry no alert, by type (e.g. EVE "flow"). */
  ignored: Record<string, number>;
  /** How far behind its receipt the newest alert of the batch was observed, ms; no alerts, none. */
  lagMs?: number;
}

type Enrich = (alert: ParsedAlert) => ParsedAlert;
type QuarantineItem = { position: string; reason: string; raw: Buffer | string };

/** An empty summary, to add batches into. */
export function emptySummary(): IngestSummary {
  return { records: 0, inserted: 0, duplicates: 0, quarantined: 0, ignored: {} };
}

/** Adds one summary into another. */
export function addSummary(into: IngestSummary, more: IngestSummary): void {
  into.records += more.records;
  into.inserted += more.inserted;
  into.duplicates += more.duplicates;
  into.quarantined += more.quarantined;
  addCounts(into.ignored, more.ignored);
  if (more.lagMs !== undefined) into.lagMs = more.lagMs;
}

/** Runs batches of records through parse, enrich, validate and store. */
export class Ingestor {
  private readonly liveBudgets = new LiveQuarantineBudgets();

  constructor(
    private readonly cache: AlertCache,
    private readonly enrich: Enrich,
    private readonly clock: () => number = Date.now,
    /** Told of every commit's outcome: the cache's state follows them. */
    private readonly commits?: CommitObserver,
  ) {
    if ('unsupported' in alertCheck) {
      log.warn(`alerts are validated by zod alone (slower): ${alertCheck.unsupported}`);
    }
  }

  /**
   * Ingests one batch; the cache commit is atomic with the batch's cursor.
   * `budget` bounds what one source (a file) stores in quarantine over all
   * its batches, and the caller stores its summary with `finishSource`.
   * Without one (a live feed), the feed's budget for the current minute
   * bounds it, and a summary of what went over comes with the batch.
   */
  ingest(
    feed: FeedContext,
    parser: Parser,
    batch: RecordBatch,
    budget?: QuarantineBudget,
  ): IngestSummary {
    const receivedAt = this.clock();
    const alerts: (Alert & { raw: string })[] = [];
    const quarantine: QuarantineItem[] = [];
    const ignored: Record<string, number> = {};
    const bounded = budget ?? this.liveBudgets.forBatch(feed.id, receivedAt);
    let rejected = 0;
    const reject = (item: QuarantineItem) => {
      rejected += 1;
      if (bounded.admit(item.position)) quarantine.push(item);
    };

    for (const record of batch.records) {
      if ('error' in record) {
        reject({ position: record.position, reason: record.error, raw: record.raw });
        continue;
      }
      const result = parser.parse(record.text, record.position);
      if (!result.ok) {
        reject({
          position: record.position,
          reason: `${parser.format}: ${result.reason}`,
          raw: record.raw,
        });
        continue;
      }
      addCounts(ignored, result.ignored ?? {});
      for (const part of result.rejected ?? []) {
        reject({ ...part, reason: `${parser.format}: ${part.reason}` });
      }
      if (result.rejectedMore) {
        rejected += result.rejectedMore;
        bounded.countOver(record.position, result.rejectedMore);
      }
      for (const parsed of result.alerts) {
        const outcome = this.finish(parsed, feed, receivedAt);
        if ('reason' in outcome) reject({ position: record.position, ...outcome });
        else alerts.push(outcome);
      }
    }
    const summary = budget ? undefined : bounded.takeSummary();
    if (summary) quarantine.push(summary);

    const committed = this.commit(batch.records.length, {
      feed: feed.id,
      feedType: feed.type,
      alerts,
      quarantine,
      ignored,
      cursor: batch.cursor,
    });
    const newest = alerts.reduce((latest, alert) => Math.max(latest, alert.observedAt), -Infinity);
    return {
      records: batch.records.length,
      inserted: committed.inserted,
      duplicates: committed.duplicates,
      quarantined: rejected,
      ignored,
      ...(alerts.length > 0 ? { lagMs: Math.max(0, receivedAt - newest) } : {}),
    };
  }

  /** Stores the summary of what went over a source's quarantine budget, if anything did. */
  finishSource(feed: FeedContext, budget: QuarantineBudget): void {
    const summary = budget.summary();
    if (!summary) return;
    this.commit(1, { feed: feed.id, feedType: feed.type, alerts: [], quarantine: [summary] });
  }

  /** Quarantines a whole source that cannot be parsed at all (e.g. an unknown format). */
  reject(feed: FeedContext, position: string, reason: string, raw: Buffer): IngestSummary {
    this.commit(1, {
      feed: feed.id,
      feedType: feed.type,
      alerts: [],
      quarantine: [{ position, reason, raw }],
    });
    return { ...emptySummary(), records: 1, quarantined: 1 };
  }

  /** Commits a batch of `records` records, telling the observer how it went; throws on failure. */
  private commit(records: number, batch: CommitBatch): CommitResult {
    try {
      const result = this.cache.commit(batch);
      this.commits?.committed();
      return result;
    } catch (error) {
      this.commits?.failed(batch.feed, records, error);
      throw error;
    }
  }

  /** Stamps, enriches and validates one parsed alert, or says why it cannot be kept. */
  private finish(
    parsed: ParsedAlert,
    feed: FeedContext,
    receivedAt: number,
  ): (Alert & { raw: string }) | { reason: string; raw: string } {
    const { raw, partlyUnmarked, ...fields } = this.enrich(parsed);
    const tlp = fields.tlp && partlyUnmarked ? stricterTlp(fields.tlp, feed.tlp) : fields.tlp;
    const candidate = { ...fields, tlp: tlp ?? feed.tlp, feed: feed.id, receivedAt };
    if ('check' in alertCheck && alertCheck.check(candidate)) return { ...candidate, raw };
    const checked = AlertSchema.safeParse(candidate);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const where = issue?.path.join('.') || 'alert';
      return { reason: `invalid alert: ${where}: ${issue?.message ?? 'rejected'}`, raw };
    }
    return { ...checked.data, raw };
  }
}
