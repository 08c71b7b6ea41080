/**
 * A ThreatFox IOC (the API's and the exports' JSON records) as an
 * indicator: an address with port, a URL, a domain or a file hash.
 */
import type { Endpoint } from '../../../shared/model';
import { alertId } from '../alert-id';
import { field, numberField, stringField, stringsField, type JsonObject } from '../fields';
import { canonicalIp, validHostname, validPort } from '../network';
import { severityFromConfidence } from '../stix/common';
import { boundTags, normalizeCategory, truncate } from '../text';
import { abuseChTime, urlEndpoint, type EventResult } from './common';

// ThreatFox's threat types in the words of our categories.
const CATEGORIES: ReadonlyMap<string, string> = new Map([
  ['botnet_cc', 'c2'],
  ['payload_delivery', 'malware'],
  ['payload', 'malware'],
]);

/** True when the record looks like a ThreatFox IOC. */
export function isThreatFoxRecord(record: JsonObject): boolean {
  return field(record, 'ioc') !== undefined && field(record, 'ioc_type') !== undefined;
}

/** The indicator of one IOC record. */
export function threatFoxIndicator(record: JsonObject, raw: string): EventResult {
  const ioc = stringField(record, 'ioc')?.trim();
  if (!ioc) return { reason: 'ThreatFox record has no ioc' };
  const id = stringField(record, 'id') ?? numberField(record, 'id')?.toString();
  if (!id) return { reason: 'ThreatFox record has no id' };
  const observedAt = abuseChTime(field(record, 'first_seen'));
  if (observedAt === undefined) {
    return {
      reason: `ThreatFox record has an invalid first_seen ${JSON.stringify(field(record, 'first_seen') ?? null).slice(0, 60)}`,
    };
  }
  const iocType = stringField(record, 'ioc_type') ?? '';
  const source = endpointOf(ioc, iocType);
  if (source === 'invalid')
    return { reason: `ThreatFox ${iocType} ioc is invalid: ${JSON.stringify(ioc.slice(0, 60))}` };
  const threatType = stringField(record, 'threat_type') ?? '';
  const malware = stringField(record, 'malware_printable');
  const aliases = stringField(record, 'malware_alias')?.split(',') ?? [];
  return {
    alert: {
      id: alertId('threatfox', id),
      kind: 'indicator',
      observedAt,
      // ThreatFox's confidence_level is 0-100, as STIX confidence is.
      severity: severityFromConfidence({ confidence: field(record, 'confidence_level') }, 'medium'),
      title: truncate(`ThreatFox ${malware ?? 'IOC'}: ${ioc}`, 500),
      category: normalizeCategory(CATEGORIES.get(threatType) ?? (threatType || 'indicator')),
      source,
      sectors: [],
      tags: boundTags(
        [
          'threatfox',
          iocType,
          threatType,
          malware && `malware:${malware}`,
          ...aliases.map((alias) => `malware:${alias}`),
          ...stringsField(record, 'tags'),
        ],
        30,
      ),
      signature: truncate(`indicator:${ioc}`, 300),
      raw,
    },
  };
}

/** The host an IOC names, none for a hash, 'invalid' for an address or URL that is not one. */
function endpointOf(ioc: string, type: string): Endpoint | undefined | 'invalid' {
  if (type === 'url') return urlEndpoint(ioc) ?? 'invalid';
  if (type === 'domain') {
    const hostname = validHostname(ioc);
    return hostname ? { hostname } : 'invalid';
  }
  if (type !== 'ip:port') return undefined;
  // IPv6 comes without brackets ("2a02:cf40:1::5:40669"): the port is after the last colon.
  const cut = ioc.lastIndexOf(':');
  const ip = canonicalIp(ioc.slice(0, cut).replace(/^\[(.*)\]$/, '$1'));
  const portText = ioc.slice(cut + 1);
  const port = /^\d{1,5}$/.test(portText) ? validPort(Number(portText)) : undefined;
  if (cut < 0 || !ip || port === undefined) return 'invalid';
  return { ip, port };
}
