/**
 * The one typed contract between the main process and any renderer. Both
 * transports (Electron IPC and serve mode's WebSocket) carry exactly these
 * methods and events, and the main side validates every argument with the
 * schemas below before acting on it.
 */
import { z } from 'zod';
import { CacheInfoSchema, CacheStateSchema } from './cache';
import {
  EXPORT_FORMATS,
  ExportFileSchema,
  ExportSelectionSchema,
  PublishResultSchema,
} from './export';
import { IncidentFilterSchema } from './incident-filter';
import { AlertDetailSchema, AlertSchema, IncidentEventSchema, IncidentSchema } from './model';
import { MAX_INSTANT_MS } from './instant';
import { NOTIFY_LEVELS } from './notable';
import { WallSchema } from './wall';
import { INCIDENT_STATUSES, SECTORS, SEVERITIES } from './vocab';

/** Counts keyed by a label (country code, sector, feed id, ...). */
const CountsSchema = z.record(z.string(), z.number().int().nonnegative());

/** Totals and breakdowns of the cache, as `lagebild stats --json` prints them. */
export const StatsSchema = z.object({
  alerts: z.number().int().nonnegative(),
  quarantined: z.number().int().nonnegative(),
  byKind: CountsSchema,
  bySeverity: CountsSchema,
  /** Alerts per source country (ISO alpha-2); "unknown" where none is known. */
  byCountry: CountsSchema,
  /** Alerts per destination country (ISO alpha-2); "unknown" where none is known. */
  byTargetCountry: CountsSchema,
  /** Alerts per sector; an alert with several sectors counts once in each. */
  bySector: CountsSchema,
  byTlp: CountsSchema,
  byFeed: CountsSchema,
  incidents: z.number().int().nonnegative(),
  /** Incidents per status. */
  byStatus: CountsSchema,
});
export type Stats = z.infer<typeof StatsSchema>;

/** One aggregated line on the map, from a source location to a target. */
export const ArcSchema = z.object({
  from: z.tuple([z.number(), z.number()]),
  to: z.tuple([z.number(), z.number()]),
  count: z.number().int().positive(),
  severity: z.enum(SEVERITIES),
  lastSeen: z.number().int(),
  /** Country of the source and of the target end (ISO alpha-2), where known. */
  fromCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  toCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});
export type Arc = z.infer<typeof ArcSchema>;

export const FEED_STATES = ['connected', 'connecting', 'down', 'idle'] as const;
export type FeedState = (typeof FEED_STATES)[number];

/** What the picture says about one feed's health. */
export const FeedHealthSchema = z.object({
  id: z.string(),
  type: z.string(),
  state: z.enum(FEED_STATES),
  lastEventAt: z.number().int().optional(),
  eventsPerSec: z.number().nonnegative(),
  alerts: z.number().int().nonnegative(),
  quarantined: z.number().int().nonnegative(),
  errorCount: z.number().int().nonnegative(),
  lastError: z.string().optional(),
  /** How far behind its arrival the newest alert of the last batch was observed, in ms. */
  lagMs: z.number().int().nonnegative().optional(),
  /** How long a feed this process runs has delivered nothing, in ms. */
  silentForMs: z.number().int().nonnegative().optional(),
  /** Silent for longer than its configured expected interval. */
  stale: z.boolean(),
});
export type FeedHealth = z.infer<typeof FeedHealthSchema>;

/** Aggregates for the whole picture, computed in main. */
export const PictureSchema = z.object({
  generatedAt: z.number().int(),
  stats: StatsSchema,
  arcs: z.array(ArcSchema),
  feeds: z.array(FeedHealthSchema),
  /** Alerts above this client's TLP ceiling, left out of everything it is sent; 0 for analysts. */
  withheld: z.number().int().nonnegative(),
  /** The observed-time window this picture covers; absent for the live picture of the whole cache. */
  range: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
  /** Whether the cache can take new alerts, and why not. */
  cache: CacheStateSchema,
});
export type Picture = z.infer<typeof PictureSchema>;

/** A change of the picture: new alerts since the last delta and fresh aggregates. */
export const PictureDeltaSchema = z.object({
  added: z.array(AlertSchema),
  picture: PictureSchema,
});
export type PictureDelta = z.infer<typeof PictureDeltaSchema>;

