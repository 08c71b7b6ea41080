import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  appWallUrl,
  isAppPageUrl,
  resolveAppFile,
} from '../../../main/electron/app-url';

const ROOT = resolve('/opt/Lagebild/resources/app.asar/dist/renderer');

describe('app page URL', () => {
  it('is the index page of the app scheme, with any query or fragment', () => {
    expect(APP_INDEX_URL).toBe('lagebild://app/index.html');
    expect(isAppPageUrl(APP_INDEX_URL)).toBe(true);
    expect(isAppPageUrl('lagebild://app/index.html?x=1#y')).toBe(true);
    expect(isAppPageUrl('lagebild://app/assets/index.js')).toBe(false);
    expect(isAppPageUrl(appWallUrl('lobby'))).toBe(true);
    expect(appWallUrl('lobby')).toBe('lagebild://app/wall?profile=lobby');
    expect(isAppPageUrl('not a url')).toBe(false);
  });
});

describe('app file resolution', () => {
  it('maps the page and its assets into the renderer folder', () => {
    expect(resolveAppFile(ROOT, 'lagebild://app/')).toBe(join(ROOT, 'index.html'));
    expect(resolveAppFile(ROOT, APP_INDEX_URL)).toBe(join(ROOT, 'index.html'));
    expect(resolveAppFile(ROOT, 'lagebild://app/assets/main-1a2b.js?v=1')).toBe(
      join(ROOT, 'assets', 'main-1a2b.js'),
    );
    expect(resolveAppFile(ROOT, 'lagebild://app/geo/world%20110m.json')).toBe(
      join(ROOT, 'geo', 'world 110m.json'),
    );
  });

  it('refuses other schemes and hosts', () => {
    expect(resolveAppFile(ROOT, 'file:///etc/passwd')).toBeUndefined();
    expect(resolveAppFile(ROOT, 'lagebild://other/index.html')).toBeUndefined();
    expect(resolveAppFile(ROOT, 'https://app/index.html')).toBeUndefined();
  });

  it('never leaves the renderer folder', () => {
    // The URL parser already folds plain and %2e dot segments into the root.
    expect(resolveAppFile(ROOT, 'lagebild://app/../../secret.txt')).toBe(join(ROOT, 'secret.txt'));
    expect(resolveAppFile(ROOT, 'lagebild://app/%2e%2e/%2e%2e/secret.txt')).toBe(
      join(ROOT, 'secret.txt'),
    );
    // Encoded slashes come back as "../" only after decoding.
    expect(resolveAppFile(ROOT, 'lagebild://app/assets/..%2f..%2f..%2fsecret.txt')).toBeUndefined();
    expect(
      resolveAppFile(ROOT, 'lagebild://app/x/..%2F..%2F..%2F..%2Fetc%2Fpasswd'),
    ).toBeUndefined();
  });

  it('refuses undecodable paths and NUL bytes', () => {
    expect(resolveAppFile(ROOT, 'lagebild://app/%E0%A4%A')).toBeUndefined();
    expect(resolveAppFile(ROOT, 'lagebild://app/index.html%00.js')).toBeUndefined();
  });
});
