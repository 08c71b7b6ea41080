/**
 * A Feodo Tracker botnet C2 (the IP blocklist, plain or CSV) as an
 * indicator. Feodo lists only confirmed C2 servers of banking malware,
 * hence high severity.
 */
import { alertId } from '../alert-id';
import { canonicalIp, validPort } from '../network';
import { boundTags, truncate } from '../text';
import { abuseChTime, type EventResult } from './common';

/** One blocklist entry: an address, and what the CSV form adds. */
export interface FeodoEntry {
  ip: string;
  port?: string;
  firstSeen?: string;
  status?: string;
  lastOnline?: string;
  malware?: string;
}

/** The indicator of one entry; `listedAt` stands in for a plain list's missing time. */
export function feodoIndicator(entry: FeodoEntry, raw: string, listedAt: number): EventResult {
  const ip = canonicalIp(entry.ip.trim());
  if (!ip)
    return {
      reason: `Feodo Tracker entry has an invalid address ${JSON.stringify(entry.ip.slice(0, 60))}`,
    };
  const port =
    entry.port && /^\d{1,5}$/.test(entry.port.trim()) ? validPort(Number(entry.port)) : undefined;
  const observedAt = entry.firstSeen === undefined ? listedAt : abuseChTime(entry.firstSeen);
  if (observedAt === undefined) {
    return {
      reason: `Feodo Tracker entry has an invalid first_seen_utc ${JSON.stringify(entry.firstSeen?.slice(0, 60))}`,
    };
  }
  const malware = entry.malware?.trim();
  return {
    alert: {
      id: alertId('feodotracker', port === undefined ? ip : `${ip}:${port}`),
      kind: 'indicator',
      observedAt,
      severity: 'high',
      title: truncate(`Feodo Tracker C2${malware ? ` (${malware})` : ''}: ${ip}`, 500),
      category: 'c2',
      source: port === undefined ? { ip } : { ip, port },
      sectors: [],
      tags: boundTags(
        [
          'feodotracker',
          malware && `malware:${malware}`,
          entry.status && `status:${entry.status}`,
          entry.lastOnline && `last-online:${entry.lastOnline}`,
        ],
        10,
      ),
      signature: `indicator:${ip}`,
      raw,
    },
  };
}
