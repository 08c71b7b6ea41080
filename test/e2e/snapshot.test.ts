/**
 * End to end: "save a PNG of this view" in Chromium against serve mode, fed
 * real sample alerts and fresh ones from public addresses so that arcs are
 * drawn. The analyst's Shift+P and PNG button, and the wall's Shift+P, each
 * download a PNG named after the view and the UTC minute, as large as the
 * viewport, whose map shows the basemap and the arcs' severity colours
 * rather than a black or blank WebGL canvas. Copies are kept in
 * test-results/e2e/snapshot-*.png.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEVERITY_RGB } from '../../renderer/palette';
import { isSnapshotFileName } from '../../shared/snapshot';
import { launchChromium } from '../support/chromium';
import { samplePath } from '../support/samples';
import { startServe, type ServeProcess } from '../support/serve-process';

const SHOTS = join(process.cwd(), 'test-results', 'e2e');
const ANALYST = { width: 1280, height: 800 };
const WALL = { width: 1600, height: 900 };
/** The side panel's width (app.css), right of the map. */
const PANEL_WIDTH = 360;

/** A fresh alert from a public address to the demo site. */
function freshAlert(src: string, severity: number, signature: string): string {
  return JSON.stringify({
    timestamp: new Date().toISOString(),
    event_type: 'alert',
    src_ip: src,
    src_port: 44321,
    dest_ip: '10.16.1.11',
    dest_port: 22,
    proto: 'TCP',
    alert: { action: 'allowed', gid: 1, signature_id: 9100001, rev: 1, signature, severity },
  });
}

function alertLines(): string {
  const sample = readFileSync(
    samplePath('suricata-eve', 'suricata-verify_alert-testmyids_expected_eve.json'),
    'utf8',
  ).trimEnd();
  const fresh = [
    freshAlert('185.220.101.4', 1, 'ET SCAN snapshot critical'),
    freshAlert('8.8.8.8', 1, 'ET SCAN snapshot critical'),
    freshAlert('1.1.1.1', 2, 'ET POLICY snapshot high'),
    freshAlert('203.0.113.9', 2, 'ET POLICY snapshot high'),
    freshAlert('91.198.174.192', 3, 'ET INFO snapshot medium'),
    // Enough rows that the newest-alerts list scrolls far.
    ...[1, 3, 2, 3, 1, 3, 2, 3].map((severity, n) =>
      freshAlert('185.220.101.4', severity, `ET SCAN snapshot filler ${n}`),
    ),
  ];
  return `${sample}\n${fresh.join('\n')}\n`;
}

interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a region of a decoded PNG holds: distinct colours, near-black share, arc-coloured pixels. */
function inspect(image: PNG, region: Region) {
  const colours = new Set<number>();
  const arcColours = [
    SEVERITY_RGB.critical,
    SEVERITY_RGB.high,
    SEVERITY_RGB.medium,
    SEVERITY_RGB.low,
  ];
  let dark = 0;
  let arcPixels = 0;
  for (let y = region.y; y < region.y + region.height; y += 1) {
    for (let x = region.x; x < region.x + region.width; x += 1) {
      const i = (y * image.width + x) * 4;
      const [r, g, b] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
      colours.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
      if (0.2126 * r + 0.7152 * g + 0.0722 * b < 8) dark += 1;
      const nearArc = arcColours.some(
        ([ar, ag, ab]) => Math.abs(r - ar) + Math.abs(g - ag) + Math.abs(b - ab) < 60,
      );
      if (nearArc) arcPixels += 1;
    }
  }
  return {
    distinctColours: colours.size,
    darkShare: dark / (region.width * region.height),
    arcPixels,
  };
}

/** The mean difference per colour channel of two pictures of the same size, 0 to 255. */
function meanDifference(a: PNG, b: PNG): number {
  let sum = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 3; c += 1) sum += Math.abs(a.data[i + c]! - b.data[i + c]!);
  }
  return sum / ((a.data.length / 4) * 3);
}

/** The severity whose colour a pixel shows, or undefined for none. */
function severityAt(image: PNG, x: number, y: number): string | undefined {
  const i = (y * image.width + x) * 4;
  const [r, g, b] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
  return Object.entries(SEVERITY_RGB).find(
    ([, [sr, sg, sb]]) => Math.abs(r - sr) + Math.abs(g - sg) + Math.abs(b - sb) < 60,
  )?.[0];
}

/** The share of a pixel column where two pictures show the same severity colour (or none). */
function stripeAgreement(
  a: PNG,
  b: PNG,
  column: { x: number; top: number; height: number },
): number {
  let same = 0;
  for (let y = column.top; y < column.top + column.height; y += 1) {
    if (severityAt(a, column.x, y) === severityAt(b, column.x, y)) same += 1;
  }
  return same / column.height;
}

/** Presses or clicks `trigger` and returns the PNG the page downloads, with its file name. */
async function download(
  page: Page,
  trigger: () => Promise<void>,
  copy: string,
): Promise<{ name: string; image: PNG }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), trigger()]);
  const path = await file.path();
  const bytes = readFileSync(path);
  writeFileSync(join(SHOTS, copy), bytes);
  return { name: file.suggestedFilename(), image: PNG.sync.read(bytes) };
}

async function waitForMap(page: Page): Promise<void> {
  await page.waitForSelector('[data-map-ready="true"]', { timeout: 30_000 });
  await page.waitForSelector('[data-map-idle="true"]', { timeout: 30_000 });
  // The arcs arrive with the picture, a moment after the basemap.
  await page.waitForTimeout(1500);
}

