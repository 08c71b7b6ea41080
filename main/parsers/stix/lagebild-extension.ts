/**
 * Lagebild's own STIX property extension. A Lagebild export puts it on
 * every sighting with the alert it stands for, so that a Lagebild that
 * imports the bundle restores that alert as it was (kind, title, endpoints
 * with ports…) instead of rebuilding a lesser one from the graph. Its
 * indicators, which only summarise those sightings, carry it without an
 * alert and make no alert of their own.
 *
 * Anyone can write the extension, and alert ids are one predictable global
 * namespace in which the first alert stored under an id wins: a hostile
 * bundle claiming the id of a sensor's (future) alert would silently
 * suppress it. So the exported id is kept only for a source the operator
 * trusts; any other sighting gets the id every STIX sighting gets.
 */
import { z } from 'zod';
import { EndpointSchema } from '../../../shared/model';
import { ALERT_KINDS, SECTORS, SEVERITIES } from '../../../shared/vocab';
import { objectField, type JsonObject } from '../fields';
import { parseTimestamp } from '../time';
import type { BuildResult } from './common';
import { alertId } from '../alert-id';
import { alertTlp, objectProvenance } from './markings';
import type { Tlp } from '../../../shared/vocab';
import { rawOf, type StixObject } from './objects';

/** The id of the extension-definition object a Lagebild export carries. */
export const LAGEBILD_EXTENSION_ID = 'extension-definition--6f1e3d57-4c29-5b8a-9d0e-1a7b2c4e8f60';

/** The alert an exported sighting stands for, as the extension holds it. */
export const LagebildAlertSchema = z.object({
  extension_type: z.literal('property-extension'),
  alert_id: z.string().min(8).max(64),
  kind: z.enum(ALERT_KINDS),
  observed_at: z.string().max(40),
  severity: z.enum(SEVERITIES),
  title: z.string().max(500),
  category: z.string().max(100),
  signature: z.string().max(300).optional(),
  /** Left out when empty, as STIX allows no empty list. */
  tags: z.array(z.string().max(200)).max(100).default([]),
  sectors: z.array(z.enum(SECTORS)).max(34).default([]),
  source: EndpointSchema.strict().optional(),
  destination: EndpointSchema.strict().optional(),
  /** The feed that first delivered it, for the reader; a re-import stamps its own. */
  feed: z.string().max(100).optional(),
  incident_id: z.string().max(64).optional(),
});
/** The extension as an export writes it (empty lists left out). */
export type LagebildAlert = z.input<typeof LagebildAlertSchema>;

/** What Lagebild's extension says on an exported indicator: the incident it summarises. */
export const LagebildSummarySchema = z.object({
  extension_type: z.literal('property-extension'),
  incident_id: z.string().max(64),
});

function extensionOf(object: JsonObject): JsonObject | undefined {
  return objectField(objectField(object, 'extensions') ?? {}, LAGEBILD_EXTENSION_ID);
}

/**
 * The alert a Lagebild export's sighting carries, restored; undefined for
 * a sighting without the extension, or with one that does not read as an
 * alert (it is then read like any other sighting). The TLP is the
 * sighting's own marking: nothing is copied from other objects, and
 * whatever TLP the extension itself claims is never read. The exported
 * alert id is restored only when `trustIds` says the operator trusts the
 * source; otherwise the id is the sighting's own, as for any sighting.
 */
export function restoredAlert(
  sighting: StixObject,
  markings: ReadonlyMap<string, Tlp>,
  trustIds: boolean,
): BuildResult | undefined {
  const extension = extensionOf(sighting);
  if (!extension) return undefined;
  const checked = LagebildAlertSchema.safeParse(extension);
  const observedAt = checked.success ? parseTimestamp(checked.data.observed_at) : undefined;
  if (!checked.success || observedAt === undefined) return undefined;
  const data = checked.data;
  return {
    ok: true,
    alert: {
      id: trustIds ? data.alert_id : alertId('stix', sighting.id),
      kind: data.kind,
      observedAt,
      severity: data.severity,
      title: data.title,
      category: data.category,
      ...(data.signature === undefined ? {} : { signature: data.signature }),
      ...(data.source ? { source: data.source } : {}),
      ...(data.destination ? { destination: data.destination } : {}),
      sectors: data.sectors,
      tags: data.tags,
      ...alertTlp(objectProvenance(sighting, markings)),
      raw: rawOf(sighting),
    },
  };
}

/** True for an indicator that only summarises a Lagebild export's sightings. */
export function isLagebildSummary(indicator: JsonObject): boolean {
  const extension = extensionOf(indicator);
  return extension !== undefined && LagebildSummarySchema.safeParse(extension).success;
}
