/**
 * The options `lagebild export` and `publish` choose incidents with, as
 * the incident list filters them, and the TLP ceiling. The ceiling is
 * GREEN unless raised: what leaves the SOC should be shareable by default.
 */
import type { ParseArgsConfig } from 'node:util';
import { DEFAULT_EXPORT_TLP, type ExportSelection } from '../../shared/export';
import { IncidentFilterSchema, type IncidentFilter } from '../../shared/incident-filter';
import { TLP_LEVELS, type Tlp } from '../../shared/vocab';
import { CliError } from './output';

/** The parseArgs options of a selection. */
export const SELECTION_OPTIONS = {
  incident: { type: 'string', multiple: true },
  status: { type: 'string', multiple: true },
  severity: { type: 'string', multiple: true },
  sector: { type: 'string' },
  country: { type: 'string' },
  feed: { type: 'string' },
  text: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  tlp: { type: 'string', default: DEFAULT_EXPORT_TLP },
} as const satisfies ParseArgsConfig['options'];

/** The usage lines of the selection options. */
export const SELECTION_USAGE = `[--incident ID]... [--status S]... [--severity S]... [--sector S] [--country CC]
      [--feed ID] [--text WORDS] [--from ISO] [--to ISO] [--tlp ${TLP_LEVELS.join('|')}]
    Named incidents win over filters. --tlp is the ceiling (default ${DEFAULT_EXPORT_TLP}): alerts
    marked above it are left out and counted as withheld.`;

type SelectionValues = {
  incident?: string[];
  status?: string[];
  severity?: string[];
  sector?: string;
  country?: string;
  feed?: string;
  text?: string;
  from?: string;
  to?: string;
  tlp?: string;
};

/** The selection the options ask for; a wrong value is a usage error naming its option. */
export function selectionFrom(values: SelectionValues): ExportSelection {
  const tlp = values.tlp ?? DEFAULT_EXPORT_TLP;
  if (!(TLP_LEVELS as readonly string[]).includes(tlp)) {
    throw new CliError(`--tlp must be one of ${TLP_LEVELS.join(', ')}`, 2);
  }
  const incidentIds = values.incident?.length ? values.incident : undefined;
  if (incidentIds?.some((id) => id.length < 8 || id.length > 64)) {
    throw new CliError('--incident takes an incident id (8-64 characters)', 2);
  }
  return {
    tlp: tlp as Tlp,
    ...(incidentIds ? { incidentIds } : { filter: filterFrom(values) }),
  };
}

function filterFrom(values: SelectionValues): IncidentFilter {
  const candidate = {
    ...(values.status ? { status: values.status.flatMap(commaList) } : {}),
    ...(values.severity ? { severity: values.severity.flatMap(commaList) } : {}),
    ...(values.sector ? { sector: values.sector } : {}),
    ...(values.country ? { country: values.country.toUpperCase() } : {}),
    ...(values.feed ? { feed: values.feed } : {}),
    ...(values.text ? { text: values.text } : {}),
    ...(values.from ? { from: isoTime(values.from, '--from') } : {}),
    ...(values.to ? { to: isoTime(values.to, '--to') } : {}),
  };
  const checked = IncidentFilterSchema.safeParse(candidate);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new CliError(`--${String(issue?.path[0] ?? 'filter')}: ${issue?.message}`, 2);
  }
  return checked.data;
}

const commaList = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

function isoTime(text: string, flag: string): number {
  const at = Date.parse(text);
  if (Number.isNaN(at))
    throw new CliError(`${flag} takes an ISO 8601 time, e.g. 2026-01-31T08:00Z`, 2);
  return at;
}