describe('a PNG of the view, for reports', () => {
  let dir: string;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lagebild-e2e-snapshot-'));
    mkdirSync(SHOTS, { recursive: true });
    const eve = join(dir, 'eve.json');
    writeFileSync(eve, alertLines());
    const config = {
      inventory: join(process.cwd(), 'assets', 'inventory.example.json'),
      feeds: [
        { id: 'sensor-1', type: 'file-tail', path: eve, format: 'eve', tlp: 'clear', pollMs: 100 },
      ],
      walls: {
        ops: { tlpCeiling: 'green', playlist: [{ view: 'map', seconds: 600 }] },
      },
    };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    serve = await startServe(
      ['--cache', join(dir, 'cache.sqlite'), '--config', join(dir, 'config.json')],
      { LAGEBILD_HOME: dir },
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  const watch = (target: Page) => {
    target.on('pageerror', (error) => pageErrors.push(error.message));
    target.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  };

  it('saves the analyst map on Shift+P: viewport-sized, basemap and arcs drawn', async () => {
    page = await browser.newPage({ viewport: ANALYST, acceptDownloads: true });
    watch(page);
    await page.goto(serve.url);
    await expect
      .poll(() => page.getByTestId('alert-count').textContent(), { timeout: 20_000 })
      .toMatch(/[1-9]/);
    await waitForMap(page);

    const { name, image } = await download(
      page,
      () => page.keyboard.press('Shift+P'),
      'snapshot-map.png',
    );

    expect(name).toMatch(/^lagebild-map-\d{4}-\d{2}-\d{2}T\d{4}Z\.png$/);
    expect(isSnapshotFileName(name)).toBe(true);
    expect([image.width, image.height]).toEqual([ANALYST.width, ANALYST.height]);
    const mapRegion = { x: 0, y: 0, width: ANALYST.width - PANEL_WIDTH, height: ANALYST.height };
    const map = inspect(image, mapRegion);
    expect(map.distinctColours).toBeGreaterThan(20);
    expect(map.darkShare).toBeLessThan(0.5);
    expect(map.arcPixels).toBeGreaterThan(20);

    // The PNG is what the screen shows: close to Chromium's own screenshot of the page
    // (a black or blank map would differ by more than 10 on average).
    const screenshot = await page.screenshot({ path: join(SHOTS, 'snapshot-map-screen.png') });
    expect(meanDifference(image, PNG.sync.read(screenshot))).toBeLessThan(4);

    // The severity colours on the map are the arcs': with the arcs switched off, they go.
    await page.getByLabel('Arcs').uncheck();
    await page.waitForTimeout(500);
    const withoutArcs = await download(
      page,
      () => page.keyboard.press('Shift+P'),
      'snapshot-map-no-arcs.png',
    );
    const plain = inspect(withoutArcs.image, mapRegion);
    expect(plain.arcPixels).toBeLessThan(map.arcPixels / 2);
    await page.getByLabel('Arcs').check();
  });

  it('shows a scrolled list as it is on screen, not scrolled back to the top', async () => {
    const list = page.locator('.alert-list');
    const box = (await list.boundingBox())!;
    const atTop = PNG.sync.read(await page.screenshot());
    await list.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    const scrolled = PNG.sync.read(await page.screenshot());
    const { image } = await download(
      page,
      () => page.keyboard.press('Shift+P'),
      'snapshot-map-scrolled.png',
    );
    // Each row's severity stripe, read down the list's left edge, sits where the screen has it.
    const column = { x: Math.round(box.x) + 1, top: Math.round(box.y), height: box.height };
    const same = stripeAgreement(image, scrolled, column);
    expect(same).toBeGreaterThan(0.9);
    expect(same).toBeGreaterThan(stripeAgreement(image, atTop, column) + 0.1);
  });

  it('saves the incident list from the panel button, named after the view', async () => {
    await page.goto(`${serve.url}#/incidents`);
    await page.getByTestId('incident-list').waitFor();
    const { name, image } = await download(
      page,
      () => page.getByTestId('snapshot-button').click(),
      'snapshot-incidents.png',
    );
    expect(name).toMatch(/^lagebild-incidents-\d{4}-\d{2}-\d{2}T\d{4}Z\.png$/);
    expect([image.width, image.height]).toEqual([ANALYST.width, ANALYST.height]);
    expect(inspect(image, { x: 0, y: 0, ...ANALYST }).distinctColours).toBeGreaterThan(20);
  });

  it('saves the wall on Shift+P, with its map drawn', async () => {
    const wall = await browser.newPage({ viewport: WALL, acceptDownloads: true });
    watch(wall);
    await wall.goto(`${serve.url}wall?profile=ops`);
    await wall.getByTestId('wall').waitFor({ timeout: 20_000 });
    await waitForMap(wall);

    const { name, image } = await download(
      wall,
      () => wall.keyboard.press('Shift+P'),
      'snapshot-wall.png',
    );

    expect(name).toMatch(/^lagebild-wall-ops-map-\d{4}-\d{2}-\d{2}T\d{4}Z\.png$/);
    expect([image.width, image.height]).toEqual([WALL.width, WALL.height]);
    const box = await wall.locator('.map').boundingBox();
    const map = inspect(image, {
      x: Math.round(box!.x),
      y: Math.round(box!.y),
      width: Math.round(box!.width),
      height: Math.round(box!.height),
    });
    expect(map.distinctColours).toBeGreaterThan(20);
    expect(map.darkShare).toBeLessThan(0.5);
    expect(map.arcPixels).toBeGreaterThan(20);
    await wall.close();
  });

  it('reports no page errors or CSP violations while capturing', () => {
    expect(pageErrors).toEqual([]);
  });
});
