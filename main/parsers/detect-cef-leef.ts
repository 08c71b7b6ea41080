/** Tells a file of CEF or LEEF records, with or without syslog headers, by its first line. */
import { countPipeFields } from './pipe-header';
import { openEnvelope } from './syslog-envelope';

// Header fields before the extension: a line with fewer is no record of the kind.
const HEADER_FIELDS = { CEF: 7, LEEF: 5 } as const;

/**
 * 'cef' or 'leef' when the first line of `head` is such a record: a syslog
 * message carrying one, or a line that starts with `CEF:` or `LEEF:`.
 */
export function detectCefOrLeef(head: string): 'cef' | 'leef' | undefined {
  const newline = head.indexOf('\n');
  const firstLine = (newline < 0 ? head : head.slice(0, newline)).trim();
  const opened = openEnvelope(firstLine, Date.now());
  if (!opened.ok) return undefined;
  const { header, kind, payload } = opened.envelope;
  // Without a header the payload must be the whole line, not a word in prose.
  if (!header && payload !== firstLine) return undefined;
  if (countPipeFields(payload) < HEADER_FIELDS[kind]) return undefined;
  return kind === 'CEF' ? 'cef' : 'leef';
}
