/**
 * The cache file as the settings view and the banners see it: whether it
 * takes writes, its size and limits, and what retention last removed.
 */
import { z } from 'zod';

export const CACHE_STATES = ['ok', 'read-only', 'full', 'error'] as const;
export type CacheStateName = (typeof CACHE_STATES)[number];

/**
 * Whether the cache takes writes: 'full' when the disk (or the size limit)
 * refused the last commit, 'error' for any other failed commit; ingest
 * resumes by itself when a later commit succeeds.
 */
export const CacheStateSchema = z.object({
  state: z.enum(CACHE_STATES),
  message: z.string().max(500).optional(),
  /** When the state last changed, ms since the epoch. */
  since: z.number().int().optional(),
});
export type CacheState = z.infer<typeof CacheStateSchema>;

/** What retention removed in one run, shown in the settings and logged. */
export const RetentionRunSchema = z.object({
  at: z.number().int(),
  /** Why it ran: the age limit, the size limit, or both. */
  reason: z.enum(['age', 'size', 'age+size']),
  removedAlerts: z.number().int().nonnegative(),
  removedIncidents: z.number().int().nonnegative(),
  removedQuarantined: z.number().int().nonnegative(),
  /** Alerts observed before this time are gone. */
  cutoff: z.number().int(),
});
export type RetentionRun = z.infer<typeof RetentionRunSchema>;

/** The cache file, its limits and what retention last did: the settings view. */
export const CacheInfoSchema = z.object({
  file: z.string(),
  readOnly: z.boolean(),
  sizeBytes: z.number().int().nonnegative(),
  /** Bytes that compaction would give back (free pages). */
  reclaimableBytes: z.number().int().nonnegative(),
  alerts: z.number().int().nonnegative(),
  incidents: z.number().int().nonnegative(),
  oldestObservedAt: z.number().int().optional(),
  newestObservedAt: z.number().int().optional(),
  retention: z.object({
    maxAgeDays: z.number().positive().optional(),
    maxSizeMB: z.number().positive().optional(),
  }),
  lastRetention: RetentionRunSchema.optional(),
  lastCompaction: z.object({ at: z.number().int(), freedBytes: z.number().int() }).optional(),
  state: CacheStateSchema,
});
export type CacheInfo = z.infer<typeof CacheInfoSchema>;
