/**
 * One export, start to end: the selection read under its TLP ceiling and
 * written in the chosen format, with the counts the analyst is shown.
 */
import type { ExportFile, ExportFormat, ExportSelection } from '../../shared/export';
import { assertNever } from '../core/assert-never';
import type { AlertCache } from '../store/alert-cache';
import { csvExport } from './csv';
import { mispEvent } from './misp-event';
import { selectForExport, type ProgressListener, type Selected } from './selection';
import { stixBundle } from './stix-bundle';

/** The organisation named as the source when none is configured. */
export const DEFAULT_ORGANISATION = 'Lagebild user';

/** Who exports, and who hears of progress. */
export interface ExportOptions {
  organisation?: string;
  onProgress?: ProgressListener;
  /** The clock, for the file name. */
  now?: number;
  /** Most alerts the file holds (MAX_EXPORT_ALERTS unless a test sets fewer). */
  maxAlerts?: number;
}

/** Exports `selection` from `cache` as `format`. */
export function exportSelection(
  cache: AlertCache,
  format: ExportFormat,
  selection: ExportSelection,
  options: ExportOptions = {},
): ExportFile {
  const selected = selectForExport(cache, selection, options.onProgress, options.maxAlerts);
  const organisation = options.organisation ?? DEFAULT_ORGANISATION;
  const stamp = fileStamp(options.now ?? Date.now());
  return {
    ...formatted(format, selected, organisation, stamp),
    incidents: selected.incidents.length,
    alerts: selected.alerts,
    withheld: selected.withheld,
    truncated: selected.truncated,
  };
}

function formatted(
  format: ExportFormat,
  selected: Selected,
  organisation: string,
  stamp: string,
): Pick<ExportFile, 'filename' | 'mediaType' | 'content'> {
  switch (format) {
    case 'stix':
      return {
        filename: `lagebild-${stamp}.stix.json`,
        mediaType: 'application/stix+json;version=2.1',
        content: JSON.stringify(stixBundle(selected, { name: organisation }), null, 2),
      };
    case 'misp':
      return {
        filename: `lagebild-${stamp}.misp.json`,
        mediaType: 'application/json',
        content: JSON.stringify(mispEvent(selected, organisation), null, 2),
      };
    case 'csv':
      return {
        filename: `lagebild-${stamp}.csv`,
        mediaType: 'text/csv',
        content: csvExport(selected),
      };
    default:
      return assertNever(format, 'export format');
  }
}

/** 20260104-0930: sortable, and safe in any file system. */
function fileStamp(now: number): string {
  return new Date(now).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}
