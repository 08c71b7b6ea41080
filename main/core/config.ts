/**
 * The application configuration: where the cache is, which feeds to run,
 * the asset inventory, serve mode and updates. Read from a JSON or YAML file and
 * validated with errors that name the file, the feed and the key.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { NOTIFY_LEVELS } from '../../shared/notable';
import { TLP_LEVELS } from '../../shared/vocab';
import { FORMATS } from '../parsers/types';
import { KEY_PARTS, type CorrelationOptions } from '../correlate/correlation-key';

/** A feed id: what configuration files and `lagebild import --feed` accept. */
export const FeedIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, dot, dash or underscore');

const FeedBaseSchema = z.object({
  id: FeedIdSchema,
  /** Forced format; detected per file when absent. */
  format: z.enum(FORMATS).optional(),
  /** TLP for records that carry no marking of their own. */
  tlp: z.enum(TLP_LEVELS).default('amber'),
  enabled: z.boolean().default(true),
});

/** Imports files and directories once (and again at each start, adding nothing twice). */
const FileImportFeedSchema = FeedBaseSchema.extend({
  type: z.literal('file-import'),
  paths: z.array(z.string().min(1)).min(1),
}).strict();

/** Follows one file as it grows, through rotation and truncation. */
const FileTailFeedSchema = FeedBaseSchema.extend({
  type: z.literal('file-tail'),
  path: z.string().min(1),
  /** How often the file is checked for growth, in ms. */
  pollMs: z.number().int().min(20).max(60_000).default(200),
}).strict();

export const FeedConfigSchema = z.discriminatedUnion('type', [
  FileImportFeedSchema,
  FileTailFeedSchema,
]);
export type FeedConfig = z.infer<typeof FeedConfigSchema>;

/** serve mode: where it listens and who may connect. */
const ServeConfigSchema = z
  .object({
    host: z.string().default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(4173),
    /** Name of the environment variable holding the access token; the token itself is never written here. */
    tokenEnv: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/)
      .optional(),
    /** Host names wall screens reach serve mode by, besides addresses and localhost. */
    allowedHosts: z.array(z.string().regex(/^[A-Za-z0-9.-]{1,253}$/)).default([]),
  })
  .strict();

/** How alerts are grouped into incidents (all sightings of one STIX indicator always are one). */
const CorrelationConfigSchema = z
  .object({
    /** What alerts of one incident share. */
    keys: z
      .array(z.enum(KEY_PARTS))
      .min(1)
      .default([...KEY_PARTS]),
    /** The longest quiet time inside one incident. */
    gapMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(30),
  })
  .strict();

export const AppConfigSchema = z
  .object({
    cache: z.string().optional(),
    inventory: z.string().optional(),
    feeds: z.array(FeedConfigSchema).default([]),
    serve: ServeConfigSchema.default({ host: '127.0.0.1', port: 4173, allowedHosts: [] }),
    updates: z.object({ url: z.url() }).strict().optional(),
    correlation: CorrelationConfigSchema.optional(),
    /** Which new incidents are announced: from this severity up, or "off". */
    notifications: z
      .object({ minSeverity: z.enum(NOTIFY_LEVELS).default('critical') })
      .strict()
      .default({ minSeverity: 'critical' }),
  })
  .strict();
export type AppConfig = z.infer<typeof AppConfigSchema>;
export type ServeConfig = AppConfig['serve'];

/** The correlation options a configuration asks for; the defaults without one. */
export function correlationOptions(config: AppConfig | undefined): CorrelationOptions | undefined {
  const correlation = config?.correlation;
  return correlation && { keys: correlation.keys, gapMs: correlation.gapMinutes * 60_000 };
}

/** A configuration file that could not be used, with a message naming where. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses a configuration object; relative paths are taken from `baseDir`. */
export function parseConfig(value: unknown, origin: string, baseDir: string): AppConfig {
  const result = AppConfigSchema.safeParse(value);
  if (!result.success) throw new ConfigError(describeIssues(result.error, value, origin));
  const ids = new Set<string>();
  for (const feed of result.data.feeds) {
    if (ids.has(feed.id)) throw new ConfigError(`${origin}: feed "${feed.id}" is defined twice`);
    ids.add(feed.id);
  }
  return resolvePaths(result.data, baseDir);
}

/** Reads and validates a configuration file: YAML when it is named .yaml or .yml, else JSON. */
export function loadConfigFile(path: string): AppConfig {
  let value: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    // YAML 1.2 core schema: no custom tags, so a configuration cannot make the parser build objects.
    value = /\.ya?ml$/i.test(path) ? parseYaml(text, { schema: 'core' }) : JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path}: cannot read configuration: ${(error as Error).message}`);
  }
  return parseConfig(value, path, dirname(resolve(path)));
}

function describeIssues(error: z.ZodError, value: unknown, origin: string): string {
  const lines = error.issues.map((issue) => {
    const [first, index, ...rest] = issue.path;
    if (first === 'feeds' && typeof index === 'number') {
      const feeds = (value as { feeds?: { id?: unknown }[] }).feeds;
      const id = feeds?.[index]?.id;
      const name = typeof id === 'string' ? `feed "${id}"` : `feed #${index + 1}`;
      return `${origin}: ${name}: ${rest.join('.') || '(feed)'}: ${issue.message}`;
    }
    return `${origin}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`;
  });
  return lines.join('\n');
}

function resolvePaths(config: AppConfig, baseDir: string): AppConfig {
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(baseDir, p));
  return {
    ...config,
    cache: config.cache === undefined ? undefined : abs(config.cache),
    inventory: config.inventory === undefined ? undefined : abs(config.inventory),
    feeds: config.feeds.map((feed) =>
      feed.type === 'file-import'
        ? { ...feed, paths: feed.paths.map(abs) }
        : { ...feed, path: abs(feed.path) },
    ),
  };
}
