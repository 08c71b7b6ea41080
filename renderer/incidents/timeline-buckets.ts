/**
 * Groups an incident's alerts for the timeline: one bar per time bucket,
 * as tall as its count and as severe as its worst alert. A thousand alerts
 * in a minute stay one readable bar instead of a thousand overlapping marks.
 */
import type { Alert } from '../../shared/model';
import { severityRank, type Severity } from '../../shared/vocab';

/** One bar of the timeline: [start, end) in ms, its alert count and worst severity. */
export interface Bucket {
  start: number;
  end: number;
  count: number;
  severity: Severity;
}

/**
 * The alerts within [from, to] in `buckets` equal buckets; empty buckets are
 * left out. Alerts must be in observed order, as the API returns them.
 */
export function bucketAlerts(
  alerts: readonly Pick<Alert, 'observedAt' | 'severity'>[],
  from: number,
  to: number,
  buckets: number,
): Bucket[] {
  const count = Math.max(1, Math.floor(buckets));
  const width = Math.max(1, (to - from) / count);
  const byIndex = new Map<number, Bucket>();
  for (const alert of alerts) {
    if (alert.observedAt < from || alert.observedAt > to) continue;
    const index = Math.min(count - 1, Math.floor((alert.observedAt - from) / width));
    const bucket = byIndex.get(index);
    if (!bucket) {
      const start = from + index * width;
      byIndex.set(index, { start, end: start + width, count: 1, severity: alert.severity });
    } else {
      bucket.count += 1;
      if (severityRank(alert.severity) > severityRank(bucket.severity)) {
        bucket.severity = alert.severity;
      }
    }
  }
  return [...byIndex.values()].sort((a, b) => a.start - b.start);
}

/** The span the timeline shows for an incident: its first to last alert, with a margin. */
export function incidentSpan(firstSeen: number, lastSeen: number): [number, number] {
  // A single alert or a burst within a second still gets a readable axis.
  const span = Math.max(lastSeen - firstSeen, 60_000);
  const margin = span * 0.04;
  return [firstSeen - margin, firstSeen + span + margin];
}

/** [from, to] zoomed by `factor` (below 1 zooms in) around `at`, kept inside `limits`. */
export function zoomDomain(
  domain: [number, number],
  at: number,
  factor: number,
  limits: [number, number],
): [number, number] {
  const [from, to] = domain;
  // Never narrower than a second, never wider than the limits.
  const width = Math.min(Math.max((to - from) * factor, 1000), limits[1] - limits[0]);
  const share = (at - from) / (to - from || 1);
  let start = at - share * width;
  start = Math.max(limits[0], Math.min(start, limits[1] - width));
  return [start, start + width];
}
