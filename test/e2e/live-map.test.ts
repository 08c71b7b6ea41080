/**
 * End to end: serve mode on a temporary cache fed by a tailed EVE file,
 * drawn by the real renderer in Debian's Chromium. The map must be drawn,
 * the alert count shown, and an appended alert must appear within 2 s.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/core/csp';
import { launchChromium } from '../support/chromium';
import { describePixels } from '../support/pixels';
import { samplePath } from '../support/samples';
import { startServe, type ServeProcess } from '../support/serve-process';

const SHOTS = join(process.cwd(), 'test-results', 'e2e');

/** The real sample alerts the tailed file starts with: 1 + 4 alerts, plus non-alert events. */
function sampleLines(): string {
  return [
    'suricata-verify_alert-testmyids_expected_eve.json',
    'suricata-verify_tests_detect-ldap-operation_eve.json',
  ]
    .map((name) => readFileSync(samplePath('suricata-eve', name), 'utf8').trimEnd())
    .join('\n');
}

/** A fresh alert from a public address to the demo site, unique by its signature. */
function freshAlert(signature: string): string {
  return JSON.stringify({
    timestamp: new Date().toISOString(),
    event_type: 'alert',
    src_ip: '185.220.101.4',
    src_port: 44321,
    dest_ip: '10.16.1.11',
    dest_port: 22,
    proto: 'TCP',
    alert: {
      action: 'allowed',
      gid: 1,
      signature_id: 9000001,
      rev: 1,
      signature,
      category: 'Attempted Administrator Privilege Gain',
      severity: 1,
    },
  });
}

async function alertCount(page: Page): Promise<number> {
  const text = await page.getByTestId('alert-count').textContent();
  return Number((text ?? '').replace(/[^0-9]/g, ''));
}

describe('live situation picture in Chromium', () => {
  let dir: string;
  let eve: string;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  let pageCsp: string | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lagebild-e2e-'));
    mkdirSync(SHOTS, { recursive: true });
    eve = join(dir, 'eve.json');
    writeFileSync(eve, `${sampleLines()}\n`);
    const config = {
      inventory: join(process.cwd(), 'assets', 'inventory.example.json'),
      feeds: [
        { id: 'sensor-1', type: 'file-tail', path: eve, format: 'eve', tlp: 'clear', pollMs: 100 },
      ],
    };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    serve = await startServe(
      ['--cache', join(dir, 'cache.sqlite'), '--config', join(dir, 'config.json')],
      {
        LAGEBILD_HOME: dir,
      },
    );
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    const response = await page.goto(serve.url);
    pageCsp = response?.headers()['content-security-policy'];
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('shows the alert count of the tailed file', async () => {
    await expect.poll(() => alertCount(page), { timeout: 20_000 }).toBe(5);
  });

  it('draws the map: the canvas is neither blank nor black', async () => {
    const canvas = page.locator('canvas').first();
    await canvas.waitFor();
    // The basemap is drawn once its source has loaded; the app announces it.
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 20_000 });
    const shot = await canvas.screenshot();
    writeFileSync(join(SHOTS, 'map-canvas.png'), shot);
    const pixels = describePixels(shot);
    expect(pixels.distinctColours).toBeGreaterThan(20);
    expect(pixels.darkShare).toBeLessThan(0.95);
  });

  it('shows an alert appended to the tailed file within 2 seconds', async () => {
    const before = await alertCount(page);
    const signature = `E2E appended alert ${Date.now()}`;
    const started = Date.now();
    appendFileSync(eve, `${freshAlert(signature)}\n`);
    await page.getByText(signature).first().waitFor({ timeout: 2_000 });
    const elapsed = Date.now() - started;
    expect(await alertCount(page)).toBe(before + 1);
    expect(elapsed).toBeLessThan(2_000);
    await page.screenshot({ path: join(SHOTS, 'live-map.png') });
  });

  it('is served under the strict policy and reports no page errors or CSP violations', () => {
    expect(pageCsp).toBe(CONTENT_SECURITY_POLICY);
    expect(pageErrors).toEqual([]);
  });
});
