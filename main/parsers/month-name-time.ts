/**
 * Timestamps written with an English month name, as BSD syslog (RFC 3164)
 * and device times in CEF and LEEF write them: "Oct 11 22:14:15",
 * "Apr 11 2020 10:42:13", "Nov 21 2019 13:44:35.123 UTC".
 */
import { parseTimestamp } from './time';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// Fixed fields separated by runs of spaces: linear on any input.
const MONTH_NAME_TIME =
  /^([a-z]{3}) +(\d{1,2}) +(?:(\d{4}) +)?(\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(?: +(z|utc|gmt|[+-]\d{2}:?\d{2}))?$/i;

const MAX_CHARS = 48;

// A clock a day ahead of ours is skew; a date further ahead was last year's.
const FUTURE_SLACK_MS = 24 * 3600_000;

/**
 * Reads "Mmm d[d] [yyyy] hh:mm:ss[.fff] [zone]" into epoch milliseconds, or
 * undefined. Without a zone the time is read as UTC, like every zoneless
 * timestamp in Lagebild. Without a year it is the year that puts the time
 * nearest before `now` (a December message read in January is last year's).
 */
export function parseMonthNameTime(text: string, now: number): number | undefined {
  const value = text.trim();
  if (value.length > MAX_CHARS) return undefined;
  const match = MONTH_NAME_TIME.exec(value);
  if (!match) return undefined;
  const [, monthName = '', day = '', year, time = '', fraction, zone = 'Z'] = match;
  const month = MONTHS.indexOf(monthName.toLowerCase()) + 1;
  if (month === 0) return undefined;
  const at = (y: number) => {
    const date = `${String(y).padStart(4, '0')}-${pad(month)}-${pad(Number(day))}`;
    const iso = `${date}T${time}${fraction ? `.${fraction}` : ''}${zoneOf(zone)}`;
    return parseTimestamp(iso);
  };
  if (year !== undefined) return at(Number(year));
  const thisYear = new Date(now).getUTCFullYear();
  const guess = at(thisYear);
  return guess !== undefined && guess > now + FUTURE_SLACK_MS ? at(thisYear - 1) : guess;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function zoneOf(zone: string): string {
  return /^(z|utc|gmt)$/i.test(zone) ? 'Z' : zone;
}
