/**
 * End to end: the settings view in serve mode shows the cache's figures,
 * the retention policy and what retention removed at start, and compacts
 * on request; the same cache served read-only shows the read-only banner
 * and refuses compaction. Screenshots land in test-results/e2e/.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { startServe, type ServeProcess } from '../support/serve-process';

const SHOTS = join(process.cwd(), 'test-results', 'e2e');
const VIEWPORT = { width: 1400, height: 800 };
const DAY = 24 * 3600 * 1000;

function eveAlert(at: number, n: number): string {
  return JSON.stringify({
    timestamp: new Date(at).toISOString(),
    flow_id: n,
    event_type: 'alert',
    src_ip: '8.8.8.8',
    src_port: 40000 + n,
    dest_ip: '10.16.1.11',
    dest_port: 22,
    proto: 'TCP',
    alert: {
      action: 'allowed',
      gid: 1,
      signature_id: 2010935,
      rev: 1,
      signature: 'ET SCAN Suspicious inbound to SSH',
      severity: 2,
    },
  });
}

/** 40 alerts from two months ago, which a 30-day limit removes, and 25 from the last hour. */
function lines(now: number): string {
  const old = Array.from({ length: 40 }, (_, i) => eveAlert(now - 60 * DAY + i * 60_000, i));
  const recent = Array.from({ length: 25 }, (_, i) => eveAlert(now - (30 - i) * 60_000, 100 + i));
  return `${[...old, ...recent].join('\n')}\n`;
}

describe('settings: the cache, its retention and compaction', () => {
  let dir: string;
  let cache: string;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lagebild-e2e-settings-'));
    mkdirSync(SHOTS, { recursive: true });
    const eve = join(dir, 'eve.json');
    writeFileSync(eve, lines(Date.now()));
    const config = {
      feeds: [{ id: 'dmz-sensor', type: 'file-tail', path: eve, tlp: 'green', pollMs: 100 }],
      retention: { maxAgeDays: 30, maxSizeMB: 512, intervalMinutes: 60 },
    };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    cache = join(dir, 'cache.sqlite');
    serve = await startServe(['--cache', cache, '--config', join(dir, 'config.json')], {
      LAGEBILD_HOME: dir,
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: VIEWPORT });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('shows the figures, the policy and the run that removed the old alerts', async () => {
    await page.goto(serve.url);
    await page.getByTestId('open-settings').click();
    await page.getByTestId('settings-view').waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe('#/settings');
    await expect
      .poll(() => page.getByTestId('cache-alerts').textContent(), { timeout: 20_000 })
      .toBe('25');
    expect(await page.getByTestId('cache-file').textContent()).toBe(cache);
    expect(await page.getByTestId('cache-size').textContent()).toMatch(/^\d+\.\d (KB|MB)$/);
    expect(await page.getByTestId('retention-policy').textContent()).toBe(
      'Alerts older than 30 days are removed; above 512 MB the oldest alerts are removed until the file is under 90 % of that.',
    );
    await expect
      .poll(() => page.getByTestId('last-retention').textContent(), { timeout: 20_000 })
      .toMatch(/removed 40 alerts, 1 incident and 0 quarantined records .*\(age limit\)/);
    expect(await page.getByTestId('last-compaction').textContent()).toBe('Last compaction: never.');
    expect(await page.getByTestId('cache-banner').count()).toBe(0);
  });

  it('compacts on request and says what it gave back', async () => {
    await page.getByTestId('compact-now').click();
    await expect
      .poll(() => page.getByTestId('last-compaction').textContent(), { timeout: 20_000 })
      .toMatch(/^Last compaction: .+, \d+(\.\d)? (bytes|KB|MB) given back\.$/);
    expect(await page.getByTestId('cache-reclaimable').textContent()).toBe('0 bytes');
    await page.screenshot({ path: join(SHOTS, 'settings.png') });
    expect(pageErrors).toEqual([]);
  });

  it('shows a read-only review with its banner, and no compaction', async () => {
    await serve.stop();
    serve = await startServe(['--cache', cache, '--read-only'], { LAGEBILD_HOME: dir });
    await page.goto(new URL('#/settings', serve.url).href);
    const banner = page.getByTestId('cache-banner').first();
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.getAttribute('data-state')).toBe('read-only');
    expect(await banner.textContent()).toBe(`Read-only review of ${cache}`);
    await expect.poll(() => page.getByTestId('cache-alerts').textContent()).toBe('25');
    expect(await page.getByTestId('compact-now').isDisabled()).toBe(true);
    expect(await page.getByTestId('retention-policy').textContent()).toBe(
      'Nothing is removed: the cache is open read-only, for review.',
    );
    expect(await page.getByTestId('cache-file').textContent()).toBe(`${cache} (read-only)`);
    await page.screenshot({ path: join(SHOTS, 'settings-read-only.png') });
    expect(pageErrors).toEqual([]);
  });
});
