/**
 * The ingest pipeline for one batch: parse each record, stamp it with its
 * feed, enrich it, validate the result, and commit alerts, quarantine
 * entries and the feed's cursor in one transaction.
 */
import { AlertSchema, type Alert } from '../../shared/model';
import { addCounts } from '../../shared/counts';
import type { Tlp } from '../../shared/vocab';
import type { RecordBatch } from '../connectors/types';
import type { ParsedAlert, Parser } from '../parsers/types';
import type { AlertCache } from '../store/alert-cache';
import { compileSchemaCheck } from '../store/schema-check';
import { scopedLogger } from './log';

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
  quarantined: number;
  /** Valid records that carry no alert, by type (e.g. EVE "flow"). */
  ignored: Record<string, number>;
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
}

/** Runs batches of records through parse, enrich, validate and store. */
export class Ingestor {
  constructor(
    private readonly cache: AlertCache,
    private readonly enrich: Enrich,
    private readonly clock: () => number = Date.now,
  ) {
    if ('unsupported' in alertCheck) {
      log.warn(`alerts are validated by zod alone (slower): ${alertCheck.unsupported}`);
    }
  }

  /** Ingests one batch; the cache commit is atomic with the batch's cursor. */
  ingest(feed: FeedContext, parser: Parser, batch: RecordBatch): IngestSummary {
    const receivedAt = this.clock();
    const alerts: (Alert & { raw: string })[] = [];
    const quarantine: QuarantineItem[] = [];
    const ignored: Record<string, number> = {};

    for (const record of batch.records) {
      if ('error' in record) {
        quarantine.push({ position: record.position, reason: record.error, raw: record.raw });
        continue;
      }
      const result = parser.parse(record.text, record.position);
      if (!result.ok) {
        quarantine.push({
          position: record.position,
          reason: `${parser.format}: ${result.reason}`,
          raw: record.raw,
        });
        continue;
      }
      addCounts(ignored, result.ignored ?? {});
      for (const rejected of result.rejected ?? []) {
        quarantine.push({ ...rejected, reason: `${parser.format}: ${rejected.reason}` });
      }
      for (const parsed of result.alerts) {
        const outcome = this.finish(parsed, feed, receivedAt);
        if ('reason' in outcome) quarantine.push({ position: record.position, ...outcome });
        else alerts.push(outcome);
      }
    }

    const committed = this.cache.commit({
      feed: feed.id,
      feedType: feed.type,
      alerts,
      quarantine,
      ignored,
      cursor: batch.cursor,
    });
    return {
      records: batch.records.length,
      inserted: committed.inserted,
      duplicates: committed.duplicates,
      quarantined: quarantine.length,
      ignored,
    };
  }

  /** Quarantines a whole source that cannot be parsed at all (e.g. an unknown format). */
  reject(feed: FeedContext, position: string, reason: string, raw: Buffer): IngestSummary {
    this.cache.commit({
      feed: feed.id,
      feedType: feed.type,
      alerts: [],
      quarantine: [{ position, reason, raw }],
    });
    return { ...emptySummary(), records: 1, quarantined: 1 };
  }

  /** Stamps, enriches and validates one parsed alert, or says why it cannot be kept. */
  private finish(
    parsed: ParsedAlert,
    feed: FeedContext,
    receivedAt: number,
  ): (Alert & { raw: string }) | { reason: string; raw: string } {
    const { raw, ...fields } = this.enrich(parsed);
    const candidate = { ...fields, tlp: fields.tlp ?? feed.tlp, feed: feed.id, receivedAt };
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