/** A record that could not be turned into alerts, kept with the reason. */
export const QuarantineEntrySchema = z.object({
  id: z.number().int(),
  feed: z.string(),
  position: z.string(),
  reason: z.string(),
  receivedAt: z.number().int(),
  /** The raw bytes as text (invalid UTF-8 replaced), possibly truncated. */
  raw: z.string(),
  rawBytes: z.number().int().nonnegative(),
});
export type QuarantineEntry = z.infer<typeof QuarantineEntrySchema>;

/** An observed-time window, ms since the epoch, `from` <= `to`. */
const InstantSchema = z.number().int().min(-MAX_INSTANT_MS).max(MAX_INSTANT_MS);
const RangeParams = {
  from: InstantSchema.optional(),
  to: InstantSchema.optional(),
};

/** Refuses a window that ends before it starts. */
const ordered = (range: { from?: number; to?: number }) =>
  range.from === undefined || range.to === undefined || range.from <= range.to;
const ORDERED = { message: 'from must not be after to' };

/** Who the renderer is talking to. */
export const InfoSchema = z.object({
  version: z.string(),
  readOnly: z.boolean(),
  profile: z.string().optional(),
  /** New incidents from this severity up are announced; "off" for none. */
  notifyFrom: z.enum(NOTIFY_LEVELS),
});
export type Info = z.infer<typeof InfoSchema>;

const IncidentIdSchema = z.string().min(8).max(64);

/** An incident with what analysts did to it, oldest first. */
export const IncidentDetailSchema = z.object({
  incident: IncidentSchema,
  events: z.array(IncidentEventSchema),
});
export type IncidentDetail = z.infer<typeof IncidentDetailSchema>;

/** One sector at a glance: its alerts in a window, by severity and over time. */
export const SectorSummarySchema = z.object({
  sector: z.enum([...SECTORS, 'unknown']),
  total: z.number().int().nonnegative(),
  bySeverity: CountsSchema,
  /** Alerts per equal slice of the window, oldest first. */
  sparkline: z.array(z.number().int().nonnegative()),
});
export type SectorSummary = z.infer<typeof SectorSummarySchema>;

/** Every sector of the vocabulary and "unknown", for [from, to]. */
export const SectorsSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  sectors: z.array(SectorSummarySchema),
});
export type Sectors = z.infer<typeof SectorsSchema>;

const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;

/**
 * Every method: its parameter and result schemas, whether it changes state
 * (refused to read-only clients), and whether wall screens may call it
 * (they read the picture, never a raw record or an incident's detail).
 */
