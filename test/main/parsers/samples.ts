/**
 * The shared sample files (read-only, beside the checkout) and the schemas
 * a parser's output must satisfy, for the parser tests.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AlertSchema } from '../../../shared/model';
import { TLP_LEVELS } from '../../../shared/vocab';
import type { ParseResult, ParsedAlert } from '../../../main/parsers/types';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Where the samples are: $LAGEBILD_SAMPLES, else shared/samples beside the checkout. */
export const SAMPLES_DIR =
  process.env.LAGEBILD_SAMPLES ?? join(repoRoot, '..', 'shared', 'samples');

/** A sample file's text, by path relative to SAMPLES_DIR. */
export function readSample(path: string): string {
  return readFileSync(join(SAMPLES_DIR, path), 'utf8');
}

/** A sample file's JSON, by path relative to SAMPLES_DIR. */
export function readSampleJson(path: string): unknown {
  return JSON.parse(readSample(path));
}

/** Paths relative to SAMPLES_DIR of every file below `dir` (default: all samples). */
export function sampleFiles(dir = ''): string[] {
  return readdirSync(join(SAMPLES_DIR, dir))
    .sort()
    .flatMap((name) => {
      const path = dir ? `${dir}/${name}` : name;
      return statSync(join(SAMPLES_DIR, path)).isDirectory() ? sampleFiles(path) : [path];
    });
}

/** An alert as parsers produce it: the model's alert before the pipeline stamps it, plus raw. */
export const ParsedAlertSchema = AlertSchema.omit({
  feed: true,
  receivedAt: true,
  incidentId: true,
  tlp: true,
})
  .extend({
    tlp: z.enum(TLP_LEVELS).optional(),
    partlyUnmarked: z.literal(true).optional(),
    raw: z.string(),
  })
  .strict();

/** A well-formed ParseResult, with no property the contract does not name. */
export const ParseResultSchema = z.union([
  z.strictObject({
    ok: z.literal(true),
    alerts: z.array(ParsedAlertSchema),
    ignored: z.record(z.string(), z.number().int().positive()).optional(),
    rejected: z
      .array(
        z.strictObject({ position: z.string().min(1), reason: z.string().min(1), raw: z.string() }),
      )
      .optional(),
  }),
  z.strictObject({ ok: z.literal(false), reason: z.string().min(1).max(300) }),
]);

/** The result's alerts; fails the test when parsing failed. */
export function alertsOf(result: ParseResult): ParsedAlert[] {
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  return result.alerts;
}
