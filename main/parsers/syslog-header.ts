/**
 * The header of a syslog message, RFC 5424 or RFC 3164 (BSD), read off the
 * front of the message so that what follows can be parsed on its own.
 */
import { parseMonthNameTime } from './month-name-time';
import { parseTimestamp } from './time';

/** What a syslog header says. Fields the sender left out (or wrote as `-`) are absent. */
export interface SyslogHeader {
  protocol: 'rfc5424' | 'rfc3164';
  /** Syslog facility, 0-23. */
  facility: number;
  /** Syslog's own severity, 0 (emergency) to 7 (debug). */
  severity: number;
  /** The timestamp as written: part of a message's identity, whatever it means. */
  timestampText?: string;
  /** The timestamp in epoch milliseconds, when it could be read. */
  timestamp?: number;
  hostname?: string;
  appName?: string;
  procId?: string;
  msgId?: string;
  /** RFC 5424 structured data, as written. */
  structuredData?: string;
  /** What follows the header. */
  message: string;
}

/** A header, or why the text does not start with one. */
export type HeaderResult = { ok: true; header: SyslogHeader } | { ok: false; reason: string };

const PRI = /^<(\d{1,3})>/;
const MAX_PRI = 191; // facility 23, severity 7
const NIL = '-';
const BOM = '\uFEFF';

// "Oct 11 22:14:15", "Mar 7 19:06:53:" (a colon some senders add), or an ISO timestamp.
const BSD_TIME = /^[a-z]{3} +\d{1,2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\S{8,32}/;
// TAG[pid]: as BSD senders write it; the colon must end the word, so "CEF:0|" is no tag.
const BSD_TAG = /^([^\s:[\]]{1,48})(?:\[([^\]\s]{1,128})\])?:(?=\s|$)/;
// rsyslog's traditional forward format writes a tag taken from an RFC 5424
// APP-NAME without the colon; before a CEF or LEEF payload it is still a tag.
const BARE_TAG_BEFORE_PAYLOAD = /^([^\s:[\]]{1,48})(?:\[([^\]\s]{1,128})\])? (?=(?:CEF|LEEF):\d)/;
const PAYLOAD_START = /^(?:CEF|LEEF):\d/;

/** True when the text starts like a syslog message (`<PRI>`). */
export function hasSyslogHeader(text: string): boolean {
  return PRI.test(text);
}

/** Reads the header at the start of `text`; `now` places a BSD timestamp, which has no year. */
export function parseSyslogHeader(text: string, now: number): HeaderResult {
  const pri = PRI.exec(text);
  if (!pri) return { ok: false, reason: 'syslog message does not start with <PRI>' };
  const value = Number(pri[1]);
  if (value > MAX_PRI) return { ok: false, reason: `syslog PRI ${value} is over ${MAX_PRI}` };
  const priority = { facility: value >> 3, severity: value & 7 };
  const rest = text.slice(pri[0].length);
  return rest.startsWith('1 ')
    ? rfc5424(rest.slice(2), priority)
    : { ok: true, header: { protocol: 'rfc3164', ...priority, ...bsd(rest.trimStart(), now) } };
}

type Priority = { facility: number; severity: number };

function rfc5424(text: string, priority: Priority): HeaderResult {
  const fields: string[] = [];
  let at = 0;
  // TIMESTAMP HOSTNAME APP-NAME PROCID MSGID, each ended by one space.
  while (fields.length < 5) {
    const space = text.indexOf(' ', at);
    if (space < 0) return { ok: false, reason: 'RFC 5424 header is cut short' };
    fields.push(text.slice(at, space));
    at = space + 1;
  }
  const [timestampText = NIL, hostname, appName, procId, msgId] = fields;
  const timestamp = timestampText === NIL ? undefined : parseTimestamp(timestampText);
  if (timestampText !== NIL && timestamp === undefined) {
    return { ok: false, reason: `RFC 5424 timestamp "${timestampText.slice(0, 40)}" is invalid` };
  }
  const sdEnd = structuredDataEnd(text, at);
  if (sdEnd === undefined) return { ok: false, reason: 'RFC 5424 structured data is unterminated' };
  const structuredData = text.slice(at, sdEnd);
  let message = text.slice(sdEnd + 1);
  if (message.startsWith(BOM)) message = message.slice(BOM.length);
  return {
    ok: true,
    header: {
      protocol: 'rfc5424',
      ...priority,
      ...present({ timestampText, hostname, appName, procId, msgId, structuredData }),
      ...(timestamp === undefined ? {} : { timestamp }),
      message,
    },
  };
}

/**
 * Where the structured data starting at `from` ends: `-`, or `[...]`
 * elements one after another, whose quoted values may hold an escaped `"`
 * or `]`. Undefined when an element never closes.
 */
function structuredDataEnd(text: string, from: number): number | undefined {
  if (text.startsWith(NIL, from)) return from + 1;
  let at = from;
  while (text[at] === '[') {
    let quoted = false;
    for (at += 1; at < text.length; at += 1) {
      const char = text[at];
      if (quoted && char === '\\') at += 1;
      else if (char === '"') quoted = !quoted;
      else if (!quoted && char === ']') break;
    }
    if (at >= text.length) return undefined;
    at += 1;
  }
  return at === from ? undefined : at;
}

/**
 * The BSD header after the PRI: TIMESTAMP HOSTNAME TAG: MSG, where senders
 * leave out what they like. A missing timestamp leaves the rest as it is; a
 * CEF or LEEF payload where the host name should be means there is none.
 */
function bsd(text: string, now: number): Omit<SyslogHeader, 'protocol' | 'facility' | 'severity'> {
  const time = BSD_TIME.exec(text) ?? ISO_TIME.exec(text);
  if (!time) return { message: text };
  const timestampText = time[0];
  const timestamp = parseMonthNameTime(timestampText, now) ?? parseTimestamp(timestampText);
  let rest = text.slice(timestampText.length).replace(/^:/, '').replace(/^ +/, '');
  let hostname: string | undefined;
  if (!PAYLOAD_START.test(rest)) {
    const space = rest.indexOf(' ');
    hostname = space < 0 ? rest : rest.slice(0, space);
    rest = space < 0 ? '' : rest.slice(space + 1);
  }
  const tag = BSD_TAG.exec(rest) ?? BARE_TAG_BEFORE_PAYLOAD.exec(rest);
  const message = tag ? rest.slice(tag[0].length).replace(/^ /, '') : rest;
  return {
    timestampText,
    ...(timestamp === undefined ? {} : { timestamp }),
    ...present({ hostname, appName: tag?.[1], procId: tag?.[2] }),
    message,
  };
}

/** The fields that hold a value: not absent, empty or syslog's nil `-`. */
function present<T extends Record<string, string | undefined>>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(
      ([, value]) => value !== undefined && value !== '' && value !== NIL,
    ),
  ) as Partial<T>;
}
