/**
 * The integers that stand for closed vocabularies in the cache. They are
 * part of the schema: a code, once written, keeps its meaning, so these
 * lists only ever grow at the end whatever order shared/ lists values in.
 */
import type { AddressClass, Endpoint } from '../../shared/model';
import {
  SEVERITIES,
  type AlertKind,
  type IncidentStatus,
  type Severity,
  type Tlp,
} from '../../shared/vocab';

type GeoSource = NonNullable<Endpoint['geoSource']>;

/** Alert kinds by stored code. */
export const KIND_CODES: readonly AlertKind[] = ['alert', 'indicator', 'sighting', 'advisory'];

/** TLP levels by stored code (also their rank). */
export const TLP_CODES: readonly Tlp[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];

/** Severities by stored code: shared/vocab.ts fixes their index as the stored rank. */
export const SEVERITY_CODES: readonly Severity[] = SEVERITIES;

/** Address classes by stored code. */
export const ADDRESS_CLASS_CODES: readonly AddressClass[] = [
  'public',
  'private',
  'loopback',
  'link-local',
  'multicast',
  'documentation',
  'reserved',
];

/** Incident statuses by stored code. */
export const STATUS_CODES: readonly IncidentStatus[] = [
  'new',
  'acknowledged',
  'investigating',
  'resolved',
  'false-positive',
];

/** Sources of coordinates by stored code. */
export const GEO_SOURCE_CODES: readonly GeoSource[] = ['inventory', 'country', 'feed'];

/** The stored code of `value`. */
export function toCode<T>(codes: readonly T[], value: T): number {
  const code = codes.indexOf(value);
  if (code < 0) throw new Error(`no stored code for ${String(value)}`);
  return code;
}

/** The value a stored code stands for. */
export function fromCode<T>(codes: readonly T[], code: number): T {
  const value = codes[code];
  if (value === undefined) throw new Error(`unknown stored code ${code}`);
  return value;
}
