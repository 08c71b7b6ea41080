/**
 * Cowrie honeypot events (cowrie.json, one event per line). What an
 * attacker did becomes an alert: a login attempt, a command, a file
 * fetched or uploaded. Session bookkeeping (connects, client versions,
 * closes, forwarding) is counted by event id.
 */
import type { Severity } from '../../shared/vocab';
import { alertId } from './alert-id';
import { endpointOfValues } from './endpoint-values';
import { field, stringField, type JsonObject } from './fields';
import { parseJsonEvents, withJsonFileFraming, type EventResult } from './json-events';
import { boundTags, truncate } from './text';
import { parseTimestamp } from './time';
import type { ParseResult, Parser } from './types';

const MAX_TAGS = 20;

/** How each alert-worthy event id is rated and named. */
interface Activity {
  severity: Severity;
  category: string;
  title: (event: JsonObject) => string;
}

const quoted = (value: string | undefined) => JSON.stringify(value ?? '');

// A successful login or a command is an attacker at work; a file they
// fetched is likely malware, the most to act on.
const ACTIVITIES: ReadonlyMap<string, Activity> = new Map([
  [
    'cowrie.login.failed',
    {
      severity: 'low',
      category: 'brute force',
      title: (e) => `Honeypot login failed: ${quoted(stringField(e, 'username'))}`,
    },
  ],
  [
    'cowrie.login.success',
    {
      severity: 'medium',
      category: 'brute force',
      title: (e) => `Honeypot login succeeded: ${quoted(stringField(e, 'username'))}`,
    },
  ],
  [
    'cowrie.command.input',
    {
      severity: 'medium',
      category: 'command execution',
      title: (e) => `Honeypot command: ${stringField(e, 'input') ?? ''}`,
    },
  ],
  [
    'cowrie.command.failed',
    {
      severity: 'medium',
      category: 'command execution',
      title: (e) => `Honeypot command failed: ${stringField(e, 'input') ?? ''}`,
    },
  ],
  [
    'cowrie.session.file_download',
    {
      severity: 'high',
      category: 'malware',
      title: (e) => `Honeypot download: ${stringField(e, 'url') ?? stringField(e, 'shasum') ?? ''}`,
    },
  ],
  [
    'cowrie.session.file_upload',
    {
      severity: 'high',
      category: 'malware',
      title: (e) =>
        `Honeypot upload: ${stringField(e, 'filename') ?? stringField(e, 'shasum') ?? ''}`,
    },
  ],
]);

/** The cowrie parser: framing 'lines'; a file that is one JSON document is read whole. */
export const cowrieParser: Parser = {
  format: 'cowrie',
  framing: 'lines',
  parse: parseCowrieRecord,
  openStream: (head) => withJsonFileFraming(cowrieParser, head),
};

/** Parses one cowrie event (or an array of them); never throws. */
export function parseCowrieRecord(record: string): ParseResult {
  return parseJsonEvents(record, 'cowrie', cowrieEvent);
}

function cowrieEvent(event: JsonObject, raw: string): EventResult {
  const eventId = stringField(event, 'eventid')?.trim();
  if (!eventId) return { reason: 'cowrie event has no eventid' };
  const activity = ACTIVITIES.get(eventId);
  if (!activity) return { ignored: eventId };
  const observedAt = parseTimestamp(field(event, 'timestamp'));
  if (observedAt === undefined) {
    return {
      reason: `cowrie event has an invalid timestamp ${JSON.stringify(field(event, 'timestamp') ?? null).slice(0, 60)}`,
    };
  }
  const source = endpointOfValues(
    { ip: field(event, 'src_ip'), port: field(event, 'src_port') },
    'src_ip',
  );
  if (!source.ok) return { reason: `cowrie event has an ${source.reason}` };
  const destination = endpointOfValues(
    { ip: field(event, 'dst_ip'), port: field(event, 'dst_port') },
    'dst_ip',
  );
  if (!destination.ok) return { reason: `cowrie event has an ${destination.reason}` };
  const sensor = stringField(event, 'sensor');
  const session = stringField(event, 'session');
  return {
    alert: {
      id: alertId('cowrie', identity(event, eventId, raw)),
      kind: 'alert',
      observedAt,
      severity: activity.severity,
      title: truncate(activity.title(event), 500),
      category: activity.category,
      source: source.endpoint,
      destination: destination.endpoint,
      sectors: [],
      tags: boundTags(
        [
          'honeypot',
          eventId,
          stringField(event, 'protocol'),
          sensor && `sensor:${sensor}`,
          session && `session:${session}`,
          stringField(event, 'shasum') && `sha256:${stringField(event, 'shasum')}`,
        ],
        MAX_TAGS,
      ),
      signature: eventId,
      raw,
    },
  };
}

/** Sensor, session, event and time name an event; an event missing them is named by its text. */
function identity(event: JsonObject, eventId: string, raw: string): string {
  const sensor = stringField(event, 'sensor');
  const session = stringField(event, 'session');
  const timestamp = stringField(event, 'timestamp');
  if (session === undefined || timestamp === undefined) return raw;
  return JSON.stringify([sensor ?? '', session, eventId, timestamp]);
}
