/**
 * A Zeek notice (notice.log) as an alert: the notice type is the
 * signature, the message the title, `src`/`dst` (else the connection's
 * originator and responder) the endpoints.
 */
import type { Severity } from '../../../shared/vocab';
import { alertId } from '../alert-id';
import { endpointOfValues } from '../endpoint-values';
import { field, stringField, stringsField, type JsonObject } from '../fields';
import type { EventResult } from '../json-events';
import { boundTags, truncate } from '../text';
import { parseTimestamp } from '../time';

const MAX_TAGS = 20;

/** Actions that say the notice was judged worth waking someone for, or acting on. */
const URGENT_ACTIONS = new Set(['Notice::ACTION_ALARM', 'Notice::ACTION_DROP']);

/** The alert of one notice record (flat, dotted keys as Zeek writes them). */
export function noticeAlert(record: JsonObject, raw: string): EventResult {
  const note = stringField(record, 'note')?.trim();
  if (!note) return { reason: 'Zeek notice has no note' };
  const observedAt = parseTimestamp(field(record, 'ts'));
  if (observedAt === undefined) {
    return {
      reason: `Zeek notice has an invalid ts ${JSON.stringify(field(record, 'ts') ?? null)}`,
    };
  }
  const source = endpointOfValues(
    { ip: field(record, 'src') ?? field(record, 'id.orig_h'), port: field(record, 'id.orig_p') },
    'src',
  );
  if (!source.ok) return { reason: `Zeek notice has an ${source.reason}` };
  const destination = endpointOfValues(
    {
      ip: field(record, 'dst') ?? field(record, 'id.resp_h'),
      port: field(record, 'p') ?? field(record, 'id.resp_p'),
    },
    'dst',
  );
  if (!destination.ok) return { reason: `Zeek notice has an ${destination.reason}` };
  const actions = stringsField(record, 'actions');
  const message = stringField(record, 'msg')?.trim();
  return {
    alert: {
      id: alertId('zeek-notice', nativeIdentity(record)),
      kind: 'alert',
      observedAt,
      severity: severityOf(record, actions),
      title: truncate(message || note, 500),
      category: categoryOf(note),
      source: source.endpoint,
      destination: destination.endpoint,
      sectors: [],
      tags: boundTags(
        [note, stringField(record, 'proto'), ...actions, stringField(record, 'peer_descr')],
        MAX_TAGS,
      ),
      signature: truncate(`zeek:${note}`, 300),
      raw,
    },
  };
}

/**
 * Zeek gives a notice no id of its own; its time, type, connection and
 * message name it, the same whether it was logged as JSON or TSV.
 */
function nativeIdentity(record: JsonObject): string {
  const keys = ['ts', 'note', 'uid', 'src', 'dst', 'id.orig_h', 'id.resp_h', 'msg', 'sub'];
  return JSON.stringify(keys.map((key) => field(record, key) ?? null));
}

/** Zeek rates no notice; one it acted on (alarm, drop) is high, every other medium. */
function severityOf(record: JsonObject, actions: string[]): Severity {
  if (field(record, 'dropped') === true) return 'high';
  return actions.some((action) => URGENT_ACTIONS.has(action)) ? 'high' : 'medium';
}

/** The category a notice type names: Zeek's scan and password-guessing notices, else 'notice'. */
function categoryOf(note: string): string {
  if (/^Scan::/i.test(note)) return 'scan';
  if (/password_guessing|brute/i.test(note)) return 'brute force';
  return 'notice';
}
