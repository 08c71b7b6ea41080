import { describe, expect, it } from 'vitest';
import { formatEndpoint, formatTime } from '../../renderer/panel/format';

describe('panel formatting', () => {
  it('names an endpoint by site, then country, then address kind', () => {
    expect(formatEndpoint({ ip: '10.1.1.1', site: 'HQ', country: 'DE' })).toBe('HQ');
    expect(formatEndpoint({ ip: '1.1.1.1', country: 'AU', addressClass: 'public' })).toBe('AU');
    expect(formatEndpoint({ ip: '10.1.1.1', addressClass: 'private' })).toBe('private');
    expect(formatEndpoint({ ip: '8.8.8.8', addressClass: 'public' })).toBe('?');
    expect(formatEndpoint(undefined)).toBe('?');
  });

  it('shows a date for alerts of another day', () => {
    const now = Date.UTC(2026, 11, 3, 12);
    expect(formatTime(Date.UTC(2016, 6, 13, 22), now)).toMatch(/2016/);
    expect(formatTime(now - 60_000, now)).not.toMatch(/2026/);
  });
});
