/**
 * What the settings view and the cache banners say: sizes, the retention
 * policy (keeping everything said plainly), the last run, each cache
 * state's banner, and the settings route.
 */
import { describe, expect, it } from 'vitest';
import {
  cacheBanner,
  describePolicy,
  describeRetentionRun,
  formatBytes,
} from '../../renderer/settings/cache-text';
import { formatRoute, parseRoute } from '../../renderer/route/route';

describe('settings texts', () => {
  it('sizes files in 1024-based units', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(8192)).toBe('8.0 KB');
    expect(formatBytes(3.5 * 1024 * 1024)).toBe('3.5 MB');
    expect(formatBytes(2 * 1024 ** 4)).toBe('2.0 TB');
  });

  it('says plainly that everything is kept without limits', () => {
    expect(describePolicy({})).toBe(
      'Keep everything: no age or size limit is set, so nothing is ever removed.',
    );
    expect(describePolicy({ maxAgeDays: 30 })).toBe('Alerts older than 30 days are removed.');
    expect(describePolicy({ maxAgeDays: 30 }, true)).toBe(
      'Nothing is removed: the cache is open read-only, for review.',
    );
    expect(describePolicy({ maxAgeDays: 90, maxSizeMB: 2048 })).toBe(
      'Alerts older than 90 days are removed; above 2048 MB the oldest alerts are removed until the file is under 90 % of that.',
    );
  });

  it('names what a retention run removed and why', () => {
    const text = describeRetentionRun({
      at: Date.UTC(2026, 0, 2),
      reason: 'age+size',
      removedAlerts: 1200,
      removedIncidents: 1,
      removedQuarantined: 3,
      cutoff: Date.UTC(2025, 11, 1),
    });
    expect(text).toMatch(
      /removed 1200 alerts, 1 incident and 3 quarantined records observed before .+ \(age and size limits\)\.$/,
    );
  });

  it('gives each cache state its banner, and none while all is well', () => {
    expect(cacheBanner({ state: 'ok' })).toBeUndefined();
    expect(cacheBanner({ state: 'read-only', message: 'Read-only review of /x.sqlite' })).toEqual({
      tone: 'info',
      text: 'Read-only review of /x.sqlite',
    });
    expect(cacheBanner({ state: 'full', message: 'The disk holding /x is full' })).toEqual({
      tone: 'danger',
      text: 'The disk holding /x is full',
    });
    expect(cacheBanner({ state: 'error' })).toMatchObject({ tone: 'danger' });
  });

  it('links to the settings view', () => {
    expect(parseRoute('#/settings')).toEqual({ view: 'settings' });
    expect(formatRoute({ view: 'settings' })).toBe('#/settings');
  });
});
