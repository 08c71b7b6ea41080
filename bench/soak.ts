/**
 * `npm run soak`: a wall left running under load. Serve mode tails a file
 * that this script fills with generated Suricata alerts (not real traffic)
 * as fast as Lagebild takes them, 1,000,000 by default (SOAK_ALERTS), while
 * Chromium shows a wall whose playlist turns every 2 seconds. The page's JS
 * heap (after a forced garbage collection) and DOM node count are read at
 * the start and at the end; both must stay within the stated margins, and
 * the playlist must still be turning at the end. Prints its figures
 * (`-- --json` for one JSON object) and exits non-zero when a margin is broken.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/support/chromium';
import { generateEveLines } from './generate-eve';

const TOTAL = Number(process.env.SOAK_ALERTS ?? 1_000_000);
const CHUNK = 5000;
/** Heap may grow this much from start to end (caches fill, JIT settles); DOM nodes this much. */
const HEAP_MARGIN = 0.25;
const DOM_MARGIN = 0.1;
/** The whole run stops here, finished or not. */
const DEADLINE_MS = 30 * 60_000;

const out = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startServe(args: string[], home: string) {
  const child = spawn(process.execPath, ['bin/lagebild.mjs', 'serve', '--port', '0', ...args], {
    env: { ...process.env, LAGEBILD_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /on (http:\/\/\S+)/.exec(text);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/**
 * Heap after a full collection, and DOM nodes, of the page, always while it
 * shows the same view: each view has its own number of nodes.
 */
async function measure(page: Page): Promise<{ heap: number; nodes: number; turns: number }> {
  await page.waitForSelector('[data-testid="wall"][data-view="sectors"]', { timeout: 30_000 });
  await sleep(1000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const { nodes } = (await cdp.send('Memory.getDOMCounters')) as { nodes: number };
  await cdp.detach();
  const turns = Number(await page.getByTestId('wall').getAttribute('data-turns'));
  return { heap: usedSize, nodes, turns };
}

/** Lines of generated alerts numbered from `first`, stamped now, each unique. */
function freshLines(first: number, count: number): string {
  return generateEveLines(count, first + 1)
    .map((line, i) => {
      const record = JSON.parse(line) as Record<string, unknown>;
      record.flow_id = 5_000_000_000_000 + first + i;
      record.timestamp = new Date().toISOString();
      return JSON.stringify(record);
    })
    .join('\n');
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-soak-'));
  const eve = join(dir, 'eve.json');
  writeFileSync(eve, '');
  const views = ['map', 'sectors', 'incidents', 'feeds'].map((view) => ({ view, seconds: 2 }));
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({
      inventory: join(process.cwd(), 'assets', 'inventory.example.json'),
      feeds: [
        { id: 'soak', type: 'file-tail', path: eve, format: 'eve', tlp: 'clear', pollMs: 100 },
      ],
      walls: { soak: { playlist: [...views, { view: 'region', region: 'europe', seconds: 2 }] } },
    }),
  );
  const serve = await startServe(
    ['--cache', join(dir, 'cache.sqlite'), '--config', join(dir, 'config.json')],
    dir,
  );
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${serve.url}wall?profile=soak`);
    await page.getByTestId('wall').waitFor({ timeout: 30_000 });
    if (!json) {
      out(
        `Soak: ${TOTAL} generated Suricata alerts (not real traffic) into a wall turning every 2 s`,
      );
    }
    const shown = async () =>
      Number((await page.getByTestId('wall-total').textContent())?.replace(/\D/g, ''));
    // The start is taken once the first alerts are shown: an empty wall has fewer nodes by design.
    let written = Math.min(CHUNK, TOTAL);
    appendFileSync(eve, `${freshLines(0, written)}\n`);
    while ((await shown()) < written && Date.now() - started < DEADLINE_MS) await sleep(200);
    const before = await measure(page);

    while (written < TOTAL && Date.now() - started < DEADLINE_MS) {
      const count = Math.min(CHUNK, TOTAL - written);
      appendFileSync(eve, `${freshLines(written, count)}\n`);
      written += count;
      // Keep at most a few chunks ahead of the tail, so the run measures a steady stream.
      while (written - (await shown()) > 4 * CHUNK && Date.now() - started < DEADLINE_MS) {
        await sleep(200);
      }
      if (!json && written % 100_000 === 0) out(`  ${written} written, ${await shown()} shown`);
    }
    const turnsBefore = Number(await page.getByTestId('wall').getAttribute('data-turns'));
    await sleep(10_000);
    const after = await measure(page);
    const heapGrowth = (after.heap - before.heap) / before.heap;
    const nodeGrowth = (after.nodes - before.nodes) / before.nodes;
    const stillTurning = after.turns > turnsBefore;
    const figures = {
      soakAlerts: written,
      soakSeconds: Math.round((Date.now() - started) / 1000),
      heapStartBytes: before.heap,
      heapEndBytes: after.heap,
      heapGrowth: Number(heapGrowth.toFixed(3)),
      domNodesStart: before.nodes,
      domNodesEnd: after.nodes,
      domNodeGrowth: Number(nodeGrowth.toFixed(3)),
      rotationsTotal: after.turns,
      rotationStillRuns: stillTurning,
      heapMargin: HEAP_MARGIN,
      domMargin: DOM_MARGIN,
    };
    const ok =
      heapGrowth <= HEAP_MARGIN &&
      Math.abs(nodeGrowth) <= DOM_MARGIN &&
      stillTurning &&
      written === TOTAL;
    if (json) out(JSON.stringify({ ...figures, ok }));
    else {
      const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
      out(`alerts written:            ${written} in ${figures.soakSeconds} s`);
      out(
        `JS heap after GC:          ${mb(before.heap)} -> ${mb(after.heap)} (${(heapGrowth * 100).toFixed(1)}%, margin ${HEAP_MARGIN * 100}%)`,
      );
      out(
        `DOM nodes:                 ${before.nodes} -> ${after.nodes} (${(nodeGrowth * 100).toFixed(1)}%, margin ±${DOM_MARGIN * 100}%)`,
      );
      out(
        `playlist turns:            ${after.turns}; still turning at the end: ${stillTurning ? 'yes' : 'NO'}`,
      );
      out(ok ? 'soak: within the margins' : 'soak: OUTSIDE the margins');
    }
    process.exitCode = ok ? 0 : 1;
  } finally {
    await browser.close();
    serve.stop();
  }
}

await main();
