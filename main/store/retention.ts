/**
 * Retention: keeps the cache within its age and size limits by deleting
 * the alerts observed longest ago, in short transactions so that feeds
 * keep committing in between. Every run that removes something is logged
 * and recorded in maintenance_runs: nothing ever goes silently.
 *
 * What stays consistent: the rollups lose exactly the deleted alerts'
 * counts, so statistics equal those of the alerts left; incidents without
 * alerts go with their timeline; raw blocks no alert names go. Feeds'
 * alerts and quarantined counters say what the cache holds (they drop with
 * the deleted rows); their ignored counts and last event time are history
 * and stay. Interned texts stay: they are shared and small.
 */
import type { RetentionRun } from '../../shared/cache';
import { scopedLogger } from '../core/log';
import { recordRetentionRun } from './maintenance-runs';
import { deleteAlertChunk } from './retention-delete';
import { settleBatches, settleIncidents } from './retention-settle';
import type { Statements } from './statements';

const log = scopedLogger('retention');

const DAY_MS = 24 * 3600 * 1000;
const MINUTE_MS = 60_000;
const MB = 1024 * 1024;

/** Alerts deleted per transaction: a few tens of milliseconds of work. */
export const RETENTION_CHUNK = 10_000;
/** The size limit is met by going down to this share of it, so that it is not hit again at once. */
const SIZE_TARGET = 0.9;

/** How long alerts are kept and how large the file may grow; neither set keeps everything. */
export interface RetentionPolicy {
  maxAgeDays?: number;
  maxSizeMB?: number;
}

/** When the run happens, and how it shares the process with ingest. */
export interface RetentionOptions {
  now: number;
  /** Alerts per transaction. */
  chunk?: number;
  /** Awaited between transactions, to let feeds commit. */
  pause?: () => Promise<void>;
  /** Stops the run between transactions (the cache is closing). */
  signal?: AbortSignal;
  /** Called after incidents were settled: in-memory correlation state must be dropped. */
  settled?: () => void;
}

/** The bytes the file's pages in use take (free pages are not counted). */
export function usedBytes(statements: Statements): number {
  const pragma = (name: string) => statements.get(`PRAGMA ${name}`).pluck().get() as number;
  return (pragma('page_count') - pragma('freelist_count')) * pragma('page_size');
}

function alertCount(statements: Statements): number {
  return statements
    .get('SELECT coalesce(sum(n), 0) FROM alert_counts_total')
    .pluck()
    .get() as number;
}

/** The minute boundary before which at least `need` alerts were observed (the oldest minutes). */
function sizeCutoff(statements: Statements, need: number): number | undefined {
  const minutes = statements
    .get('SELECT minute, sum(n) FROM alert_counts_minute GROUP BY minute ORDER BY minute')
    .raw()
    .iterate() as IterableIterator<[number, number]>;
  let counted = 0;
  let last: number | undefined;
  for (const [minute, n] of minutes) {
    counted += n;
    last = minute;
    if (counted >= need) break;
  }
  return last === undefined ? undefined : (last + 1) * MINUTE_MS;
}

/** One run over the cache; holds what it deleted until it is settled and recorded. */
class RetentionRunner {
  private removedAlerts = 0;
  private removedIncidents = 0;
  private removedQuarantined = 0;
  private cutoff: number | undefined;
  private readonly reasons = new Set<'age' | 'size'>();
  private readonly incidents = new Set<number>();
  private readonly chunk: number;

  constructor(
    private readonly statements: Statements,
    private readonly options: RetentionOptions,
  ) {
    this.chunk = options.chunk ?? RETENTION_CHUNK;
  }

  async byAge(maxAgeDays: number): Promise<void> {
    const cutoff = Math.floor(this.options.now - maxAgeDays * DAY_MS);
    if ((await this.deleteBefore(cutoff)) > 0) this.reasons.add('age');
    const quarantined = this.write(() => this.deleteQuarantineBefore(cutoff));
    if (quarantined > 0) this.reasons.add('age');
    this.removedQuarantined += quarantined;
    this.cutoff = Math.max(this.cutoff ?? cutoff, cutoff);
  }

