/**
 * The Spamhaus DROP and EDROP lists ("Don't Route Or Peer"): one network
 * per line, `CIDR ; SBL id`, with `;` comments. Each network is an
 * indicator of medium severity: whole hijacked or criminal ranges, listed
 * to be blocked, not evidence of an attack on us.
 */
import { alertId } from './alert-id';
import { parseMonthNameTime } from './month-name-time';
import { canonicalIp } from './network';
import type { ParseResult, Parser } from './types';

/** The DROP parser without a header (entries get the time they are read); files use `openStream`. */
export const spamhausDropParser: Parser = {
  format: 'spamhaus-drop',
  framing: 'lines',
  parse: (record) => parseDropRecord(record, {}),
  openStream: (head) => dropStreamParser(head),
};

interface ListState {
  modifiedAt?: number;
}

// "; Last-Modified: Mon, 14 Sep 2015 04:39:22 GMT" (an HTTP date).
const LAST_MODIFIED =
  /^;\s*Last-Modified:\s*\w{3}, (\d{2}) (\w{3}) (\d{4}) (\d{2}:\d{2}:\d{2}) GMT$/i;

/** A parser for one list file that dates its entries by the list's Last-Modified line. */
export function dropStreamParser(head: string): Parser {
  const state: ListState = {};
  for (const line of head.split('\n')) {
    if (!line.startsWith(';')) break;
    parseDropRecord(line, state);
  }
  return { ...spamhausDropParser, parse: (record) => parseDropRecord(record, state) };
}

/** Parses one line of a DROP list; never throws. */
export function parseDropRecord(record: string, state: ListState): ParseResult {
  try {
    return parseLine(record.trim(), state);
  } catch (error) {
    return { ok: false, reason: `DROP line could not be read: ${String(error).slice(0, 120)}` };
  }
}

function parseLine(line: string, state: ListState): ParseResult {
  if (line.startsWith(';')) {
    const modified = LAST_MODIFIED.exec(line);
    if (modified) {
      const [, day, month, year, time] = modified;
      const at = parseMonthNameTime(`${month} ${day} ${year} ${time} GMT`, Date.now());
      state.modifiedAt = at ?? state.modifiedAt;
    }
    return { ok: true, alerts: [], ignored: { comment: 1 } };
  }
  const [network = '', sbl = ''] = line.split(';').map((part) => part.trim());
  const cidr = canonicalCidr(network);
  if (!cidr) {
    return {
      ok: false,
      reason: `DROP line is no CIDR network: ${JSON.stringify(line.slice(0, 60))}`,
    };
  }
  const listing = /^SBL\d+$/.test(sbl) ? sbl : undefined;
  return {
    ok: true,
    alerts: [
      {
        id: alertId('spamhaus-drop', cidr),
        kind: 'indicator',
        observedAt: state.modifiedAt ?? Date.now(),
        severity: 'medium',
        title: `Spamhaus DROP: ${cidr}${listing ? ` (${listing})` : ''}`,
        category: 'hijacked network',
        // A network is no address: the range is named in the tags, not placed.
        sectors: [],
        tags: ['spamhaus-drop', `cidr:${cidr}`, ...(listing ? [`sbl:${listing}`] : [])],
        signature: `indicator:${cidr}`,
        raw: line,
      },
    ],
  };
}

/** `address/prefix` with the address in canonical form, or undefined. */
function canonicalCidr(text: string): string | undefined {
  const [address = '', prefix = '', ...rest] = text.split('/');
  const ip = canonicalIp(address);
  if (!ip || rest.length > 0 || !/^\d{1,3}$/.test(prefix)) return undefined;
  return Number(prefix) <= (ip.includes(':') ? 128 : 32) ? `${ip}/${Number(prefix)}` : undefined;
}
