/**
 * Which live alerts announce an incident worth a notification: the first
 * alert at or above the configured severity of an incident not announced
 * before. Shared by the renderer's toasts and the desktop's native
 * notifications, so both tell the analyst about the same incidents.
 */
import type { Alert } from './model';
import { SEVERITIES, severityRank, type Severity } from './vocab';

/** The lowest severity that is announced, or "off" for none. */
export const NOTIFY_LEVELS = [...SEVERITIES, 'off'] as const;
export type NotifyLevel = (typeof NOTIFY_LEVELS)[number];

/** What one notification says. */
export interface NotableIncident {
  incidentId: string;
  severity: Severity;
  /** The title of the alert that made it notable. */
  title: string;
  observedAt: number;
}

// Ids remembered; older ones are forgotten first, keeping memory bounded on a
// wall that runs for months. An incident forgotten and hit again is announced again.
const REMEMBERED = 10_000;

/** Remembers the incidents already announced (or already known when the page started). */
export class NotableIncidentTracker {
  private readonly seen = new Set<string>();

  constructor(private readonly level: NotifyLevel) {}

  /**
   * Marks the incidents that `alerts` already made notable as announced,
   * without announcing them: what was there before the page connected.
   */
  know(alerts: readonly Alert[]): void {
    for (const alert of alerts) {
      if (alert.incidentId && this.notable(alert)) this.remember(alert.incidentId);
    }
  }

  /** The incidents that `alerts`, newly arrived, make notable; each once. */
  take(alerts: readonly Alert[]): NotableIncident[] {
    const notable: NotableIncident[] = [];
    for (const alert of alerts) {
      const id = alert.incidentId;
      if (!id || !this.notable(alert) || this.seen.has(id)) continue;
      this.remember(id);
      notable.push({
        incidentId: id,
        severity: alert.severity,
        title: alert.title,
        observedAt: alert.observedAt,
      });
    }
    return notable;
  }

  private notable(alert: Alert): boolean {
    if (this.level === 'off' || !alert.incidentId) return false;
    return severityRank(alert.severity) >= severityRank(this.level);
  }

  private remember(id: string): void {
    this.seen.add(id);
    if (this.seen.size <= REMEMBERED) return;
    const oldest = this.seen.values().next().value;
    if (oldest !== undefined) this.seen.delete(oldest);
  }
}
