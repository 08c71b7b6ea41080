/**
 * A URLhaus entry (the JSON dump or the CSV feeds) as an indicator: a URL
 * that serves malware, its host the source.
 */
import { alertId } from '../alert-id';
import { canonicalIp } from '../network';
import { boundTags, normalizeCategory, truncate } from '../text';
import { abuseChTime, urlEndpoint, type EventResult } from './common';

/** One URLhaus entry, with the fields the JSON and CSV forms share. */
export interface UrlhausEntry {
  url: string;
  dateAdded: string;
  status?: string;
  threat?: string;
  tags?: string[];
  /** The address the CSV feeds resolved the host to. */
  ip?: string;
  country?: string;
  reporter?: string;
}

/** The indicator of one entry. */
export function urlhausIndicator(entry: UrlhausEntry, raw: string): EventResult {
  const url = entry.url.trim();
  if (!url) return { reason: 'URLhaus entry has no url' };
  const observedAt = abuseChTime(entry.dateAdded);
  if (observedAt === undefined) {
    return {
      reason: `URLhaus entry has an invalid dateadded ${JSON.stringify(entry.dateAdded.slice(0, 60))}`,
    };
  }
  const host = urlEndpoint(url);
  const resolved = entry.ip === undefined ? undefined : canonicalIp(entry.ip.trim());
  const country = entry.country?.trim().toUpperCase();
  const source = host && {
    ...host,
    ...(host.ip === undefined && resolved ? { ip: resolved } : {}),
    ...(country && /^[A-Z]{2}$/.test(country) ? { country } : {}),
  };
  return {
    alert: {
      // One URL is one URLhaus entry, whichever export it came in.
      id: alertId('urlhaus', url),
      kind: 'indicator',
      observedAt,
      severity: 'medium',
      title: truncate(`URLhaus: ${url}`, 500),
      category: normalizeCategory(
        entry.threat === 'malware_download' ? 'malware' : entry.threat || 'malware',
      ),
      source,
      sectors: [],
      tags: boundTags(
        [
          'urlhaus',
          entry.threat,
          entry.status && `status:${entry.status}`,
          entry.reporter && `reporter:${entry.reporter}`,
          ...(entry.tags ?? []),
        ],
        20,
      ),
      signature: truncate(`indicator:${url}`, 300),
      raw,
    },
  };
}
