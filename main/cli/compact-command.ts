/**
 * `lagebild compact --cache DB [--config FILE] [--max-age-days N] [--max-size-mb N]`:
 * applies retention (the configuration's limits, or those given) and then
 * gives the free pages back to the disk, printing the size before and
 * after and what retention removed.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { RetentionRun } from '../../shared/cache';
import { loadConfigFile } from '../core/config';
import { AlertCache } from '../store/alert-cache';
import { describeRetentionRun, type RetentionPolicy } from '../store/retention';
import { CliError, printLine } from './output';

const KB = 1024;
const MB = 1024 * KB;

/** A size in MB, or in KB below one MB, so that a small cache's change still shows. */
const size = (bytes: number) =>
  bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${(bytes / KB).toFixed(1)} KB`;

function positive(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new CliError(`${option} must be a positive number`, 2);
  return value;
}

function policyOf(values: {
  config?: string;
  'max-age-days'?: string;
  'max-size-mb'?: string;
}): RetentionPolicy {
  const configured: RetentionPolicy = values.config ? loadConfigFile(values.config).retention : {};
  const maxAgeDays = positive(values['max-age-days'], '--max-age-days') ?? configured.maxAgeDays;
  const maxSizeMB = positive(values['max-size-mb'], '--max-size-mb') ?? configured.maxSizeMB;
  return {
    ...(maxAgeDays === undefined ? {} : { maxAgeDays }),
    ...(maxSizeMB === undefined ? {} : { maxSizeMB }),
  };
}

function describePolicy(policy: RetentionPolicy): string {
  const limits = [
    policy.maxAgeDays === undefined ? undefined : `${policy.maxAgeDays} days`,
    policy.maxSizeMB === undefined ? undefined : `${policy.maxSizeMB} MB`,
  ].filter(Boolean);
  return limits.length === 0 ? 'no limit set, every alert kept' : `limits ${limits.join(', ')}`;
}

function retentionLine(policy: RetentionPolicy, run: RetentionRun | undefined): string {
  if (run) return `retention: ${describeRetentionRun(run)}`;
  return `retention: nothing removed (${describePolicy(policy)})`;
}

/** Runs the compact command. */
export async function compactCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      cache: { type: 'string' },
      config: { type: 'string' },
      'max-age-days': { type: 'string' },
      'max-size-mb': { type: 'string' },
    },
  });
  if (!values.cache) throw new CliError('compact needs --cache DB', 2);
  if (!existsSync(values.cache)) throw new CliError(`no such cache: ${values.cache}`);
  const policy = policyOf(values);
  const cache = AlertCache.open(values.cache);
  try {
    const before = cache.facts();
    printLine(`cache ${values.cache}: ${size(before.sizeBytes)}, ${before.alerts} alerts`);
    const run = await cache.applyRetention(policy, { now: Date.now() });
    printLine(retentionLine(policy, run));
    const compaction = cache.compact();
    const after = cache.facts();
    printLine(
      `compacted: ${size(before.sizeBytes)} -> ${size(after.sizeBytes)} ` +
        `(${size(compaction.freedBytes)} given back), ${after.alerts} alerts kept`,
    );
  } finally {
    cache.close();
  }
}
