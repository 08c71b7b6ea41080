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
import { WallNameSchema, WallProfileSchema } from '../../shared/wall';
import { TLP_LEVELS } from '../../shared/vocab';
import { parserFor } from '../parsers/detect';
import { SYSLOG_FORMATS } from '../parsers/syslog';
import { FORMATS } from '../parsers/types';
import { KEY_PARTS, type CorrelationOptions } from '../correlate/correlation-key';
import { assertNever } from './assert-never';
import { EnvVarNameSchema, HttpAuthSchema, HttpUrlSchema } from './config-secrets';
import { RetentionConfigSchema } from './retention-config';
import { SharingConfigSchema } from './sharing-config';

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
  /**
   * The longest silence that is normal for this feed, in seconds; past it the
   * feed is shown as stale (wall screens raise a banner naming it). Unset: never.
   */
  expectedIntervalSeconds: z
    .number()
    .int()
    .min(1)
    .max(30 * 24 * 3600)
    .optional(),
});

/** Imports files and directories once (and again at each start, adding nothing twice). */
const FileImportFeedSchema = FeedBaseSchema.extend({
  type: z.literal('file-import'),
  paths: z.array(z.string().min(1)).min(1),
  /**
   * These files come from a source the operator trusts: a Lagebild STIX
   * export's alert ids are kept. Off, any bundle could claim (and so
   * suppress) another source's alert id.
   */
  trustLagebildIds: z.boolean().default(false),
}).strict();

/** Follows one file as it grows, through rotation and truncation. */
const FileTailFeedSchema = FeedBaseSchema.extend({
  type: z.literal('file-tail'),
  path: z.string().min(1),
  /** How often the file is checked for growth, in ms. */
  pollMs: z.number().int().min(20).max(60_000).default(200),
})
  .strict()
  // A document format (a STIX bundle, a KEV catalog) is complete only at its end: never tailed.
  .refine((feed) => feed.format === undefined || parserFor(feed.format).framing === 'lines', {
    path: ['format'],
    message: 'a file-tail reads a line format; read documents with a file-import feed',
  });

/** Where a TLS listener finds its certificate and key (PEM files), and whom it trusts. */
const ListenerTlsSchema = z
  .object({
    cert: z.string().min(1),
    key: z.string().min(1),
    /** CA certificates (PEM); when set, only senders with a certificate it signed may connect. */
    ca: z.string().min(1).optional(),
  })
  .strict();

/** Listens for syslog messages that carry CEF or LEEF, over UDP, TCP or TLS. */
const SyslogFeedSchema = FeedBaseSchema.extend({
  type: z.literal('syslog'),
  /** 'syslog' reads CEF and LEEF alike; 'cef' or 'leef' quarantines the other. */
  format: z.enum(SYSLOG_FORMATS).default('syslog'),
  transport: z.enum(['udp', 'tcp', 'tls']).default('udp'),
  host: z.string().min(1).default('127.0.0.1'),
  /** Absent: 5514 for UDP and TCP, 6514 (RFC 5425's port) for TLS. */
  port: z.number().int().min(0).max(65535).optional(),
  tls: ListenerTlsSchema.optional(),
  /** Longer messages are quarantined (cut) rather than parsed. */
  maxMessageBytes: z
    .number()
    .int()
    .min(480)
    .max(1 << 20)
    .default(64 * 1024),
  /** The UDP socket's receive buffer, which absorbs bursts while a batch is stored. */
  recvBufferBytes: z
    .number()
    .int()
    .min(64 * 1024)
    .max(256 << 20)
    .default(4 << 20),
})
  .strict()
  .superRefine((feed, context) => {
    if (feed.transport === 'tls' && !feed.tls) {
      context.addIssue({ code: 'custom', path: ['tls'], message: 'needed when transport is tls' });
    }
  });

/** A NATS stream or consumer name. */
const NatsNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,255}$/, 'letters, digits, dash or underscore');

/** Credentials for a NATS server, by the environment variables that hold them. */
const NatsCredentialsSchema = z
  .object({
    tokenEnv: EnvVarNameSchema.optional(),
    /** The user name is no secret; its password is. */
    user: z.string().min(1).optional(),
    passwordEnv: EnvVarNameSchema.optional(),
  })
  .strict()
  .superRefine((credentials, context) => {
    const token = credentials.tokenEnv !== undefined;
    const password = credentials.user !== undefined || credentials.passwordEnv !== undefined;
    if (token === password) {
      context.addIssue({
        code: 'custom',
        message: 'give either tokenEnv, or user and passwordEnv',
      });
    } else if (password && (!credentials.user || !credentials.passwordEnv)) {
      const missing = credentials.user ? 'passwordEnv' : 'user';
      context.addIssue({ code: 'custom', path: [missing], message: 'needed with a password' });
    }
  });

/** Consumes a NATS JetStream stream through a durable pull consumer; each message is one record. */
const NatsFeedSchema = FeedBaseSchema.extend({
  type: z.literal('nats'),
  format: z.enum(FORMATS).default('eve'),
  servers: z
    .array(
      z
        .url({ protocol: /^nats$/, error: 'a nats://host:port URL' })
        .refine((url) => !/^nats:\/\/[^/?#]*@/i.test(url), {
          message: 'no credentials in the URL: use "credentials" with environment variables',
        }),
    )
    .min(1),
  stream: NatsNameSchema,
  /** The subjects read from the stream (wildcards * and > allowed). */
  subject: z.string().regex(/^[^\s.]+(\.[^\s.]+)*$/, 'tokens separated by dots, no spaces'),
  /** The durable consumer: its name keeps this instance's place in the stream. */
  durable: NatsNameSchema,
  credentials: NatsCredentialsSchema.optional(),
  /** Messages committed (and then acknowledged) together at most. */
  batchSize: z.number().int().min(1).max(10_000).default(500),
}).strict();

