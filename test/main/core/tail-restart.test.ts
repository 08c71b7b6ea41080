/**
 * A tailed feed stopped mid-file and started again resumes at its committed
 * offset with the real cache: nothing lost, nothing read twice.
 */
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../../main/core/app';
import { parseConfig } from '../../../main/core/config';
import { samplePath } from '../../support/samples';

const LDAP = 'suricata-verify_tests_detect-ldap-operation_eve.json'; // 4 alerts, 3 other events
const TESTMYIDS = 'suricata-verify_alert-testmyids_expected_eve.json'; // 1 alert

function eveLines(name: string): string[] {
  return readFileSync(samplePath('suricata-eve', name), 'utf8').trimEnd().split('\n');
}

async function run(dir: string, until: (core: Core) => boolean): Promise<Core> {
  const config = parseConfig(
    { feeds: [{ id: 'tail', type: 'file-tail', path: 'eve.json', pollMs: 20, tlp: 'clear' }] },
    'test',
    dir,
  );
  const core = await startCore({ config, cachePath: join(dir, 'cache.sqlite') });
  await expect.poll(() => until(core), { timeout: 10_000 }).toBe(true);
  return core;
}

function ignoredEvents(core: Core): number {
  const feed = core.cache.feedCounters().find((f) => f.id === 'tail');
  return Object.values(feed?.ignored ?? {}).reduce((sum, n) => sum + n, 0);
}

describe('file tail across restarts', () => {
  it('resumes at the committed offset: every record once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lagebild-restart-'));
    const file = join(dir, 'eve.json');
    const ldap = eveLines(LDAP);
    // The first run sees half the file, the last line of it unfinished.
    writeFileSync(file, `${ldap.slice(0, 3).join('\n')}\n${ldap[3]!.slice(0, 20)}`);
    const first = await run(dir, (core) => core.cache.stats().alerts === 3);
    await first.close();

    appendFileSync(file, `${ldap[3]!.slice(20)}\n${ldap.slice(4).join('\n')}\n`);
    appendFileSync(file, `${eveLines(TESTMYIDS).join('\n')}\n`);
    const second = await run(dir, (core) => core.cache.stats().alerts === 5);
    // Non-alert events are counted, not deduplicated: a re-read would count them twice.
    await expect.poll(() => ignoredEvents(second)).toBe(3);
    expect(second.cache.stats()).toMatchObject({ alerts: 5, quarantined: 0 });
    await second.close();
  });
});
