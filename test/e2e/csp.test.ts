/**
 * End to end: the Content-Security-Policy holds while every view is used.
 * serve mode runs on a cache of a few hundred alerts from around the
 * world; Chromium opens the live map (with its arcs), the side panel, the
 * incident list, an incident with its timeline and a raw record, the
 * sectors, the help overlay, a past window of time with its replay (when
 * the build has the time bar), the settings (when the build has them) and
 * a wall with the default profile. Each document must arrive under exactly
 * the strict policy, and after each view no `securitypolicyviolation`
 * event (listened for before any page script runs) and no console error
 * may have been reported.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/core/csp';
import { DEFAULT_WALL } from '../../shared/wall';
import { launchChromium } from '../support/chromium';
import { startServe, type ServeProcess } from '../support/serve-process';

const VIEWPORT = { width: 1600, height: 900 };
const MINUTE = 60_000;

/** Public addresses whose country the bundled GeoIP data knows: arcs from around the world. */
const SOURCES = ['8.8.8.8', '200.160.2.3', '1.1.1.1', '185.220.101.4', '81.2.69.143'];
const SIGNATURES = [
  [2010935, 'ET SCAN Suspicious inbound to SSH', 2],
  [2024792, 'ET EXPLOIT Possible OpenSSH exploit attempt', 1],
  [2001219, 'ET SCAN Potential SSH Scan', 3],
] as const;

