/**
 * The parts of MISP's event JSON that Lagebild reads, as zod schemas. MISP
 * writes numbers as strings ("1472541011") in some versions and as numbers
 * in others, so both are accepted; every other key is left alone.
 */
import { z } from 'zod';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A MISP uuid, in lower case. */
export const MispUuidSchema = z
  .string()
  .regex(UUID, 'not a uuid')
  .transform((uuid) => uuid.toLowerCase());

/** Epoch seconds as MISP writes them, read into epoch milliseconds. */
export const EpochSecondsSchema = z
  .union([z.string().regex(/^\d{1,11}$/, 'not epoch seconds'), z.number().int().nonnegative()])
  .transform((seconds) => Number(seconds) * 1000);

const TagSchema = z.object({ name: z.string().max(1000) });

/** An event's or attribute's tags, flat (feeds, restSearch) or wrapped (the event index). */
const TagsSchema = z.array(TagSchema).default([]);
const EventTagsSchema = z.array(z.object({ Tag: TagSchema })).default([]);

const GalaxySchema = z.object({
  type: z.string(),
  GalaxyCluster: z.array(z.object({ value: z.string() })).default([]),
});

/** One MISP sighting: type 0 is a sighting, 1 a false positive, 2 an expiration. */
export const MispSightingSchema = z.object({
  uuid: MispUuidSchema.optional(),
  date_sighting: EpochSecondsSchema,
  type: z.union([z.enum(['0', '1', '2']), z.literal([0, 1, 2])]).default('0'),
  source: z.string().max(1000).optional(),
  Organisation: z.object({ name: z.string() }).optional(),
});
export type MispSighting = z.infer<typeof MispSightingSchema>;

/** One MISP attribute; its sightings are checked one by one. */
export const MispAttributeSchema = z.object({
  uuid: MispUuidSchema,
  type: z.string().min(1).max(100),
  value: z.string().max(100_000),
  category: z.string().max(100).optional(),
  timestamp: EpochSecondsSchema.optional(),
  comment: z.string().optional(),
  deleted: z.union([z.boolean(), z.enum(['0', '1'])]).optional(),
  object_relation: z.string().nullable().optional(),
  Tag: TagsSchema,
  Sighting: z.array(z.unknown()).default([]),
});
export type MispAttribute = z.infer<typeof MispAttributeSchema>;

/** One MISP object: named attributes that describe one thing together. */
export const MispObjectSchema = z.object({
  uuid: MispUuidSchema,
  name: z.string().min(1).max(200),
  deleted: z.union([z.boolean(), z.enum(['0', '1'])]).optional(),
  Attribute: z.array(z.unknown()).default([]),
  ObjectReference: z
    .array(z.object({ referenced_uuid: MispUuidSchema, relationship_type: z.string().optional() }))
    .default([]),
});
export type MispObject = z.infer<typeof MispObjectSchema>;

/** One MISP event; attributes and objects are checked one by one. */
export const MispEventSchema = z.object({
  uuid: MispUuidSchema,
  info: z.string().max(100_000),
  timestamp: EpochSecondsSchema,
  threat_level_id: z.union([z.string(), z.number()]).optional(),
  Orgc: z.object({ name: z.string() }).optional(),
  Attribute: z.array(z.unknown()).default([]),
  Object: z.array(z.unknown()).default([]),
  Tag: TagsSchema,
  EventTag: EventTagsSchema,
  Galaxy: z.array(GalaxySchema).default([]),
});
export type MispEvent = z.infer<typeof MispEventSchema>;

/** True when a MISP "deleted" flag says so. */
export function isDeleted(flag: boolean | '0' | '1' | undefined): boolean {
  return flag === true || flag === '1';
}

/** A zod failure as one short reason: where, then what. */
export function issueReason(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.join('.') || 'value';
  return `${where}: ${issue?.message ?? 'invalid'}`;
}
