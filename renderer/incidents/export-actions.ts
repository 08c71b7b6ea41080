/**
 * Exporting and publishing from the incident views: the main process
 * writes the file or sends it, the page saves it as a download (a Blob
 * behind an object URL, which works in a browser and in Electron alike),
 * and the outcome is told in one line with what was withheld.
 */
import type { ExportFormat, ExportSelection, PublishResult } from '../../shared/export';
import type { LagebildApi } from '../../shared/api';
import { scopedLogger } from '../log';

const log = scopedLogger('export');

/** The selection of an export, before its TLP ceiling is chosen. */
export type ExportScope = Omit<ExportSelection, 'tlp'>;

/** What the analyst is told: a line, and whether it went wrong. */
export interface ExportOutcome {
  message: string;
  failed: boolean;
}

const withheldText = (withheld: number, tlp: string) =>
  withheld === 0 ? '' : `; ${withheld} withheld above TLP:${tlp.toUpperCase()}`;

/** Exports the scope as `format` and saves the file as a download. */
export async function downloadExport(
  api: LagebildApi,
  format: ExportFormat,
  selection: ExportSelection,
): Promise<ExportOutcome> {
  const result = await api.call('exportSelection', { format, selection });
  if (!result.ok) {
    log.warn(`export failed: ${result.error.message}`);
    return { message: `Export failed: ${result.error.message}`, failed: true };
  }
  const file = result.value;
  if (file.alerts > 0) saveFile(file.filename, file.mediaType, file.content);
  const what =
    file.alerts > 0
      ? `Exported ${file.incidents} incident(s), ${file.alerts} alert(s)`
      : 'Nothing to export';
  const truncated =
    file.truncated === 0 ? '' : `; ${file.truncated} more left out (size limit: narrow the filter)`;
  return {
    message: `${what}${withheldText(file.withheld, selection.tlp)}${truncated}`,
    failed: false,
  };
}

/** Publishes the scope to a configured TAXII destination. */
export async function publishExport(
  api: LagebildApi,
  destination: string,
  selection: ExportSelection,
): Promise<ExportOutcome> {
  const result = await api.call('publishSelection', { destination, selection });
  if (!result.ok) {
    log.warn(`publishing to ${destination} failed: ${result.error.message}`);
    return { message: `Publishing failed: ${result.error.message}`, failed: true };
  }
  return {
    message: publishedText(result.value, selection.tlp),
    failed: publishFailed(result.value),
  };
}

function publishedText(result: PublishResult, tlp: string): string {
  const counts = `${result.successCount} taken, ${result.failureCount} refused, ${result.pendingCount} pending`;
  const truncated =
    result.truncated === 0 ? '' : `; ${result.truncated} more left out (size limit)`;
  return `Published to ${result.destination} (${result.status}): ${counts}${withheldText(result.withheld, tlp)}${truncated}`;
}

const publishFailed = (result: PublishResult) =>
  result.failureCount > 0 || result.status !== 'complete';

/** Saves text as a file the browser downloads. */
function saveFile(filename: string, mediaType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once click() returns; the URL is not needed after.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
