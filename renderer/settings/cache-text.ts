/**
 * The words the settings view and the cache banners use: sizes, the
 * retention policy, what retention last did, and what a cache state means
 * for the person looking at the screen.
 */
import { formatInstant } from '../time/time-format';
import type { CacheInfo, CacheState, RetentionRun } from '../../shared/cache';

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** A size in bytes, in the largest unit that keeps it at 1 or more (1024-based). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** A moment in the browser's zone as "2026-03-01 08:15", the form the time controls use. */
export function formatMoment(ms: number): string {
  return formatInstant(ms).slice(0, -3);
}

/** `n` with its noun, singular for one. */
const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The retention policy in a sentence; no limit is said plainly, and so is a read-only review. */
export function describePolicy(retention: CacheInfo['retention'], readOnly = false): string {
  if (readOnly) return 'Nothing is removed: the cache is open read-only, for review.';
  const { maxAgeDays, maxSizeMB } = retention;
  if (maxAgeDays === undefined && maxSizeMB === undefined) {
    return 'Keep everything: no age or size limit is set, so nothing is ever removed.';
  }
  const parts = [
    maxAgeDays === undefined ? undefined : `alerts older than ${maxAgeDays} days are removed`,
    maxSizeMB === undefined
      ? undefined
      : `above ${maxSizeMB} MB the oldest alerts are removed until the file is under 90 % of that`,
  ].filter((part): part is string => part !== undefined);
  const sentence = parts.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

const REASONS: Record<RetentionRun['reason'], string> = {
  age: 'age limit',
  size: 'size limit',
  'age+size': 'age and size limits',
};

/** What one retention run removed, when and why. */
export function describeRetentionRun(run: RetentionRun): string {
  return (
    `${formatMoment(run.at)}: removed ${counted(run.removedAlerts, 'alert')}, ` +
    `${counted(run.removedIncidents, 'incident')} and ` +
    `${counted(run.removedQuarantined, 'quarantined record')} observed before ` +
    `${formatMoment(run.cutoff)} (${REASONS[run.reason]}).`
  );
}

/** What a banner says about the cache: nothing while it takes writes. */
export interface CacheBanner {
  tone: 'info' | 'danger';
  text: string;
}

/** The banner for `state`, or undefined when all is well. */
export function cacheBanner(state: CacheState): CacheBanner | undefined {
  switch (state.state) {
    case 'ok':
      return undefined;
    case 'read-only':
      return { tone: 'info', text: state.message ?? 'Read-only review: nothing is ingested.' };
    case 'full':
      return { tone: 'danger', text: state.message ?? 'The disk holding the cache is full.' };
    case 'error':
      return { tone: 'danger', text: state.message ?? 'The cache cannot be written.' };
  }
}
