/**
 * End to end: the Export control of the incident list and of an incident
 * downloads the chosen format under the chosen TLP ceiling, says what was
 * withheld, and offers the configured TAXII destination. Screenshots are
 * saved in test-results/e2e/.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { samplePath } from '../support/samples';
import { startServe, type ServeProcess } from '../support/serve-process';

const SHOTS = join(process.cwd(), 'test-results', 'e2e');

describe('export from the incident views', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lagebild-e2e-export-'));
    mkdirSync(SHOTS, { recursive: true });
    const config = {
      feeds: [
        {
          id: 'eve',
          type: 'file-import',
          paths: [samplePath('suricata-eve')],
          format: 'eve',
          tlp: 'amber',
        },
      ],
      sharing: {
        taxii: [
          {
            name: 'isac',
            title: 'Energy ISAC',
            url: 'http://127.0.0.1:9/api1/',
            collection: 'c1',
          },
        ],
      },
    };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    serve = await startServe(
      ['--cache', join(dir, 'cache.sqlite'), '--config', join(dir, 'config.json')],
      { LAGEBILD_HOME: dir },
    );
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 900 }, acceptDownloads: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${serve.url}#/incidents`);
    await page.getByTestId('incident-row').first().waitFor({ timeout: 20_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('withholds everything above the default GREEN ceiling', async () => {
    const control = page.getByTestId('filter-bar').getByTestId('export-control');
    await control.locator('summary').click();
    await control.getByRole('button', { name: 'Download' }).click();
    await expect
      .poll(() => control.getByTestId('export-outcome').textContent())
      .toBe('Nothing to export; 6 withheld above TLP:GREEN');
    expect(await control.getByRole('button', { name: 'Publish to TAXII' }).isVisible()).toBe(true);
    expect(await control.getByLabel('TAXII destination').textContent()).toBe('Energy ISAC');
    await page.screenshot({ path: join(SHOTS, 'export-withheld.png') });
  });

  it('downloads the list as CSV up to AMBER', async () => {
    const control = page.getByTestId('filter-bar').getByTestId('export-control');
    await control.getByLabel('Export format').selectOption('csv');
    await control.getByLabel('TLP ceiling').selectOption('amber');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      control.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^lagebild-\d{8}-\d{4}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(7);
    await expect
      .poll(() => control.getByTestId('export-outcome').textContent())
      .toMatch(/^Exported \d+ incident\(s\), 6 alert\(s\)$/);
  });

  it('downloads one incident as a STIX bundle from its detail', async () => {
    await page.getByTestId('incident-row').first().click();
    const control = page.getByTestId('incident-detail').getByTestId('export-control');
    await control.locator('summary').click();
    await control.getByLabel('TLP ceiling').selectOption('red');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      control.getByRole('button', { name: 'Download' }).click(),
    ]);
    const bundle = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(bundle.type).toBe('bundle');
    await page.screenshot({ path: join(SHOTS, 'export-incident.png') });
    expect(pageErrors).toEqual([]);
  });
});
