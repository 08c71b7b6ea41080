/**
 * End to end: the drill-down from the map to an incident, its timeline and
 * the raw record of one alert; keyboard triage whose change survives a
 * restart of serve mode; the sector link; and a toast for a new incident.
 * Screenshots of each step are saved in test-results/e2e/.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { startViewPixel } from '../support/map-point';
import { samplePath } from '../support/samples';
import { startServe, type ServeProcess } from '../support/serve-process';

const SHOTS = join(process.cwd(), 'test-results', 'e2e');
const VIEWPORT = { width: 1600, height: 900 };
/** The side panel's width (app.css); the map fills the rest. */
const PANEL_PX = 360;

// Public addresses whose country the bundled GeoIP data knows.
const US_SCANNER = '8.8.8.8';
const BR_SOURCE = '200.160.2.3';
const AU_SOURCE = '1.1.1.1';

interface EveOptions {
  at: number;
  src: string;
  sid: number;
  signature: string;
  priority: number;
}

function eveAlert({ at, src, sid, signature, priority }: EveOptions): string {
  return JSON.stringify({
    timestamp: new Date(at).toISOString(),
    event_type: 'alert',
    src_ip: src,
    src_port: 40000 + (at % 20000),
    dest_ip: '10.16.1.11',
    dest_port: 22,
    proto: 'TCP',
    alert: { action: 'allowed', gid: 1, signature_id: sid, rev: 1, signature, severity: priority },
  });
}

/**
 * A scan from the US every minute for the last hour (one incident of 60
 * alerts, with a burst in its middle), a few exploit attempts from Brazil,
 * and a real Suricata sample.
 */
function startingLines(now: number): string {
  const lines: string[] = [];
  for (let minute = 60; minute >= 1; minute -= 1) {
    const at = now - minute * 60_000;
    const burst = minute === 30 ? 8 : 1;
    for (let i = 0; i < burst; i += 1) {
      lines.push(
        eveAlert({
          at: at + i * 1000,
          src: US_SCANNER,
          sid: 2010935,
          signature: 'ET SCAN Suspicious inbound to SSH',
          priority: 2,
        }),
      );
    }
  }
  for (let i = 0; i < 3; i += 1) {
    lines.push(
      eveAlert({
        at: now - (20 - i) * 60_000,
        src: BR_SOURCE,
        sid: 2024792,
        signature: 'ET EXPLOIT Possible OpenSSH exploit attempt',
        priority: 1,
      }),
    );
  }
  const sample = readFileSync(
    samplePath('suricata-eve', 'suricata-verify_alert-testmyids_expected_eve.json'),
    'utf8',
  );
  return `${lines.join('\n')}\n${sample.trimEnd()}\n`;
}

const hashOf = (page: Page) => page.evaluate(() => decodeURIComponent(window.location.hash));

