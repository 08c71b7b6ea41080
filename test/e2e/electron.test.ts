/**
 * End to end: the built desktop app (main bundle, preload and renderer) in
 * the real Electron, on a temporary user data directory and a tiny cache fed
 * with one sample alert. Where the Electron binary was never downloaded
 * (ELECTRON_SKIP_BINARY_DOWNLOAD, as on the build machines) it is skipped
 * with a printed reason.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePath } from '../support/samples';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = join(ROOT, 'dist', 'main', 'electron', 'main.mjs');

/** The Electron executable, or undefined when the package has no binary. */
function electronBinary(): string | undefined {
  try {
    // The electron package exports the binary's path, and throws when it was never installed.
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
if (!binary) {
  // eslint-disable-next-line no-console -- the reason for the skip must show in the test output
  console.info(
    'Electron end-to-end test skipped: no Electron binary on this machine ' +
      '(ELECTRON_SKIP_BINARY_DOWNLOAD)',
  );
}

describe.skipIf(!binary)('desktop app in Electron', () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first`);
    const home = mkdtempSync(join(tmpdir(), 'lagebild-electron-'));
    const eve = samplePath('suricata-eve', 'suricata-verify_alert-testmyids_expected_eve.json');
    const config = {
      feeds: [{ id: 'sample', type: 'file-import', paths: [eve], format: 'eve', tlp: 'clear' }],
    };
    writeFileSync(join(home, 'config.json'), JSON.stringify(config));
    const args = [
      MAIN,
      '--cache',
      join(home, 'cache.sqlite'),
      '--config',
      join(home, 'config.json'),
    ];
    // Chromium refuses to start its OS sandbox as root, as in CI containers.
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    app = await _electron.launch({
      executablePath: binary,
      args,
      env: { ...process.env, LAGEBILD_HOME: home } as Record<string, string>,
    });
    page = await app.firstWindow();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('opens the Lagebild window', async () => {
    await page.waitForLoadState('domcontentloaded');
    const title = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]?.getTitle(),
    );
    expect(title).toMatch(/Lagebild/);
    expect(page.url()).toBe('lagebild://app/index.html');
  });

  it('gives the page window.lagebild and nothing of Node', async () => {
    const globals = await page.evaluate(() => {
      const scope = window as unknown as Record<string, unknown>;
      return {
        lagebild: typeof scope.lagebild,
        keys: Object.keys(scope.lagebild as object).sort(),
        require: typeof scope.require,
        process: typeof scope.process,
        module: typeof scope.module,
      };
    });
    expect(globals).toEqual({
      lagebild: 'object',
      keys: ['call', 'on'],
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
    });
  });

  it('answers API calls over IPC, validated by the core', async () => {
    const results = await page.evaluate(async () => {
      const api = (window as unknown as { lagebild: { call: (m: string, p: unknown) => unknown } })
        .lagebild;
      return [await api.call('getInfo', {}), await api.call('getAlert', { id: 42 })];
    });
    expect(results[0]).toMatchObject({ ok: true, value: { readOnly: false } });
    expect(results[1]).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('shows the alert count of the tiny cache', async () => {
    const count = page.getByTestId('alert-count');
    await count.waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => Number(((await count.textContent()) ?? '').replace(/[^0-9]/g, '')), {
        timeout: 20_000,
      })
      .toBe(1);
  });
});
