/**
 * A CEF or LEEF record with whatever carried it: a syslog header (RFC 5424
 * or 3164) or none, as in a file of bare records. Opening the envelope
 * finds the payload; the stable id of the alert comes from the payload and
 * the header's timestamp and host, so a message sent twice is stored once.
 */
import { alertId } from './alert-id';
import { hasSyslogHeader, parseSyslogHeader, type SyslogHeader } from './syslog-header';

/** The payload formats a syslog message may carry. */
export type PayloadKind = 'CEF' | 'LEEF';

/** An opened record: its header, if any, and the payload from its `CEF:` or `LEEF:` on. */
export interface SyslogEnvelope {
  header?: SyslogHeader;
  kind: PayloadKind;
  payload: string;
}

/** An envelope, or why the record holds no CEF or LEEF payload. */
export type EnvelopeResult = { ok: true; envelope: SyslogEnvelope } | { ok: false; reason: string };

// The first marker wins; a sender's tag or prefix may stand before it.
const PAYLOAD = /(?:^|[^A-Za-z])(CEF|LEEF):\d/;

/** Opens one record (one line or one syslog message); `now` places a BSD timestamp. */
export function openEnvelope(record: string, now: number): EnvelopeResult {
  const text = record.trim();
  let header: SyslogHeader | undefined;
  let message = text;
  if (hasSyslogHeader(text)) {
    const parsed = parseSyslogHeader(text, now);
    if (!parsed.ok) return parsed;
    header = parsed.header;
    message = header.message;
  }
  const marker = PAYLOAD.exec(message);
  if (!marker) {
    const start = JSON.stringify(message.slice(0, 40));
    return { ok: false, reason: `payload is neither CEF nor LEEF (it starts ${start})` };
  }
  const kind = marker[1] as PayloadKind;
  const payload = message.slice(marker.index + marker[0].indexOf(kind)).trimEnd();
  return { ok: true, envelope: header ? { header, kind, payload } : { kind, payload } };
}

/** The stable id of the alert in an envelope: payload, header timestamp and host. */
export function envelopeAlertId(envelope: SyslogEnvelope): string {
  const { header, kind, payload } = envelope;
  const identity = `${header?.timestampText ?? ''}\0${header?.hostname ?? ''}\0${payload}`;
  return alertId(kind.toLowerCase(), identity);
}
