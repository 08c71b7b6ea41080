/**
 * End to end: a wall profile in serve mode, drawn at 3840x2160 by the real
 * renderer in Chromium. The playlist rotates through every view (each is
 * captured and saved in test-results/e2e/); a TLP:RED alert in the cache
 * reaches neither the wall's DOM nor any message sent to it, which shows
 * only how many were withheld; a feed silent for longer than expected
 * raises a banner naming it, which clears once the feed delivers again.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { launchChromium } from '../support/chromium';
import { describePixels } from '../support/pixels';
import { samplePath } from '../support/samples';
import { startServe, type ServeProcess } from '../support/serve-process';

const SHOTS = join(process.cwd(), 'test-results', 'e2e');
const SECRET = `RED SECRET ${Date.now()}`;

function eveAlert(signature: string, src: string, priority = 2): string {
  return JSON.stringify({
    timestamp: new Date().toISOString(),
    event_type: 'alert',
    src_ip: src,
    src_port: 51515,
    dest_ip: '10.16.1.11',
    dest_port: 443,
    proto: 'TCP',
    alert: {
      action: 'allowed',
      gid: 1,
      signature_id: 7000001,
      rev: 1,
      signature,
      severity: priority,
    },
  });
}

/** One call of the API as an analyst (no profile), over serve mode's WebSocket. */
async function analystCall(base: string, method: string, params: unknown): Promise<unknown> {
  const socket = new WebSocket(`${base.replace('http', 'ws')}api`);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const answer = new Promise<unknown>((resolve) => {
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { id?: number; result?: unknown };
      if (frame.id === 1) resolve(frame.result);
    });
  });
  socket.send(JSON.stringify({ id: 1, method, params }));
  const result = await answer;
  socket.close();
  return result;
}

describe('wall screen', () => {
  let dir: string;
  let sensor: string;
  let serve: ServeProcess;
  let browser: Browser;
  let wall: Page;
  const frames: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lagebild-e2e-wall-'));
    mkdirSync(SHOTS, { recursive: true });
    sensor = join(dir, 'sensor.json');
    const sample = readFileSync(
      samplePath('suricata-eve', 'suricata-verify_tests_detect-ldap-operation_eve.json'),
      'utf8',
    );
    writeFileSync(sensor, `${sample.trimEnd()}\n${eveAlert('ET SCAN wall test', '8.8.8.8')}\n`);
    const intel = join(dir, 'partner-red.json');
    writeFileSync(intel, `${eveAlert(SECRET, '1.1.1.1', 1)}\n`);
    const config = {
      inventory: join(process.cwd(), 'assets', 'inventory.example.json'),
      feeds: [
        {
          id: 'sensor',
          type: 'file-tail',
          path: sensor,
          format: 'eve',
          tlp: 'green',
          pollMs: 100,
          expectedIntervalSeconds: 4,
        },
        {
          id: 'partner-red',
          type: 'file-tail',
          path: intel,
          format: 'eve',
          tlp: 'red',
          pollMs: 100,
        },
      ],
      walls: {
        ops: {
          tlpCeiling: 'green',
          playlist: [
            { view: 'map', seconds: 6 },
            { view: 'region', region: 'europe', seconds: 6 },
            { view: 'sectors', seconds: 4 },
            { view: 'incidents', seconds: 4 },
            { view: 'feeds', seconds: 4 },
          ],
          clocks: [
            { label: 'UTC', timeZone: 'UTC' },
            { label: 'Berlin', timeZone: 'Europe/Berlin' },
            { label: 'New York', timeZone: 'America/New_York' },
          ],
        },
      },
    };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    serve = await startServe(
      ['--cache', join(dir, 'cache.sqlite'), '--config', join(dir, 'config.json')],
      {
        LAGEBILD_HOME: dir,
      },
    );
    browser = await launchChromium();
    wall = await browser.newPage({ viewport: { width: 3840, height: 2160 } });
    wall.on('pageerror', (error) => pageErrors.push(error.message));
    wall.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    wall.on('websocket', (socket) => {
      socket.on('framereceived', ({ payload }) => frames.push(String(payload)));
      socket.on('framesent', ({ payload }) => frames.push(String(payload)));
    });
    await wall.goto(`${serve.url}wall?profile=ops`);
    await wall.getByTestId('wall').waitFor({ timeout: 20_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('rotates through every view of its playlist, each captured at 3840x2160', async () => {
    const seen = new Set<string>();
    const deadline = Date.now() + 60_000;
    while (seen.size < 5 && Date.now() < deadline) {
      const view = (await wall.getByTestId('wall').getAttribute('data-view')) ?? '';
      const title = (await wall.locator('.wall-view-title').textContent()) ?? '';
      const key = `${view}:${title}`;
      if (!seen.has(key)) {
        // Let the view settle (the map flies to a region in 0.8 s); keep it if it is still shown.
        await wall.waitForTimeout(1000);
        if (view === 'map' || view === 'region') {
          await wall
            .locator('[data-map-idle="true"]')
            .waitFor({ timeout: 10_000 })
            .catch(() => undefined);
        }
        if ((await wall.getByTestId('wall').getAttribute('data-view')) !== view) continue;
        seen.add(key);
        await wall.screenshot({
          path: join(
            SHOTS,
            `wall-${view}${view === 'region' ? `-${title.replace(/\s+/g, '-')}` : ''}.png`,
          ),
        });
      }
      await wall.waitForTimeout(250);
    }
    expect([...seen].map((key) => key.split(':')[0]).sort()).toEqual([
      'feeds',
      'incidents',
      'map',
      'region',
      'sectors',
    ]);
    expect(
      Number(await wall.getByTestId('wall').getAttribute('data-turns')),
    ).toBeGreaterThanOrEqual(4);
    const map = describePixels(await wall.locator('canvas').first().screenshot());
    expect(map.distinctColours).toBeGreaterThan(20);
  });

  it('never lets a TLP:RED alert reach the wall, and says how many were withheld', async () => {
    // An analyst sees it: it is in the cache. (Asked over the API: a second page would share
    // the software GPU with a 4K wall and crawl.)
    const recent = await analystCall(serve.url, 'listRecentAlerts', { limit: 50 });
    expect(JSON.stringify(recent)).toContain(SECRET);
    await expect
      .poll(() => wall.getByTestId('wall-withheld').textContent(), { timeout: 10_000 })
      .toBe('1 above TLP:GREEN withheld');
    expect(await wall.content()).not.toContain(SECRET);
    expect(frames.length).toBeGreaterThan(5);
    expect(frames.filter((frame) => frame.includes(SECRET))).toEqual([]);
    expect(frames.filter((frame) => frame.includes('"tlp":"red"'))).toEqual([]);
  });

  it('names a feed silent for longer than expected, and clears the banner when it delivers', async () => {
    const banner = wall.getByTestId('wall-banner');
    await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toMatch(/sensor silent/);
    await wall.screenshot({ path: join(SHOTS, 'wall-stale-banner.png') });
    appendFileSync(sensor, `${eveAlert('ET SCAN back again', '8.8.4.4')}\n`);
    await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(0);
    // Without the banner, the rows stay in place: the ticker at the bottom, the view above it.
    const ticker = await wall.getByTestId('wall-ticker').boundingBox();
    expect((ticker?.y ?? 0) + (ticker?.height ?? 0)).toBeGreaterThan(2160 - 2);
    await wall.screenshot({ path: join(SHOTS, 'wall-no-banner.png') });
  });

  it('reports no page errors or CSP violations', () => {
    expect(pageErrors).toEqual([]);
  });
});