  async bySize(maxSizeMB: number): Promise<void> {
    const target = maxSizeMB * MB * SIZE_TARGET;
    // Each round removes at least one minute, so the loop ends with the alerts at the latest.
    while (usedBytes(this.statements) > maxSizeMB * MB) {
      const used = usedBytes(this.statements);
      const alerts = alertCount(this.statements);
      if (alerts === 0) break;
      const need = Math.ceil((used - target) / (used / alerts));
      const cutoff = sizeCutoff(this.statements, need);
      if (cutoff === undefined) break;
      if ((await this.deleteBefore(cutoff)) === 0) break;
      this.reasons.add('size');
      this.cutoff = Math.max(this.cutoff ?? cutoff, cutoff);
      // Deleted rows give their pages back only once their incidents go too.
      this.settle();
      if (usedBytes(this.statements) >= used) {
        // What fills the file is not alerts (quarantine, texts): removing more would not help.
        log.warn(`the size limit of ${maxSizeMB} MB cannot be met by removing alerts`);
        break;
      }
    }
  }

  /** Deletes incidents left empty (the chunks took the blocks no alert names). */
  settle(): void {
    for (const nums of settleBatches([...this.incidents])) {
      this.removedIncidents += this.write(() => settleIncidents(this.statements, nums));
    }
    this.incidents.clear();
    this.options.settled?.();
  }

  /** The run as recorded, or undefined when nothing was removed. */
  finish(): RetentionRun | undefined {
    const removed = this.removedAlerts + this.removedIncidents + this.removedQuarantined;
    if (removed === 0 || this.cutoff === undefined) return undefined;
    const run: RetentionRun = {
      at: this.options.now,
      reason: this.reasons.size === 2 ? 'age+size' : this.reasons.has('size') ? 'size' : 'age',
      removedAlerts: this.removedAlerts,
      removedIncidents: this.removedIncidents,
      removedQuarantined: this.removedQuarantined,
      cutoff: Math.round(this.cutoff),
    };
    this.write(() => recordRetentionRun(this.statements, run));
    return run;
  }

  private async deleteBefore(cutoff: number): Promise<number> {
    let removed = 0;
    for (;;) {
      if (this.options.signal?.aborted) break;
      const chunk = this.write(() => deleteAlertChunk(this.statements, cutoff, this.chunk));
      removed += chunk.alerts;
      for (const num of chunk.incidents) this.incidents.add(num);
      if (chunk.alerts < this.chunk) break;
      await this.options.pause?.();
    }
    this.removedAlerts += removed;
    return removed;
  }

  private deleteQuarantineBefore(cutoff: number): number {
    const byFeed = this.statements
      .get('SELECT feed, count(*) FROM quarantine WHERE received_at < ? GROUP BY feed')
      .raw()
      .all(cutoff) as [number, number][];
    const update = this.statements.get(
      'UPDATE feeds SET quarantined = max(0, quarantined - ?) WHERE num = ?',
    );
    for (const [feed, n] of byFeed) update.run(n, feed);
    return this.statements.get('DELETE FROM quarantine WHERE received_at < ?').run(cutoff).changes;
  }

  private write<T>(work: () => T): T {
    return this.statements.db.transaction(work).immediate();
  }
}

/** Says what a run removed and why, in one line. */
export function describeRetentionRun(run: RetentionRun): string {
  const why = {
    age: 'the age limit',
    size: 'the size limit',
    'age+size': 'the age and size limits',
  };
  return (
    `removed ${run.removedAlerts} alerts, ${run.removedIncidents} incidents and ` +
    `${run.removedQuarantined} quarantined records observed before ` +
    `${new Date(run.cutoff).toISOString()} (${why[run.reason]})`
  );
}

/**
 * Applies `policy` once: first the age limit, then the size limit. Returns
 * the run, recorded and logged, or undefined when nothing had to go.
 */
export async function applyRetention(
  statements: Statements,
  file: string,
  policy: RetentionPolicy,
  options: RetentionOptions,
): Promise<RetentionRun | undefined> {
  const runner = new RetentionRunner(statements, options);
  try {
    if (policy.maxAgeDays !== undefined) await runner.byAge(policy.maxAgeDays);
    if (policy.maxSizeMB !== undefined) await runner.bySize(policy.maxSizeMB);
  } catch (error) {
    // What was deleted before the failure is settled and recorded if the cache still lets it.
    try {
      runner.settle();
      runner.finish();
    } catch {
      // the first failure is the one to report
    }
    throw error;
  }
  runner.settle();
  const run = runner.finish();
  if (run) log.info(`cache ${file}: ${describeRetentionRun(run)}`);
  return run;
}
