/**
 * Sharing as the API and the CLI offer it: the configured TAXII
 * destinations by name, and publishing a selection to one of them as a
 * STIX bundle, never above the selection's TLP ceiling.
 */
import type { ExportSelection, PublishResult } from '../../shared/export';
import { tlpRank, type Tlp } from '../../shared/vocab';
import type { SharingConfig } from '../core/sharing-config';
import type { AlertCache } from '../store/alert-cache';
import { DEFAULT_ORGANISATION } from './export-file';
import { selectForExport, type ProgressListener } from './selection';
import { stixBundle } from './stix-bundle';
import { publishObjects, type PublishTiming } from './taxii-publish';

/** A destination that is not configured. */
export class UnknownDestinationError extends Error {
  override name = 'UnknownDestinationError';
}

/** The names and titles of the configured destinations: nothing about where or how. */
export function shareDestinations(sharing: SharingConfig): { name: string; title?: string }[] {
  return sharing.taxii.map(({ name, title }) => (title === undefined ? { name } : { name, title }));
}

/** The selection with its ceiling lowered to `ceiling`, where the client has one. */
export function withinCeiling(
  selection: ExportSelection,
  ceiling: Tlp | undefined,
): ExportSelection {
  if (ceiling === undefined || tlpRank(selection.tlp) <= tlpRank(ceiling)) return selection;
  return { ...selection, tlp: ceiling };
}

/** Publishes `selection` to the destination named `name`. */
export async function publishSelection(
  cache: AlertCache,
  sharing: SharingConfig,
  name: string,
  selection: ExportSelection,
  options: PublishTiming & { onProgress?: ProgressListener } = {},
): Promise<PublishResult> {
  const destination = sharing.taxii.find((candidate) => candidate.name === name);
  if (!destination)
    throw new UnknownDestinationError(`no TAXII destination "${name}" is configured`);
  const selected = selectForExport(cache, selection, options.onProgress);
  const counts = { destination: name, withheld: selected.withheld, truncated: selected.truncated };
  if (selected.incidents.length === 0) {
    // Nothing may be shared: the server is not troubled with an empty envelope.
    const none = { statusId: '', status: 'complete' as const, failures: [] };
    return { ...counts, ...none, successCount: 0, failureCount: 0, pendingCount: 0 };
  }
  const organisation = sharing.organisation ?? DEFAULT_ORGANISATION;
  const bundle = stixBundle(selected, { name: organisation }) as { objects: unknown[] };
  return { ...counts, ...(await publishObjects(destination, bundle.objects, options)) };
}
