import type { Alert } from '../../shared/model';

const clock = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** A time of day as the operator's locale writes it, to the second. */
export function formatTime(ms: number): string {
  return clock.format(ms);
}

/** Where an alert went, as "source → destination" country codes; "?" where unknown. */
export function formatRoute(alert: Alert): string {
  return `${alert.source?.country ?? '?'} → ${alert.destination?.country ?? '?'}`;
}

/** An events-per-second rate, short. */
export function formatRate(perSecond: number): string {
  return perSecond >= 10 ? `${Math.round(perSecond)}/s` : `${perSecond.toFixed(1)}/s`;
}