/** Three hundred alerts over the last five hours, from five countries to the demo site. */
function realisticEve(now: number): string {
  const lines: string[] = [];
  for (let i = 0; i < 300; i += 1) {
    const [sid, signature, severity] = SIGNATURES[i % SIGNATURES.length]!;
    lines.push(
      JSON.stringify({
        timestamp: new Date(now - (300 - i) * MINUTE).toISOString(),
        event_type: 'alert',
        src_ip: SOURCES[i % SOURCES.length],
        src_port: 40000 + i,
        dest_ip: '10.16.1.11',
        dest_port: 22,
        proto: 'TCP',
        alert: { action: 'allowed', gid: 1, signature_id: sid, rev: 1, signature, severity },
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** What the page reported: policy violations and errors, each as one line. */
interface Problems {
  violations: string[];
  errors: string[];
}

/** The document's policy header, checked against the strict policy. */
function expectStrictPolicy(response: Response | null): void {
  expect(response, 'a document load').not.toBeNull();
  expect(response!.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
}

const hashOf = (page: Page) => page.evaluate(() => decodeURIComponent(window.location.hash));

describe('Content-Security-Policy across every view', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: Problems = { violations: [], errors: [] };
  const documents: { url: string; csp: string | undefined }[] = [];

  /** Asserts that nothing was reported since the last check, naming the view. */
  function expectClean(view: string): void {
    expect({ view, ...problems }).toEqual({ view, violations: [], errors: [] });
  }

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lagebild-e2e-csp-'));
    const eve = join(dir, 'eve.json');
    writeFileSync(eve, realisticEve(Date.now()));
    const config = {
      inventory: join(process.cwd(), 'assets', 'inventory.example.json'),
      feeds: [{ id: 'dmz-sensor', type: 'file-tail', path: eve, format: 'eve', tlp: 'green' }],
    };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    serve = await startServe(
      ['--cache', join(dir, 'cache.sqlite'), '--config', join(dir, 'config.json')],
      { LAGEBILD_HOME: dir },
    );
    browser = await launchChromium();
    context = await browser.newContext({ viewport: VIEWPORT });
    // Bindings and init scripts come in through the DevTools protocol, outside the policy.
    await context.exposeBinding('reportCspViolation', (_source, line: string) => {
      problems.violations.push(line);
    });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { reportCspViolation(line: string): void })
          .reportCspViolation;
        void report(
          `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
        );
      });
    });
    context.on('response', (response) => {
      if (response.request().resourceType() === 'document') {
        documents.push({ url: response.url(), csp: response.headers()['content-security-policy'] });
      }
    });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.errors.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('has a policy that allows no inline or evaluated script and nothing from elsewhere', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src') ?? directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:|'strict-dynamic'/);
  });

  it('would have seen a violation: an injected inline script is blocked and reported', async () => {
    expectStrictPolicy(await page.goto(serve.url));
    await page.getByTestId('alert-count').waitFor({ timeout: 30_000 });
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.injected = "ran"';
      document.body.append(script);
    });
    await expect.poll(() => problems.violations.length).toBeGreaterThan(0);
    expect(problems.violations[0]).toMatch(/^script-src-elem blocked inline/);
    expect(await page.evaluate(() => document.body.dataset.injected)).toBeUndefined();
    problems.violations.length = 0;
    problems.errors.length = 0;
  });

  it('holds on the live map with its arcs and the side panel', async () => {
    expectStrictPolicy(await page.goto(serve.url));
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 30_000 });
    await expect
      .poll(
        async () =>
          Number((await page.getByTestId('alert-count').textContent())?.replace(/\D/g, '')),
        { timeout: 30_000 },
      )
      .toBe(300);
    // Arcs are drawn from the alerts' sources to the site; let the map settle with them.
    await page.locator('[data-map-idle="true"]').waitFor({ timeout: 20_000 });
    await page.getByTestId('recent-alerts').waitFor();
    await page.getByTestId('alert-row').first().click();
    await page.getByTestId('feed').first().waitFor();
    await page.waitForTimeout(1000);
    expectClean('live map');
  });

  it('holds in the incident list, an incident, its timeline and a raw record', async () => {
    await page.getByTestId('open-incidents').click();
    await expect.poll(() => hashOf(page)).toMatch(/^#\/incidents/);
    await expect.poll(() => page.getByTestId('incident-row').count()).toBeGreaterThan(0);
    await page.getByTestId('incident-row').first().click();
    await page.getByTestId('incident-title').waitFor();
    await expect.poll(() => page.getByTestId('timeline-bar').count()).toBeGreaterThan(0);
    await page.getByTestId('incident-alert').first().click();
    await page.getByTestId('raw-text').waitFor();
    expectClean('incidents');
  });

  it('holds in the help overlay', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.getByTestId('help').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('help').count()).toBe(0);
    expectClean('help');
  });

  it('holds in the sectors, loaded as a link of their own', async () => {
    expectStrictPolicy(await page.goto(`${serve.url}?reload#/sectors`));
    await page.getByTestId('sectors-view').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    expectClean('sectors');
  });

  it('holds in a past window of time and its replay, when the build has them', async () => {
    const now = Date.now();
    await page.evaluate(
      (hash) => (window.location.hash = hash),
      `#/?from=${now - 3 * 3_600_000}&to=${now}`,
    );
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 20_000 });
    if ((await page.getByTestId('time-bar').count()) === 0) return;
    await page.getByTestId('window-badge').waitFor({ timeout: 10_000 });
    const start = page.getByTestId('replay-start');
    if ((await start.count()) > 0) {
      await start.click();
      await page.getByTestId('replay-controls').waitFor({ timeout: 10_000 });
      await page.waitForTimeout(1500);
      await page.getByTestId('replay-stop').click();
    }
    await page.getByTestId('time-live').click();
    await page.waitForTimeout(500);
    expectClean('time range and replay');
  });

  it('holds in the settings, when the build has them', async () => {
    await page.evaluate(() => (window.location.hash = '#/settings'));
    await page.waitForTimeout(500);
    const settings = page.locator('[data-testid^="settings"]');
    if ((await settings.count()) > 0) {
      await settings.first().waitFor();
      await page.waitForTimeout(500);
    }
    expectClean('settings');
  });

  it('holds on a wall with the default profile', async () => {
    const wall = await context.newPage();
    wall.on('pageerror', (error) => problems.errors.push(`wall: ${error.message}`));
    wall.on('console', (message) => {
      if (message.type() === 'error') problems.errors.push(`wall: ${message.text()}`);
    });
    expectStrictPolicy(await wall.goto(`${serve.url}wall?profile=${DEFAULT_WALL}`));
    await wall.getByTestId('wall').waitFor({ timeout: 30_000 });
    // Long enough for the playlist to turn to another view.
    await expect
      .poll(async () => Number(await wall.getByTestId('wall').getAttribute('data-turns')), {
        timeout: 40_000,
      })
      .toBeGreaterThanOrEqual(1);
    await wall.close();
    expectClean('wall');
  });

  it('served every document under exactly the strict policy', () => {
    expect(documents.length).toBeGreaterThanOrEqual(3);
    expect(documents.filter((loaded) => loaded.csp !== CONTENT_SECURITY_POLICY)).toEqual([]);
  });
});
