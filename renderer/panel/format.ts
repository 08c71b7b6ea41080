import type { Endpoint, Alert } from '../../shared/model';

const clock = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const calendar = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * When an alert was observed: the time of day for today's alerts, the date
 * for older ones (a replayed or imported file can be years old).
 */
export function formatTime(ms: number, now = Date.now()): string {
  const sameDay = calendar.format(ms) === calendar.format(now);
  return sameDay ? clock.format(ms) : calendar.format(ms);
}

/** An endpoint as briefly as it can be named: the site, else the country, else its kind. */
export function formatEndpoint(endpoint: Endpoint | undefined): string {
  if (!endpoint) return '?';
  if (endpoint.site) return endpoint.site;
  if (endpoint.country) return endpoint.country;
  if (endpoint.addressClass && endpoint.addressClass !== 'public') return endpoint.addressClass;
  return '?';
}

/** Where an alert went, as "source → destination". */
export function formatRoute(alert: Alert): string {
  return `${formatEndpoint(alert.source)} → ${formatEndpoint(alert.destination)}`;
}

/** An events-per-second rate, short. */
export function formatRate(perSecond: number): string {
  return perSecond >= 10 ? `${Math.round(perSecond)}/s` : `${perSecond.toFixed(1)}/s`;
}
