/**
 * End to end: offline start and time travel. A cache filled by `lagebild
 * import` with alerts spread over three hours, and a configuration whose
 * feeds cannot reach their servers (TAXII and NATS on a closed port): the
 * page shows the whole cached picture at once, the feeds as offline with
 * their error, and waits on nothing. Then a past window as a deep link, its
 * replay at 1000x (screenshots at two replayed times in test-results/e2e/),
 * pause and step, and a wall replaying a window named in its URL.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { describePixels } from '../support/pixels';
import { runLagebild } from '../support/run-cli';
import { samplePath } from '../support/samples';
import { startServe, type ServeProcess } from '../support/serve-process';

const SHOTS = join(process.cwd(), 'test-results', 'e2e');
const VIEWPORT = { width: 1600, height: 900 };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// Public addresses whose country the bundled GeoIP data knows.
const SOURCES = [
  { ip: '8.8.8.8', sid: 2010935, signature: 'ET SCAN Suspicious inbound to SSH', priority: 2 },
  {
    ip: '200.160.2.3',
    sid: 2024792,
    signature: 'ET EXPLOIT Possible OpenSSH exploit',
    priority: 1,
  },
  {
    ip: '1.1.1.1',
    sid: 2019284,
    signature: 'ET POLICY SSH session on non-standard port',
    priority: 3,
  },
];
/** One alert every three minutes from three hours ago to a quarter of an hour ago. */
const SPREAD = Array.from({ length: 56 }, (_, i) => 180 - i * 3);

function eveLines(now: number): string {
  return SPREAD.map((minutesAgo, i) => {
    const source = SOURCES[i % SOURCES.length]!;
    const at = now - minutesAgo * MINUTE;
    return JSON.stringify({
      timestamp: new Date(at).toISOString(),
      event_type: 'alert',
      src_ip: source.ip,
      src_port: 40000 + i,
      dest_ip: '10.16.1.11',
      dest_port: 22,
      proto: 'TCP',
      alert: {
        action: 'allowed',
        gid: 1,
        signature_id: source.sid,
        rev: 1,
        signature: source.signature,
        severity: source.priority,
      },
    });
  }).join('\n');
}

const number = async (page: Page, testId: string) =>
  Number((await page.getByTestId(testId).first().textContent())?.replace(/\D/g, ''));

/** The replayed clock and the alert count, as the page shows them now. */
async function replayState(page: Page): Promise<{ at: number; count: number; text: string }> {
  const badge = page.getByTestId('replay-badge');
  return {
    at: Number(await badge.getAttribute('data-replay-at')),
    count: await number(page, 'alert-count'),
    text: (await badge.textContent()) ?? '',
  };
}

