import type { Alert } from '../../../shared/model';
import type { Severity } from '../../../shared/vocab';

/** How long an alert pulses on the map after it arrived. */
export const PULSE_MS = 10_000;

/** One fresh alert where the map shows it. */
export interface Pulse {
  id: string;
  position: [number, number];
  severity: Severity;
  arrivedAt: number;
}

function placeOf(alert: Alert): [number, number] | undefined {
  for (const endpoint of [alert.destination, alert.source]) {
    if (endpoint?.lon !== undefined && endpoint.lat !== undefined)
      return [endpoint.lon, endpoint.lat];
  }
  return undefined;
}

/** Alerts that arrived within PULSE_MS before `now` and have a place: destination, else source. */
export function freshPulses(
  alerts: Alert[],
  arrivedAt: Record<string, number>,
  now: number,
): Pulse[] {
  const pulses: Pulse[] = [];
  for (const alert of alerts) {
    const at = arrivedAt[alert.id];
    const position = placeOf(alert);
    if (at === undefined || now - at >= PULSE_MS || !position) continue;
    pulses.push({ id: alert.id, position, severity: alert.severity, arrivedAt: at });
  }
  return pulses;
}
