/**
 * Wall screens: what a profile shows (a playlist of views, each for its
 * time), its clocks, and what it may show at all (a TLP ceiling, and
 * whether source addresses are shortened for audiences outside the SOC).
 * Validated in main from the configuration and again at the renderer.
 */
import { z } from 'zod';
import { DEFAULT_SECTOR_WINDOW_MINUTES } from './sector-window';
import { TLP_LEVELS } from './vocab';

/** The views a wall rotates through. */
export const WALL_VIEWS = ['map', 'region', 'sectors', 'incidents', 'feeds'] as const;
export type WallView = (typeof WALL_VIEWS)[number];

/** Map regions a `region` view can show, as [[west, south], [east, north]]. */
export const REGIONS = {
  europe: [
    [-25, 34],
    [45, 72],
  ],
  'north-america': [
    [-170, 10],
    [-50, 75],
  ],
  'south-america': [
    [-92, -56],
    [-30, 15],
  ],
  africa: [
    [-20, -36],
    [55, 38],
  ],
  'middle-east': [
    [25, 12],
    [65, 43],
  ],
  asia: [
    [60, -12],
    [150, 60],
  ],
  oceania: [
    [105, -50],
    [180, 5],
  ],
} as const satisfies Record<string, [[number, number], [number, number]]>;
export type Region = keyof typeof REGIONS;
const REGION_NAMES = Object.keys(REGIONS) as [Region, ...Region[]];

export const PlaylistItemSchema = z
  .object({
    view: z.enum(WALL_VIEWS),
    /** How long the view stays, in seconds. */
    seconds: z.number().int().min(2).max(3600),
    /** The region of a `region` view. */
    region: z.enum(REGION_NAMES).optional(),
  })
  .strict()
  .refine((item) => item.view !== 'region' || item.region !== undefined, {
    message: 'a region view names its region',
  });
export type PlaylistItem = z.infer<typeof PlaylistItemSchema>;

/** True when the runtime knows the IANA time zone. */
function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const ClockSchema = z
  .object({
    label: z.string().min(1).max(40),
    timeZone: z.string().max(60).refine(knownTimeZone, 'not a known IANA time zone'),
  })
  .strict();
export type Clock = z.infer<typeof ClockSchema>;

/** An instant as ISO 8601 with its offset, e.g. 2026-03-01T08:00:00Z. */
const IsoInstantSchema = z.iso.datetime({ offset: true });

/** The fastest a replay runs: 1000 replayed seconds per real second. */
export const MAX_REPLAY_SPEED = 1000;

/** A wall that plays back a past window of the cache instead of the live picture. */
export const WallReplaySchema = z
  .object({
    from: IsoInstantSchema,
    to: IsoInstantSchema,
    /** Replayed time per real time: 60 plays an hour in a minute. */
    speed: z.number().int().min(1).max(MAX_REPLAY_SPEED).default(60),
    /** Starts over at `from` once `to` is reached; otherwise stays on the end. */
    loop: z.boolean().default(true),
  })
  .strict()
  .refine((replay) => Date.parse(replay.from) < Date.parse(replay.to), {
    message: 'from must be before to',
    path: ['to'],
  });
export type WallReplay = z.infer<typeof WallReplaySchema>;

export const WallProfileSchema = z
  .object({
    /** Nothing above this TLP leaves the main process for this wall. */
    tlpCeiling: z.enum(TLP_LEVELS).default('green'),
    /** Source addresses shortened to their /24 or /48, for public screens. */
    anonymise: z.boolean().default(false),
    playlist: z
      .array(PlaylistItemSchema)
      .min(1)
      .max(50)
      .default([
        { view: 'map', seconds: 30 },
        { view: 'sectors', seconds: 20 },
        { view: 'incidents', seconds: 20 },
        { view: 'feeds', seconds: 10 },
      ]),
    clocks: z
      .array(ClockSchema)
      .max(8)
      .default([{ label: 'UTC', timeZone: 'UTC' }]),
    /** The window of the sector view's counts and sparklines, in minutes. */
    windowMinutes: z
      .number()
      .int()
      .min(5)
      .max(30 * 24 * 60)
      .default(DEFAULT_SECTOR_WINDOW_MINUTES),
    /**
     * The environment variable holding this wall's own token (never the token
     * itself): a screen off this machine that presents it is this wall, read-only
     * and held to its ceiling, whatever its URL asks.
     */
    tokenEnv: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/)
      .optional(),
    /** Which display the desktop app shows this profile on: its index in the system's list; all when unset. */
    display: z.number().int().min(0).max(15).optional(),
    /** Plays this past window over and over instead of the live picture. */
    replay: WallReplaySchema.optional(),
  })
  .strict();
export type WallProfileConfig = z.infer<typeof WallProfileSchema>;

/** A profile's name: what a URL or a command line carries. */
export const WallNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, dot, dash or underscore');

/** A wall profile as the renderer gets it: its name with its settings. */
export const WallSchema = WallProfileSchema.extend({ name: z.string().max(64) });
export type Wall = z.infer<typeof WallSchema>;

/** The name of the profile used when a wall asks for none, or for one not configured. */
export const DEFAULT_WALL = 'wall';

/** The profile a wall gets when the configuration has none of that name. */
export function defaultWallProfile(): WallProfileConfig {
  return WallProfileSchema.parse({});
}