const hashOf = (page: Page) => page.evaluate(() => decodeURIComponent(window.location.hash));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('offline start and replay', () => {
  let dir: string;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let now: number;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lagebild-e2e-replay-'));
    mkdirSync(SHOTS, { recursive: true });
    now = Date.now();
    const eve = join(dir, 'three-hours.json');
    writeFileSync(eve, `${eveLines(now)}\n`);
    const config = {
      inventory: join(process.cwd(), 'assets', 'inventory.example.json'),
      feeds: [
        // Port 9 (discard) is closed here: neither server is reachable.
        { id: 'partner-taxii', type: 'taxii21', url: 'http://127.0.0.1:9/taxii2/', tlp: 'green' },
        {
          id: 'sensor-bus',
          type: 'nats',
          servers: ['nats://127.0.0.1:9'],
          stream: 'EVE',
          subject: 'eve.>',
          durable: 'replay-test',
        },
      ],
    };
    const configFile = join(dir, 'config.json');
    writeFileSync(configFile, JSON.stringify(config));
    const cache = join(dir, 'cache.sqlite');
    const sample = samplePath('suricata-eve', 'suricata-verify_alert-testmyids_expected_eve.json');
    const imported = runLagebild(
      [
        'import',
        '--cache',
        cache,
        '--config',
        configFile,
        '--feed',
        'dmz-sensor',
        '--tlp',
        'green',
      ].concat([eve, sample]),
      { LAGEBILD_HOME: dir },
    );
    expect(imported.status, imported.stderr).toBe(0);
    serve = await startServe(['--cache', cache, '--config', configFile], { LAGEBILD_HOME: dir });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: VIEWPORT });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('starts offline: the whole cache at once, the feeds shown offline with their error', async () => {
    const opened = Date.now();
    await page.goto(serve.url);
    // Every imported alert: the generated ones and the real sample's one.
    await expect
      .poll(() => number(page, 'alert-count'), { timeout: 5_000 })
      .toBe(SPREAD.length + 1);
    expect(Date.now() - opened).toBeLessThan(5_000);
    await expect
      .poll(async () => Number(await page.locator('.map').getAttribute('data-arcs')))
      .toBeGreaterThanOrEqual(3);
    await expect
      .poll(() => page.getByTestId('recent-alerts').locator('li').count())
      .toBe(SPREAD.length + 1);

    const feeds = page.getByTestId('feed');
    // The configured feeds, and the one the import named.
    await expect.poll(() => feeds.count()).toBe(3);
    for (const id of ['partner-taxii', 'sensor-bus']) {
      const feed = feeds.filter({ hasText: id });
      await expect.poll(() => feed.getAttribute('data-state'), { timeout: 15_000 }).toBe('down');
      expect(await feed.locator('.feed-state').textContent()).toBe('offline');
      expect((await feed.getByTestId('feed-error').textContent())?.length).toBeGreaterThan(0);
    }
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 20_000 });
    await page.screenshot({ path: join(SHOTS, 'offline-start.png') });
  });

  it('shows a past window as a deep link, and all of the cache', async () => {
    const from = now - 4 * HOUR;
    await page.goto(`${serve.url}#/?from=${from}&to=${now}`);
    await page.getByTestId('window-badge').waitFor({ timeout: 10_000 });
    // The sample's alert is years old: outside the window.
    await expect.poll(() => number(page, 'alert-count')).toBe(SPREAD.length);
    // Moving to another view keeps the window, in the link too.
    await page.getByTestId('open-sectors').click();
    await page.getByTestId('sectors-view').waitFor();
    await expect.poll(() => hashOf(page)).toBe(`#/sectors?window=0&from=${from}&to=${now}`);
    await page.getByTestId('open-incidents').click();
    await expect.poll(() => hashOf(page)).toContain(`from=${from}&to=${now}`);
    await expect.poll(() => page.getByTestId('incident-row').count()).toBe(SOURCES.length);
    await page.goto(`${serve.url}#/?from=${from}&to=${now}`);
    await page.getByTestId('time-preset-All').click();
    await expect.poll(() => number(page, 'alert-count')).toBe(SPREAD.length + 1);
    await page.getByTestId('time-live').click();
    await expect.poll(() => page.getByTestId('time-bar').getAttribute('data-mode')).toBe('live');
    await page.goto(`${serve.url}#/?from=${from}&to=${now}`);
    await page.getByTestId('window-badge').waitFor({ timeout: 10_000 });
  });

  it('replays the window at 1000x: the clock and the counts grow between two screenshots', async () => {
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 20_000 });
    await page.getByTestId('replay-start-speed').selectOption('1000');
    await page.getByTestId('replay-start').click();
    await page.getByTestId('replay-badge').waitFor({ timeout: 5_000 });

    // About ten seconds for the window's 2 h 45 min of alerts: sample it as it plays.
    const samples: { at: number; count: number }[] = [];
    const shots: { at: number; count: number; text: string }[] = [];
    for (let i = 0; i < 12; i += 1) {
      await sleep(400);
      const state = await replayState(page);
      samples.push(state);
      if (i === 3 || i === 9) {
        await page.screenshot({ path: join(SHOTS, `replay-${shots.length + 1}.png`) });
        shots.push(await replayState(page));
      }
    }
    const [first, second] = shots;
    expect(first!.text).toMatch(/REPLAY/);
    expect(second!.at).toBeGreaterThan(first!.at);
    expect(second!.count).toBeGreaterThan(first!.count);
    expect(second!.text).not.toBe(first!.text);
    for (let i = 1; i < samples.length; i += 1) {
      expect(samples[i]!.at).toBeGreaterThanOrEqual(samples[i - 1]!.at);
      expect(samples[i]!.count).toBeGreaterThanOrEqual(samples[i - 1]!.count);
    }
    const pixels = describePixels(readFileSync(join(SHOTS, 'replay-2.png')));
    expect(pixels.distinctColours).toBeGreaterThan(20);
    expect(pixels.darkShare).toBeLessThan(0.95);
  });

  it('pauses, and steps one minute while paused', async () => {
    // Back to the start, so that a step has room before the end.
    const scrubber = page.getByTestId('replay-scrubber');
    const min = Number(await scrubber.getAttribute('min'));
    await scrubber.evaluate(
      (input: HTMLInputElement, value) => {
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        setValue.call(input, String(value));
        input.dispatchEvent(new Event('input', { bubbles: true }));
      },
      min + 30 * MINUTE,
    );
    if ((await page.getByTestId('replay-badge').getAttribute('data-playing')) === 'true') {
      await page.getByTestId('replay-play').click();
    }
    await expect
      .poll(() => page.getByTestId('replay-badge').getAttribute('data-playing'))
      .toBe('false');
    // The picture at the scrubbed time is fetched anew; let it arrive.
    await sleep(1000);
    const paused = await replayState(page);
    await sleep(1500);
    expect((await replayState(page)).at).toBe(paused.at);

    await page.getByTestId('replay-step').click();
    await expect.poll(async () => (await replayState(page)).at).toBe(paused.at + MINUTE);
    await expect
      .poll(async () => (await replayState(page)).count)
      .toBeGreaterThanOrEqual(paused.count);
    expect(paused.count).toBeGreaterThan(0);
    await page.getByTestId('replay-stop').click();
    await expect.poll(() => page.getByTestId('replay-badge').count()).toBe(0);
  });

  it('plays a replay on a wall named in its URL, with the badge, and notes a bad link', async () => {
    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    wall.on('pageerror', (error) => pageErrors.push(error.message));
    const from = new Date(now - 4 * HOUR).toISOString();
    const to = new Date(now).toISOString();
    await wall.goto(`${serve.url}wall?replay=${from}..${to}&speed=1000`);
    const badge = wall.getByTestId('replay-badge');
    await badge.waitFor({ timeout: 20_000 });
    const start = Number(await badge.getAttribute('data-replay-at'));
    await expect
      .poll(async () => Number(await badge.getAttribute('data-replay-at')))
      .toBeGreaterThan(start);
    await wall.waitForSelector('[data-map-ready="true"]', { timeout: 20_000 });
    await sleep(1500);
    await wall.screenshot({ path: join(SHOTS, 'replay-wall.png') });

    await wall.goto(`${serve.url}wall?replay=yesterday..today`);
    await expect
      .poll(() => wall.getByTestId('wall-banner').textContent(), { timeout: 20_000 })
      .toMatch(/Replay link ignored/);
    expect(await wall.getByTestId('replay-badge').count()).toBe(0);
    await wall.close();
  });

  it('reports no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
