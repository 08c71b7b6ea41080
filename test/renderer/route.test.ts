import { describe, expect, it } from 'vitest';
import {
  carryRange,
  formatRoute,
  parseRoute,
  rangeOf,
  withRange,
  type Route,
} from '../../renderer/route/route';

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

  it('round-trips a past window on the map, the sectors and the incidents', () => {
    const range = { from: 1_700_000_000_000, to: 1_700_000_360_000 };
    const routes: Route[] = [
      { view: 'map', range },
      { view: 'sectors', windowMinutes: 60, range },
      { view: 'incidents', filter: { country: 'CN', ...range }, incident: 'inc-1234567890' },
    ];
    for (const route of routes) {
      expect(parseRoute(formatRoute(route))).toEqual(route);
      expect(rangeOf(route)).toEqual(range);
    }
    expect(formatRoute({ view: 'map', range })).toBe('#/?from=1700000000000&to=1700000360000');
  });

  it('reads a deep link to a window, and ignores one that is not a window', () => {
    expect(parseRoute('#/?from=0&to=5000')).toEqual({ view: 'map', range: { from: 0, to: 5000 } });
    expect(parseRoute('#/?from=5000&to=10')).toEqual({ view: 'map' });
    expect(parseRoute('#/?from=-5&to=10')).toEqual({ view: 'map' });
    // Past the latest time a Date can hold: the time bar could not show it.
    expect(parseRoute('#/?from=0&to=9000000000000000')).toEqual({ view: 'map' });
    expect(parseRoute('#/?from=1e3&to=2e3')).toEqual({ view: 'map' });
    expect(parseRoute('#/?from=10')).toEqual({ view: 'map' });
    expect(parseRoute('#/sectors?window=60&from=x&to=1')).toEqual({
      view: 'sectors',
      windowMinutes: 60,
    });
    // An incident filter reaching back from now is not a past window.
    expect(rangeOf(parseRoute('#/incidents?from=5000'))).toBeUndefined();
  });

  it('keeps the window shown when moving to a view that names no time', () => {
    const range = { from: 1000, to: 2000 };
    expect(carryRange({ view: 'incidents', filter: { country: 'US' } }, range)).toEqual({
      view: 'incidents',
      filter: { country: 'US', from: 1000, to: 2000 },
    });
    expect(carryRange({ view: 'sectors', windowMinutes: 0 }, range)).toEqual({
      view: 'sectors',
      windowMinutes: 0,
      range,
    });
    // A route with a time of its own keeps it; live carries nothing.
    const lastHour: Route = { view: 'incidents', filter: { from: 5000 } };
    expect(carryRange(lastHour, range)).toBe(lastHour);
    expect(carryRange({ view: 'map' }, undefined)).toEqual({ view: 'map' });
  });

  it('goes back to live by dropping the window from any view', () => {
    const range = { from: 1000, to: 2000 };
    expect(withRange({ view: 'map', range }, undefined)).toEqual({ view: 'map' });
    expect(
      withRange({ view: 'incidents', filter: { country: 'US', ...range } }, undefined),
    ).toEqual({ view: 'incidents', filter: { country: 'US' } });
    expect(formatRoute(withRange({ view: 'sectors', windowMinutes: 60, range }, undefined))).toBe(
      '#/sectors?window=60',
    );
  });
});
