/**
 * An ECS threat-intelligence document (`event.kind: enrichment` with a
 * `threat.indicator`, as Elastic's intel integrations write them) as an
 * indicator: the indicator's address or host is the malicious source.
 */
import { parseTlpName, type Severity } from '../../../shared/vocab';
import { alertId } from '../alert-id';
import { endpointOfValues, placedByFeed } from '../endpoint-values';
import type { JsonObject } from '../fields';
import type { EventResult } from '../json-events';
import { boundTags, truncate } from '../text';
import { parseTimestamp } from '../time';
import { firstString } from './alert';
import { ecsField, ecsString, ecsStrings } from './path';

const MAX_TAGS = 30;

// ECS names an indicator's confidence in words (threat.indicator.confidence).
const CONFIDENCE: ReadonlyMap<string, Severity> = new Map([
  ['high', 'high'],
  ['medium', 'medium'],
  ['low', 'low'],
  ['none', 'info'],
]);

/** True when `document` carries a threat indicator. */
export function isEcsIndicator(document: JsonObject): boolean {
  return (
    ecsField(document, 'threat.indicator') !== undefined ||
    ecsField(document, 'threat.indicator.type') !== undefined
  );
}

/** The indicator of one ECS intel document; `identity` names it for its id. */
export function ecsIndicator(document: JsonObject, raw: string, identity: string): EventResult {
  const at = (path: string) => ecsField(document, `threat.indicator.${path}`);
  const value = firstString(document, [
    'threat.indicator.name',
    'threat.indicator.ip',
    'threat.indicator.url.full',
    'threat.indicator.url.domain',
    'threat.indicator.file.hash.sha256',
  ]);
  if (!value) return { reason: 'ECS indicator names no value (threat.indicator.name, ip, url)' };
  const time = at('first_seen') ?? ecsField(document, '@timestamp');
  const observedAt = parseTimestamp(time);
  if (observedAt === undefined) {
    return {
      reason: `ECS indicator has an invalid first_seen ${JSON.stringify(time ?? null).slice(0, 60)}`,
    };
  }
  const read = endpointOfValues(
    { ip: at('ip'), port: at('port'), hostname: at('url.domain') },
    'threat.indicator.ip',
  );
  if (!read.ok) return { reason: `ECS indicator has an ${read.reason}` };
  const source = placedByFeed(read.endpoint, {
    lat: at('geo.location.lat'),
    lon: at('geo.location.lon'),
    country: at('geo.country_iso_code'),
  });
  const tlp = ecsString(document, 'threat.indicator.marking.tlp');
  const confidence = ecsString(document, 'threat.indicator.confidence')?.trim().toLowerCase();
  const software = ecsString(document, 'threat.software.name');
  const type = ecsString(document, 'threat.indicator.type');
  return {
    alert: {
      id: alertId('ecs', identity),
      kind: 'indicator',
      observedAt,
      severity: (confidence && CONFIDENCE.get(confidence)) || 'medium',
      title: truncate(value, 500),
      category: 'indicator',
      source,
      sectors: [],
      ...(tlp && parseTlpName(tlp) ? { tlp: parseTlpName(tlp) } : {}),
      tags: boundTags(
        [
          type,
          software && `malware:${software}`,
          ecsString(document, 'threat.indicator.provider') &&
            `provider:${ecsString(document, 'threat.indicator.provider')}`,
          ...ecsStrings(document, 'tags'),
        ],
        MAX_TAGS,
      ),
      // Every report of one value is one incident.
      signature: truncate(`indicator:${value}`, 300),
      raw,
    },
  };
}
