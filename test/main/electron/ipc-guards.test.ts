import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../../../shared/api';
import { APP_INDEX_URL } from '../../../main/electron/app-url';
import { fitsMessageLimit, isTrustedSender } from '../../../main/electron/ipc-guards';

const trusted = { fromAppWindow: true, isMainFrame: true, url: APP_INDEX_URL };

describe('IPC sender check', () => {
  it('accepts the top frame of an app window showing the app page', () => {
    expect(isTrustedSender(trusted)).toBe(true);
    expect(isTrustedSender({ ...trusted, url: `${APP_INDEX_URL}?profile=wall#map` })).toBe(true);
  });

  it('refuses other windows, subframes and vanished frames', () => {
    expect(isTrustedSender({ ...trusted, fromAppWindow: false })).toBe(false);
    expect(isTrustedSender({ ...trusted, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ ...trusted, url: undefined })).toBe(false);
  });

  it('refuses pages that are not the app page', () => {
    for (const url of [
      'https://evil.example/index.html',
      'file:///opt/Lagebild/resources/app.asar/dist/renderer/index.html',
      'lagebild://app/other.html',
      'lagebild://evil/index.html',
      'lagebild://app.evil/index.html',
      'about:blank',
      'data:text/html,<script>1</script>',
      '',
    ]) {
      expect(isTrustedSender({ ...trusted, url }), url).toBe(false);
    }
  });
});

describe('IPC size check', () => {
  it('accepts ordinary calls', () => {
    expect(fitsMessageLimit('listRecentAlerts', { limit: 100 })).toBe(true);
    expect(fitsMessageLimit('getInfo', undefined)).toBe(true);
  });

  it('measures the JSON in bytes, not characters', () => {
    const overhead = JSON.stringify(['log', { message: '' }]).length;
    const room = MAX_MESSAGE_BYTES - overhead;
    expect(fitsMessageLimit('log', { message: 'a'.repeat(room) })).toBe(true);
    expect(fitsMessageLimit('log', { message: 'a'.repeat(room + 1) })).toBe(false);
    // Each "ä" takes two bytes in UTF-8.
    expect(fitsMessageLimit('log', { message: 'ä'.repeat(Math.ceil(room / 2) + 1) })).toBe(false);
  });

  it('refuses what JSON cannot carry', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(fitsMessageLimit('getAlert', cyclic)).toBe(false);
    expect(fitsMessageLimit('getAlert', { id: 1n })).toBe(false);
  });

  it('honours a given limit', () => {
    expect(fitsMessageLimit('getInfo', {}, 10)).toBe(false);
  });
});
