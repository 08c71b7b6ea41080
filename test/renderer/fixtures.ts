/** Test data for the renderer's stores and transports. */
import type { Picture } from '../../shared/api';
import type { Alert } from '../../shared/model';

/** A valid alert; `n` sets its id and times (a larger n is newer). */
export function makeAlert(n: number, overrides: Partial<Alert> = {}): Alert {
  return {
    id: `alert-${String(n).padStart(6, '0')}`,
    feed: 'sensor-1',
    kind: 'alert',
    observedAt: 1_000_000 + n * 1000,
    receivedAt: 1_000_000 + n * 1000 + 10,
    severity: 'high',
    title: `Alert ${n}`,
    category: 'test',
    source: { country: 'CN', lat: 39.9, lon: 116.4 },
    destination: { country: 'DE', lat: 50.1, lon: 8.7 },
    sectors: [],
    tlp: 'clear',
    tags: [],
    ...overrides,
  };
}

/** A valid picture generated at `generatedAt` with `alerts` in total. */
export function makePicture(generatedAt: number, alerts = 0): Picture {
  return {
    generatedAt,
    stats: {
      alerts,
      quarantined: 0,
      byKind: {},
      bySeverity: {},
      byCountry: { CN: alerts },
      byTargetCountry: {},
      bySector: {},
      byTlp: {},
      byFeed: {},
      incidents: 0,
      byStatus: {},
    },
    arcs: [],
    feeds: [],
    withheld: 0,
    cache: { state: 'ok' },
  };
}
