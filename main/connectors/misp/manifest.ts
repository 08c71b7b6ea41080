/**
 * A MISP feed's manifest.json: one entry per event uuid with the event's
 * timestamp, which changes whenever the event does. Comparing it with the
 * timestamps already read tells which event files to fetch.
 */
import { z } from 'zod';
import { parseJsonRecord } from '../../parsers/json-record';
import { EpochSecondsSchema, MispUuidSchema } from '../../parsers/misp/schema';
import { MAX_RESPONSE_BYTES } from '../http/http-request';

const ManifestSchema = z.record(z.string(), z.unknown());
const EntrySchema = z.object({ timestamp: EpochSecondsSchema });

/** The events a manifest lists, with their timestamps (ms), and entries it could not read. */
export interface Manifest {
  events: Map<string, number>;
  rejected: { uuid: string; reason: string; raw: string }[];
}

/** Reads a manifest; throws when it is not one at all. */
export function parseManifest(text: string, where: string): Manifest {
  const json = parseJsonRecord(text, MAX_RESPONSE_BYTES);
  const checked = json.ok ? ManifestSchema.safeParse(json.value) : undefined;
  if (!checked?.success) {
    throw new Error(
      `${where}: not a MISP feed manifest (${json.ok ? 'not an object' : json.reason})`,
    );
  }
  const manifest: Manifest = { events: new Map(), rejected: [] };
  for (const [key, value] of Object.entries(checked.data)) {
    const uuid = MispUuidSchema.safeParse(key);
    const entry = EntrySchema.safeParse(value);
    if (uuid.success && entry.success) {
      manifest.events.set(uuid.data, entry.data.timestamp);
    } else {
      const reason = uuid.success ? 'no valid timestamp' : 'key is not an event uuid';
      manifest.rejected.push({ uuid: key, reason, raw: JSON.stringify({ [key]: value }) });
    }
  }
  return manifest;
}

/** The events of `manifest` that are new or changed since `seen`, oldest first. */
export function changedEvents(manifest: Manifest, seen: ReadonlyMap<string, number>): string[] {
  return [...manifest.events]
    .filter(([uuid, timestamp]) => seen.get(uuid) !== timestamp)
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .map(([uuid]) => uuid);
}
