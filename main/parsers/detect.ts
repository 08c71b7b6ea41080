/**
 * Which parser reads a file, told from its name and first bytes, and the
 * parser of each format.
 */
import { assertNever } from '../core/assert-never';
import { abuseChParser } from './abusech';
import { cefParser } from './cef';
import { cowrieParser } from './cowrie';
import { csafParser } from './csaf';
import { detectCefOrLeef } from './detect-cef-leef';
import { detectFeedFormat } from './detect-feeds';
import { ecsParser } from './ecs';
import { eveParser } from './eve';
import { kevParser } from './kev';
import { spamhausDropParser } from './spamhaus-drop';
import { wazuhParser } from './wazuh';
import { zeekParser } from './zeek';
import { field, isJsonObject } from './fields';
import { parseJsonRecord } from './json-record';
import { leefParser } from './leef';
import { mispParser } from './misp';
import { stix21Parser } from './stix21';
import { syslogParser } from './syslog';
import type { Format, Parser } from './types';

// Only the start is looked at: a STIX document says what it is in its first lines.
const MAX_HEAD_CHARS = 64 * 1024;

// Fixed words joined by `\s*`: no nested quantifiers, linear on any head.
const STIX_HINTS = [
  /"type"\s*:\s*"bundle"/,
  /"spec_version"\s*:\s*"2\.[01]"/,
  /"id"\s*:\s*"(indicator|sighting|observed-data|marking-definition|identity|bundle)--/,
];
const EVE_HINT = /"event_type"\s*:\s*"/;
// MISP's own capitalised keys, which no STIX or EVE record has.
const MISP_HINTS = [/"Event"\s*:\s*\{/, /"Attribute"\s*:\s*\[/, /"threat_level_id"\s*:/];

/**
 * The format of a file from its name and its first bytes (`head` may end
 * mid-line), or undefined when neither says. A first line that is a CEF
 * or LEEF record, bare or in a syslog message, is cef or leef; Zeek,
 * Wazuh, cowrie, ECS, abuse.ch, DROP, KEV and CSAF files are told by
 * their own keys and banners (detect-feeds.ts). A JSON
 * object with an event_type is EVE; JSON that opens like a STIX bundle or
 * object is STIX 2.1, JSON with MISP's "Event", "Attribute" or
 * "threat_level_id" is MISP; a name like `eve.json` or `*.eve` settles a JSON
 * line that was cut off.
 */
export function detectFormat(fileName: string, head: string): Format | undefined {
  const text = head
    .slice(0, MAX_HEAD_CHARS)
    .replace(/^\uFEFF/, '')
    .trimStart();
  const cefOrLeef = detectCefOrLeef(text);
  if (cefOrLeef) return cefOrLeef;
  const feed = detectFeedFormat(text);
  if (feed) return feed;
  if (!text.startsWith('{') && !text.startsWith('[')) return undefined;
  const newline = text.indexOf('\n');
  const firstLine = newline < 0 ? text : text.slice(0, newline);
  const json = parseJsonRecord(firstLine);
  if (json.ok && isJsonObject(json.value) && typeof field(json.value, 'event_type') === 'string') {
    return 'eve';
  }
  if (MISP_HINTS.some((hint) => hint.test(text))) return 'misp';
  if (STIX_HINTS.some((hint) => hint.test(text))) return 'stix21';
  if (text.startsWith('{') && (EVE_HINT.test(firstLine) || isEveName(fileName))) return 'eve';
  return undefined;
}

/** The parser of a format. */
export function parserFor(format: Format): Parser {
  switch (format) {
    case 'eve':
      return eveParser;
    case 'stix21':
      return stix21Parser;
    case 'cef':
      return cefParser;
    case 'leef':
      return leefParser;
    case 'syslog':
      return syslogParser;
    case 'misp':
      return mispParser;
    case 'zeek':
      return zeekParser;
    case 'wazuh':
      return wazuhParser;
    case 'cowrie':
      return cowrieParser;
    case 'ecs':
      return ecsParser;
    case 'abusech':
      return abuseChParser;
    case 'spamhaus-drop':
      return spamhausDropParser;
    case 'kev':
      return kevParser;
    case 'csaf':
      return csafParser;
    default:
      return assertNever(format, 'format');
  }
}

function isEveName(fileName: string): boolean {
  const base = fileName.toLowerCase().split(/[\\/]/).pop() ?? '';
  return base.endsWith('.eve') || base === 'eve.json' || base.endsWith('-eve.json');
}