/** CA certificates (PEM) an HTTP client feed trusts instead of the system's. */
const ClientTlsSchema = z.object({ ca: z.string().min(1) }).strict();

/** Seconds between two polls of a server. */
const PollSecondsSchema = z
  .number()
  .int()
  .min(1)
  .max(24 * 3600)
  .default(300);

/** Polls the collections of a TAXII 2.1 server for objects added since the last poll. */
const TaxiiFeedSchema = FeedBaseSchema.extend({
  type: z.literal('taxii21'),
  format: z.literal('stix21').optional(),
  /** The discovery endpoint, e.g. https://taxii.example.org/taxii2/. */
  url: HttpUrlSchema,
  /** The API root (absolute, or relative to `url`); the server's default when absent. */
  apiRoot: z.string().min(1).optional(),
  /** Collection ids or titles; every readable collection of the API root when absent. */
  collections: z.array(z.string().min(1)).min(1).optional(),
  auth: HttpAuthSchema.optional(),
  tls: ClientTlsSchema.optional(),
  pollSeconds: PollSecondsSchema,
  /** Objects asked for per page (the server may send fewer). */
  pageSize: z.number().int().min(1).max(10_000).default(1000),
}).strict();

/** Reads MISP events: a MISP feed over HTTP or from a folder, or a MISP server's REST API. */
const MispFeedSchema = FeedBaseSchema.extend({
  type: z.literal('misp'),
  format: z.literal('misp').optional(),
  /** A MISP feed's base URL: manifest.json and one <uuid>.json per event under it. */
  feedUrl: HttpUrlSchema.optional(),
  /** A folder holding a MISP feed. */
  feedDir: z.string().min(1).optional(),
  /** A MISP server, read through POST /events/restSearch. */
  apiUrl: HttpUrlSchema.optional(),
  /** The environment variable holding the API's auth key (with apiUrl). */
  authKeyEnv: EnvVarNameSchema.optional(),
  tls: ClientTlsSchema.optional(),
  pollSeconds: PollSecondsSchema,
  /** Events asked for per restSearch page. */
  pageSize: z.number().int().min(1).max(1000).default(100),
})
  .strict()
  .superRefine((feed, context) => {
    const sources = [feed.feedUrl, feed.feedDir, feed.apiUrl].filter((s) => s !== undefined);
    if (sources.length !== 1) {
      context.addIssue({ code: 'custom', message: 'give one of feedUrl, feedDir or apiUrl' });
    } else if (feed.apiUrl !== undefined && feed.authKeyEnv === undefined) {
      context.addIssue({ code: 'custom', path: ['authKeyEnv'], message: 'needed with apiUrl' });
    }
  });

export const FeedConfigSchema = z.discriminatedUnion('type', [
  FileImportFeedSchema,
  FileTailFeedSchema,
  SyslogFeedSchema,
  NatsFeedSchema,
  TaxiiFeedSchema,
  MispFeedSchema,
]);
export type FeedConfig = z.infer<typeof FeedConfigSchema>;

/** serve mode: where it listens and who may connect. */
const ServeConfigSchema = z
  .object({
    host: z.string().default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(4173),
    /** Name of the environment variable holding the access token; the token itself is never written here. */
    tokenEnv: EnvVarNameSchema.optional(),
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
    retention: RetentionConfigSchema.default({ intervalMinutes: 60 }),
    /** Which new incidents are announced: from this severity up, or "off". */
    notifications: z
      .object({ minSeverity: z.enum(NOTIFY_LEVELS).default('critical') })
      .strict()
      .default({ minSeverity: 'critical' }),
    /** Wall screen profiles by name, as `/wall?profile=NAME` and `--wall NAME` ask for them. */
    walls: z.record(WallNameSchema, WallProfileSchema).default({}),
    sharing: SharingConfigSchema.default({ taxii: [] }),
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
    feeds: config.feeds.map((feed) => resolveFeedPaths(feed, abs)),
  };
}

function resolveFeedPaths(feed: FeedConfig, abs: (path: string) => string): FeedConfig {
  switch (feed.type) {
    case 'file-import':
      return { ...feed, paths: feed.paths.map(abs) };
    case 'file-tail':
      return { ...feed, path: abs(feed.path) };
    case 'syslog': {
      const tls = feed.tls && {
        cert: abs(feed.tls.cert),
        key: abs(feed.tls.key),
        ...(feed.tls.ca === undefined ? {} : { ca: abs(feed.tls.ca) }),
      };
      return tls ? { ...feed, tls } : feed;
    }
    case 'nats':
      return feed;
    case 'taxii21':
      return feed.tls ? { ...feed, tls: { ca: abs(feed.tls.ca) } } : feed;
    case 'misp':
      return {
        ...feed,
        ...(feed.feedDir === undefined ? {} : { feedDir: abs(feed.feedDir) }),
        ...(feed.tls ? { tls: { ca: abs(feed.tls.ca) } } : {}),
      };
    default:
      return assertNever(feed, 'feed type');
  }
}
