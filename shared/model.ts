/**
 * The normalized model every feed is turned into, as zod schemas so that
 * each process boundary validates with the same definition it types with.
 */
import { z } from 'zod';
import { ALERT_KINDS, INCIDENT_STATUSES, SECTORS, SEVERITIES, TLP_LEVELS } from './vocab';

/** How an address was classified before any lookup. */
export const ADDRESS_CLASSES = [
  'public',
  'private',
  'loopback',
  'link-local',
  'multicast',
  'documentation',
  'reserved',
] as const;
export type AddressClass = (typeof ADDRESS_CLASSES)[number];

/** One side of an alert: where it came from or where it went. */
export const EndpointSchema = z.object({
  ip: z.string().max(64).optional(),
  port: z.number().int().min(0).max(65535).optional(),
  hostname: z.string().max(255).optional(),
  addressClass: z.enum(ADDRESS_CLASSES).optional(),
  /** ISO 3166-1 alpha-2, upper case. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  asn: z.number().int().nonnegative().optional(),
  asOrg: z.string().max(200).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  /** How lat/lon were found: an inventory site, a country centroid, or the feed itself. */
  geoSource: z.enum(['inventory', 'country', 'feed']).optional(),
  site: z.string().max(200).optional(),
  organisation: z.string().max(200).optional(),
});
export type Endpoint = z.infer<typeof EndpointSchema>;

/** A normalized alert, indicator, sighting or advisory. */
export const AlertSchema = z.object({
  /** Stable id derived from the source type and the record's native identity. */
  id: z.string().min(8).max(64),
  /** Id of the feed that delivered it. */
  feed: z.string().min(1).max(100),
  kind: z.enum(ALERT_KINDS),
  /** When the source saw it, ms since the epoch. */
  observedAt: z.number().int(),
  /** When Lagebild received it, ms since the epoch. */
  receivedAt: z.number().int(),
  severity: z.enum(SEVERITIES),
  title: z.string().max(500),
  /** Free category as the source names it, normalized to lower case. */
  category: z.string().max(100),
  source: EndpointSchema.optional(),
  destination: EndpointSchema.optional(),
  sectors: z.array(z.enum(SECTORS)).max(34),
  tlp: z.enum(TLP_LEVELS),
  tags: z.array(z.string().max(200)).max(100),
  /** Identifier of the rule, signature or indicator, for correlation. */
  signature: z.string().max(300).optional(),
  incidentId: z.string().max(64).optional(),
});
export type Alert = z.infer<typeof AlertSchema>;

/** An alert together with the raw record it came from, for drill-down. */
export const AlertDetailSchema = AlertSchema.extend({
  raw: z.string(),
});
export type AlertDetail = z.infer<typeof AlertDetailSchema>;

/** A group of alerts that an analyst triages as one. */
export const IncidentSchema = z.object({
  /** Stable id: the same data imported again gives the same incidents. */
  id: z.string().min(8).max(64),
  title: z.string().max(500),
  /** The rule, signature or indicator the alerts share, where the key has one. */
  signature: z.string().max(300).optional(),
  /** The site, organisation or sector hit, or the target network. */
  target: z.string().max(200).optional(),
  /** The source network (/24 for IPv4, /48 for IPv6). */
  sourceNetwork: z.string().max(64).optional(),
  status: z.enum(INCIDENT_STATUSES),
  /** The highest severity of its alerts. */
  severity: z.enum(SEVERITIES),
  firstSeen: z.number().int(),
  lastSeen: z.number().int(),
  alerts: z.number().int().nonnegative(),
  /** Source and destination countries of its alerts (ISO alpha-2). */
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)),
  sectors: z.array(z.enum(SECTORS)),
  feeds: z.array(z.string().max(100)),
  /** The most restrictive TLP of its alerts. */
  tlp: z.enum(TLP_LEVELS),
  assignee: z.string().max(100).optional(),
  updatedAt: z.number().int(),
});
export type Incident = z.infer<typeof IncidentSchema>;

export const INCIDENT_EVENT_KINDS = ['status', 'assignee', 'note'] as const;
export type IncidentEventKind = (typeof INCIDENT_EVENT_KINDS)[number];

/** A change an analyst made to an incident: its status, its assignee, or a note. */
export const IncidentEventSchema = z.object({
  id: z.number().int(),
  at: z.number().int(),
  author: z.string().max(100),
  kind: z.enum(INCIDENT_EVENT_KINDS),
  /** The new status or assignee ("" for none), or the note's text (plain or Markdown). */
  value: z.string().max(20_000),
  /** The status or assignee before the change. */
  previous: z.string().max(100).optional(),
});
export type IncidentEvent = z.infer<typeof IncidentEventSchema>;