export const API_METHODS = {
  getInfo: { params: z.object({}).strict(), result: InfoSchema, mutates: false, forWalls: true },
  /**
   * The live picture, or the picture of alerts observed in [from, to] when
   * either is given (from defaults to the oldest alert, to to now).
   */
  getPicture: {
    params: z.object(RangeParams).strict().refine(ordered, ORDERED),
    result: PictureSchema,
    mutates: false,
    forWalls: true,
  },
  /** The newest alerts by arrival, or the newest observed in [from, to] when either is given. */
  listRecentAlerts: {
    params: z
      .object({ limit: z.number().int().min(1).max(1000), ...RangeParams })
      .strict()
      .refine(ordered, ORDERED),
    result: z.array(AlertSchema),
    mutates: false,
    forWalls: true,
  },
  getAlert: {
    params: z.object({ id: z.string().min(1).max(64) }).strict(),
    result: AlertDetailSchema.nullable(),
    mutates: false,
  },
  listQuarantine: {
    params: z.object({ limit: z.number().int().min(1).max(1000) }).strict(),
    result: z.array(QuarantineEntrySchema),
    mutates: false,
  },
  listIncidents: {
    params: IncidentFilterSchema,
    result: z.array(IncidentSchema),
    mutates: false,
    forWalls: true,
  },
  getIncident: {
    params: z.object({ id: IncidentIdSchema }).strict(),
    result: IncidentDetailSchema.nullable(),
    mutates: false,
  },
  /** An incident's alerts in observed order, optionally within [from, to]. */
  listIncidentAlerts: {
    params: z
      .object({
        id: IncidentIdSchema,
        from: z.number().int().optional(),
        to: z.number().int().optional(),
        limit: z.number().int().min(1).max(10_000),
      })
      .strict(),
    result: z.array(AlertSchema),
    mutates: false,
  },
  /** Sets status and/or assignee ("" clears it); each change goes on the timeline. */
  updateIncident: {
    params: z
      .object({
        id: IncidentIdSchema,
        status: z.enum(INCIDENT_STATUSES).optional(),
        assignee: z.string().max(100).optional(),
      })
      .strict(),
    result: IncidentDetailSchema.nullable(),
    mutates: true,
  },
  addIncidentNote: {
    params: z.object({ id: IncidentIdSchema, text: z.string().trim().min(1).max(20_000) }).strict(),
    result: IncidentDetailSchema.nullable(),
    mutates: true,
  },
  /** The sector view: every sector's alerts in the window ending now, or in [from, to]. */
  getSectors: {
    params: z
      .object({
        from: z.number().int().optional(),
        to: z.number().int().optional(),
        /** The window ending at `to` (default now), when `from` is not given; 0 for all time. */
        windowMinutes: z
          .number()
          .int()
          .min(0)
          .max(366 * 24 * 60)
          .optional(),
        buckets: z.number().int().min(1).max(120),
      })
      .strict(),
    result: SectorsSchema,
    mutates: false,
    forWalls: true,
  },
  /** Alerts observed in (after, until], oldest first: what a replay adds from one step to the next. */
  listAlertsBetween: {
    params: z
      .object({
        after: InstantSchema,
        until: InstantSchema,
        limit: z.number().int().min(1).max(5000),
      })
      .strict(),
    result: z.array(AlertSchema),
    mutates: false,
    forWalls: true,
  },
  /** The cache file, its retention limits and state: the settings view. */
  getCacheInfo: {
    params: z.object({}).strict(),
    result: CacheInfoSchema,
    mutates: false,
  },
  /** Runs retention now and then compacts the file (VACUUM), giving free pages back to the disk. */
  compactCache: {
    params: z.object({}).strict(),
    result: CacheInfoSchema,
    mutates: true,
  },
  /** Incidents and their alerts as a STIX 2.1 bundle, a MISP event or CSV, never above `tlp`. */
  exportSelection: {
    params: z.object({ format: z.enum(EXPORT_FORMATS), selection: ExportSelectionSchema }).strict(),
    result: ExportFileSchema,
    mutates: false,
  },
  /** The names of the TAXII collections configured for sharing (no URLs or secrets). */
  listShareDestinations: {
    params: z.object({}).strict(),
    result: z.array(z.object({ name: z.string(), title: z.string().optional() })),
    mutates: false,
  },
  /** Publishes the selection as a STIX bundle to a configured TAXII 2.1 collection. */
  publishSelection: {
    params: z
      .object({ destination: z.string().min(1).max(64), selection: ExportSelectionSchema })
      .strict(),
    result: PublishResultSchema,
    mutates: true,
  },
  /** The wall profile of this client (from serve's ?profile=), or null for an analyst. */
  getWall: {
    params: z.object({}).strict(),
    result: WallSchema.nullable(),
    mutates: false,
    forWalls: true,
  },
  /** The renderer forwards its log lines to the main process's log file. */
  log: {
    params: z
      .object({
        level: z.enum(LOG_LEVELS),
        scope: z.string().max(50),
        message: z.string().max(2000),
      })
      .strict(),
    result: z.null(),
    mutates: false,
    forWalls: true,
  },
} as const;

export type ApiMethods = typeof API_METHODS;
export type MethodName = keyof ApiMethods;
export type ParamsOf<M extends MethodName> = z.infer<ApiMethods[M]['params']>;
export type ResultOf<M extends MethodName> = z.infer<ApiMethods[M]['result']>;

/** Events pushed from main to the renderer. */
export const API_EVENTS = {
  delta: PictureDeltaSchema,
} as const;
export type EventName = keyof typeof API_EVENTS;
export type EventOf<E extends EventName> = z.infer<(typeof API_EVENTS)[E]>;

/** Errors cross the boundary as values, never as thrown exceptions. */
export type ApiError = {
  code: 'invalid' | 'forbidden' | 'not-found' | 'internal';
  message: string;
};
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What a renderer holds: one call function and one event subscription. */
export interface LagebildApi {
  call<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ApiResult<ResultOf<M>>>;
  on<E extends EventName>(event: E, handler: (data: EventOf<E>) => void): () => void;
}

/** True when the text names a method of the contract. */
export function isMethodName(text: unknown): text is MethodName {
  return typeof text === 'string' && Object.prototype.hasOwnProperty.call(API_METHODS, text);
}

/** Largest message either transport accepts, in bytes. */
export const MAX_MESSAGE_BYTES = 64 * 1024;
