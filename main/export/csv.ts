/**
 * An export as CSV: a header and one row per alert (RFC 4180: CRLF line
 * ends, fields with quotes, commas or line breaks quoted). A cell a
 * spreadsheet would take for a formula gets a leading apostrophe, so
 * text a feed wrote (a title, a tag) cannot run in the analyst's sheet.
 */
import type { Alert } from '../../shared/model';
import type { Selected } from './selection';

const COLUMNS = [
  'incident_id',
  'alert_id',
  'observed_at',
  'severity',
  'kind',
  'title',
  'category',
  'signature',
  'src_ip',
  'src_port',
  'src_country',
  'src_hostname',
  'dst_ip',
  'dst_port',
  'dst_country',
  'dst_hostname',
  'sectors',
  'tlp',
  'feed',
  'tags',
] as const;

/** The CSV text of a selection. */
export function csvExport(selected: Selected): string {
  const lines = [COLUMNS.join(',')];
  for (const { incident, alerts } of selected.incidents) {
    for (const alert of alerts) lines.push(row(incident.id, alert).map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function row(incidentId: string, alert: Alert): (string | number | undefined)[] {
  const { source, destination } = alert;
  return [
    incidentId,
    alert.id,
    new Date(alert.observedAt).toISOString(),
    alert.severity,
    alert.kind,
    alert.title,
    alert.category,
    alert.signature,
    source?.ip,
    source?.port,
    source?.country,
    source?.hostname,
    destination?.ip,
    destination?.port,
    destination?.country,
    destination?.hostname,
    alert.sectors.join(';'),
    alert.tlp,
    alert.feed,
    alert.tags.join(';'),
  ];
}

// OWASP's list of characters a spreadsheet starts a formula with, also
// behind leading white space, which some spreadsheets skip.
const FORMULA_START = /^\s*[=+\-@\t\r]/;

/** One field, defused and quoted as needed. */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : value;
  // Numbers stay numbers: a negative count is no formula.
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