describe('incidents: drill-down, timeline, triage', () => {
  let dir: string;
  let eve: string;
  let serveArgs: string[];
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lagebild-e2e-incidents-'));
    mkdirSync(SHOTS, { recursive: true });
    eve = join(dir, 'eve.json');
    writeFileSync(eve, startingLines(Date.now()));
    const config = {
      inventory: join(process.cwd(), 'assets', 'inventory.example.json'),
      feeds: [
        {
          id: 'dmz-sensor',
          type: 'file-tail',
          path: eve,
          format: 'eve',
          tlp: 'green',
          pollMs: 100,
        },
      ],
      notifications: { minSeverity: 'high' },
    };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    serveArgs = ['--cache', join(dir, 'cache.sqlite'), '--config', join(dir, 'config.json')];
    serve = await startServe(serveArgs, { LAGEBILD_HOME: dir });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: VIEWPORT });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(serve.url);
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 20_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('drills down from a country on the map to its incidents', async () => {
    // 67 scans from the US, 3 exploits from Brazil and the sample's one alert.
    await expect
      .poll(
        async () =>
          Number((await page.getByTestId('alert-count').textContent())?.replace(/\D/g, '')),
        { timeout: 20_000 },
      )
      .toBe(71);
    const { x, y } = startViewPixel(-98, 39, VIEWPORT.width - PANEL_PX, VIEWPORT.height);
    await page.mouse.click(x, y);
    await expect.poll(() => hashOf(page)).toContain('country=US');
    await expect.poll(() => page.getByTestId('incident-row').count()).toBe(1);
    await expect(page.getByTestId('incident-row').first().textContent()).resolves.toContain(
      'ET SCAN Suspicious inbound to SSH',
    );
    await page.screenshot({ path: join(SHOTS, 'incidents-list.png') });
  });

  it('opens the incident with the keyboard and shows its bucketed timeline', async () => {
    await page.keyboard.press('Enter');
    await expect.poll(() => hashOf(page)).toMatch(/incident=/);
    await page.getByTestId('incident-title').waitFor();
    await expect
      .poll(() => page.getByTestId('incident-alerts-count').textContent())
      .toBe('67 alerts');
    // 67 alerts over an hour on a plot a few hundred pixels wide: the burst shares a bar.
    const bars = page.getByTestId('timeline-bar');
    await expect.poll(() => bars.count()).toBeGreaterThan(20);
    expect(await bars.count()).toBeLessThan(67);
    await page.screenshot({ path: join(SHOTS, 'incident-detail.png') });
  });

  it('filters the alerts beside the timeline to a brushed range', async () => {
    const plot = page.getByTestId('timeline').locator('svg');
    const box = await plot.boundingBox();
    if (!box) throw new Error('timeline has no box');
    await page.mouse.move(box.x + box.width * 0.05, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const text = (await page.getByTestId('incident-alerts-count').textContent()) ?? '';
    const [shown, total] = text.match(/\d+/g)!.map(Number);
    expect(total).toBe(67);
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(67);
    await page.screenshot({ path: join(SHOTS, 'incident-brushed.png') });
    await page.getByTestId('clear-brush').click();
    await expect
      .poll(() => page.getByTestId('incident-alerts-count').textContent())
      .toBe('67 alerts');
  });

  it('shows the raw record of an alert, pretty-printed', async () => {
    await page.getByTestId('incident-alert').first().click();
    await expect.poll(() => hashOf(page)).toMatch(/alert=/);
    const raw = page.getByTestId('raw-text');
    await raw.waitFor();
    const text = (await raw.textContent()) ?? '';
    expect(text).toContain('"event_type": "alert"');
    expect(text).toContain(`"src_ip": "${US_SCANNER}"`);
    await page.screenshot({ path: join(SHOTS, 'raw-record.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('raw-record').count()).toBe(0);
  });

  it('acknowledges with a key, and the status is still there after a restart', async () => {
    await page.keyboard.press('a');
    await expect.poll(() => page.getByTestId('incident-status').textContent()).toBe('Acknowledged');
    await expect
      .poll(() => page.getByTestId('incident-row').first().getAttribute('data-status'))
      .toBe('acknowledged');
    const link = await page.evaluate(() => window.location.hash);

    await serve.stop();
    serve = await startServe(serveArgs, { LAGEBILD_HOME: dir });
    await page.goto(`${serve.url}${link}`);
    // The old page tried to reconnect while serve was down, as it should; that is no fault.
    const refused = /WebSocket connection to .* failed: .*ERR_CONNECTION_REFUSED/;
    pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((error) => !refused.test(error)));
    await expect
      .poll(() => page.getByTestId('incident-status').textContent(), { timeout: 20_000 })
      .toBe('Acknowledged');
    await expect(page.getByTestId('incident-event').first().textContent()).resolves.toMatch(
      /New → Acknowledged/,
    );
    await expect.poll(() => page.getByTestId('timeline-event').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'incident-after-restart.png') });
  });

  it('lists the keyboard shortcuts on ?, and Esc closes them first', async () => {
    await page.keyboard.press('?');
    await page.getByTestId('help').waitFor();
    await page.keyboard.press('?');
    await expect.poll(() => page.getByTestId('help').count()).toBe(0);
    // Esc closes the help first, leaving the incident open beneath it.
    const before = await hashOf(page);
    await page.keyboard.press('?');
    await page.getByTestId('help').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('help').count()).toBe(0);
    expect(await hashOf(page)).toBe(before);
  });

  it('drills down from a sector of the side panel', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect.poll(() => hashOf(page)).toBe('#/');
    await page.getByTestId('sector-link').filter({ hasText: 'Financial services' }).click();
    await expect.poll(() => hashOf(page)).toContain('sector=financial-services');
    // The scan, the exploits and the sample's alert all hit the demo HQ, a financial site.
    await expect.poll(() => page.getByTestId('incident-row').count()).toBe(3);
  });

  it('announces a new incident of the configured severity with a toast that opens it', async () => {
    const signature = `ET EXPLOIT fresh ${Date.now()}`;
    appendFileSync(
      eve,
      `${eveAlert({ at: Date.now(), src: AU_SOURCE, sid: 2099999, signature, priority: 1 })}\n`,
    );
    const toast = page.getByTestId('toast').filter({ hasText: signature });
    await toast.waitFor({ timeout: 5_000 });
    await page.screenshot({ path: join(SHOTS, 'toast.png') });
    await toast.locator('.toast-body').click();
    await expect
      .poll(() => page.getByTestId('incident-title').textContent(), { timeout: 5_000 })
      .toBe(signature);
  });

  it('reports no page errors or CSP violations', () => {
    expect(pageErrors).toEqual([]);
  });
});
