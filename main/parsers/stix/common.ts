/**
 * What the STIX alert builders share: the result type, confidence as
 * severity, checked timestamps, and how an indicator is named.
 */
import type { Severity } from '../../../shared/vocab';
import { field, numberField, stringField, stringsField, type JsonObject } from '../fields';
import { normalizeCategory, truncate } from '../text';
import { parseTimestamp } from '../time';
import type { ParsedAlert } from '../types';
import { patternObservables, type Observable } from './patterns';

/** One object turned into an alert, or why it could not be. */
export type BuildResult = { ok: true; alert: ParsedAlert } | { ok: false; reason: string };

/** Most tags a STIX alert keeps (the model allows 100). */
export const MAX_STIX_TAGS = 50;

/** STIX confidence 0-100 as severity: 85 and up high, 50 and up medium, below low. */
export function severityFromConfidence(object: JsonObject, fallback: Severity): Severity {
  const confidence = numberField(object, 'confidence');
  if (confidence === undefined || confidence < 0 || confidence > 100) return fallback;
  if (confidence >= 85) return 'high';
  return confidence >= 50 ? 'medium' : 'low';
}

/**
 * The first valid timestamp among `keys`, in that order. Any of them that
 * is present but invalid makes the object invalid; none present is too.
 */
export function firstTimestamp(
  object: JsonObject,
  keys: readonly string[],
): { ok: true; at: number } | { ok: false; reason: string } {
  let first: number | undefined;
  for (const key of keys) {
    const value = field(object, key);
    if (value === undefined) continue;
    const at = parseTimestamp(value);
    if (at === undefined) {
      return { ok: false, reason: `invalid ${key} ${JSON.stringify(value).slice(0, 60)}` };
    }
    first ??= at;
  }
  if (first === undefined) return { ok: false, reason: `no timestamp (${keys.join(', ')})` };
  return { ok: true, at: first };
}

/** An indicator's title: its name, else its pattern, else its id. */
export function indicatorTitle(indicator: JsonObject): string {
  const name = stringField(indicator, 'name')?.trim();
  const pattern = stringField(indicator, 'pattern')?.trim();
  return truncate(name || pattern || stringField(indicator, 'id') || 'indicator', 500);
}

/** An indicator's category: its first indicator_type, else 'indicator'. */
export function indicatorCategory(indicator: JsonObject): string {
  const first = stringsField(indicator, 'indicator_types')[0]?.trim();
  return first ? normalizeCategory(first) : 'indicator';
}

/** The observables of an indicator's pattern; none when it is not a STIX pattern (Snort, YARA). */
export function indicatorObservables(indicator: JsonObject): Observable[] {
  const patternType = stringField(indicator, 'pattern_type');
  const pattern = stringField(indicator, 'pattern');
  // STIX 2.0 indicators have no pattern_type: their patterns are STIX.
  if (pattern === undefined || (patternType !== undefined && patternType !== 'stix')) return [];
  return patternObservables(pattern);
}
