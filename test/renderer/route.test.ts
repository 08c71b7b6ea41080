import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, type Route } from '../../renderer/route/route';

describe('route', () => {
  it('reads the map for an empty or unknown hash', () => {
    expect(parseRoute('')).toEqual({ view: 'map' });
    expect(parseRoute('#/')).toEqual({ view: 'map' });
    expect(parseRoute('#/nowhere?country=CN')).toEqual({ view: 'map' });
  });

  it('round-trips every step of a drill-down', () => {
    const routes: Route[] = [
      { view: 'map' },
      { view: 'incidents', filter: { country: 'CN' } },
      { view: 'sectors', windowMinutes: 60 },
      { view: 'sectors', windowMinutes: 0 },
      {
        view: 'incidents',
        filter: { sector: 'financial-services', status: ['new', 'acknowledged'] },
      },
      {
        view: 'incidents',
        filter: {
          severity: ['high', 'critical'],
          tlp: ['amber+strict'],
          text: 'ssh scan',
          from: 1_700_000_000_000,
          sort: 'severity',
        },
        incident: 'inc-1234567890',
        alert: 'alert-000001',
      },
    ];
    for (const route of routes) expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('drops only the values that do not fit the contract', () => {
    const route = parseRoute(
      '#/incidents?country=china&severity=high,bogus&sector=financial-services&from=soon',
    );
    expect(route).toEqual({ view: 'incidents', filter: { sector: 'financial-services' } });
  });

  it('gives the sector view a day when its window is missing or absurd', () => {
    expect(parseRoute('#/sectors')).toEqual({ view: 'sectors', windowMinutes: 1440 });
    expect(parseRoute('#/sectors?window=-5')).toEqual({ view: 'sectors', windowMinutes: 1440 });
  });

  it('keeps an alert only with its incident', () => {
    expect(parseRoute('#/incidents?alert=alert-000001')).toEqual({ view: 'incidents', filter: {} });
  });
});
