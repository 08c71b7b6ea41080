/**
 * The STIX indicator an incident was made from, as its source wrote it.
 * Alerts keep addresses and host names, not the hash, the URL path or the
 * CIDR range of an indicator's pattern; re-deriving a pattern from them
 * would hand partners a different IOC (a /15 shrunk to one address, a URL
 * widened to its whole domain, a hash gone). The raw record has the
 * original, so an export shares that.
 */
import type { Alert } from '../../shared/model';
import type { AlertCache } from '../store/alert-cache';

/** An indicator's own pattern and name. */
export interface SourceIndicator {
  pattern: string;
  patternType: string;
  name?: string;
}

/** Longest pattern taken over; a longer one is re-derived instead. */
const MAX_PATTERN_CHARS = 64 * 1024;

/** The original indicator behind `alert`, when it was read from a STIX indicator. */
export function sourceIndicator(cache: AlertCache, alert: Alert): SourceIndicator | undefined {
  if (alert.kind !== 'indicator' || !alert.signature?.startsWith('indicator--')) return undefined;
  const raw = cache.getAlert(alert.id)?.raw;
  if (raw === undefined) return undefined;
  let object: unknown;
  try {
    object = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof object !== 'object' || object === null) return undefined;
  const { type, pattern, pattern_type: patternType, name } = object as Record<string, unknown>;
  if (type !== 'indicator' || typeof pattern !== 'string' || pattern.length > MAX_PATTERN_CHARS) {
    return undefined;
  }
  return {
    pattern,
    patternType: typeof patternType === 'string' ? patternType : 'stix',
    ...(typeof name === 'string' && name.trim() !== '' ? { name: name.trim() } : {}),
  };
}
