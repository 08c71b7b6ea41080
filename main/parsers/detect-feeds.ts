/**
 * Tells the formats of sensor logs and intel exports beyond EVE, STIX,
 * MISP, CEF and LEEF from a file's first bytes: Zeek, Wazuh, cowrie, ECS,
 * abuse.ch, Spamhaus DROP, CISA KEV and CSAF. Each hint is a key or banner
 * that only that format writes, so no other format's file is claimed.
 */
import { field, isJsonObject, type JsonObject } from './fields';
import { parseJsonRecord } from './json-record';
import type { Format } from './types';

// Fixed words joined by `\s*`: no nested quantifiers, linear on any head.
const CSAF_HINTS = [
  /"csaf_version"\s*:\s*"2\./,
  /"aggregator_version"\s*:/,
  /"scheme"\s*:\s*"urn:ietf:params:rolie:category:information-type"\s*,\s*"term"\s*:\s*"csaf"/,
  /"role"\s*:\s*"csaf_(publisher|provider|trusted_provider)"/,
];
const KEV_JSON_HINT = /"catalogVersion"\s*:/;
const ECS_HINTS = [/"ecs\.version"\s*:/, /"ecs"\s*:\s*\{\s*"version"\s*:/];
const WAZUH_HINTS = [/"rule"\s*:\s*\{/, /"level"\s*:\s*\d/, /"(agent|manager|decoder)"\s*:\s*\{/];
const ABUSE_CH_BANNER = /^#.*\b(abuse\.ch|Feodo|URLhaus|ThreatFox)\b/im;

/**
 * The format of `text` (a head with byte order mark and leading blanks
 * removed), or undefined when none of these formats is recognised.
 */
export function detectFeedFormat(text: string): Format | undefined {
  const newline = text.indexOf('\n');
  const firstLine = (newline < 0 ? text : text.slice(0, newline)).trim();
  if (firstLine.startsWith('#separator ')) return 'zeek';
  if (/^;\s*Spamhaus E?DROP\b/i.test(firstLine)) return 'spamhaus-drop';
  if (firstLine.startsWith('cveID,')) return 'kev';
  if (firstLine.startsWith('#') && ABUSE_CH_BANNER.test(text)) return 'abusech';
  if (!text.startsWith('{') && !text.startsWith('[')) return undefined;
  if (CSAF_HINTS.some((hint) => hint.test(text))) return 'csaf';
  if (KEV_JSON_HINT.test(text) && /"vulnerabilities"\s*:/.test(text)) return 'kev';
  if (ECS_HINTS.some((hint) => hint.test(text))) return 'ecs';
  if (WAZUH_HINTS.every((hint) => hint.test(text))) return 'wazuh';
  const json = parseJsonRecord(firstLine);
  return json.ok && isJsonObject(json.value) ? lineFormat(json.value) : undefined;
}

/** The format of a JSON line by the keys its producer always writes. */
function lineFormat(record: JsonObject): Format | undefined {
  const eventId = field(record, 'eventid');
  if (typeof eventId === 'string' && eventId.startsWith('cowrie.')) return 'cowrie';
  if (
    field(record, 'ts') !== undefined &&
    (field(record, 'note') !== undefined || field(record, 'seen.indicator') !== undefined)
  ) {
    return 'zeek';
  }
  if (field(record, 'ioc') !== undefined && field(record, 'ioc_type') !== undefined)
    return 'abusech';
  if (field(record, 'urlhaus_link') !== undefined) return 'abusech';
  return undefined;
}
