/**
 * Timestamps as sensors and intel feeds write them, read into milliseconds
 * since the epoch. Anything doubtful is refused rather than guessed.
 */

// Fixed-width fields with no nested quantifiers: linear on any input.
const DATE = String.raw`(\d{4})-(\d{2})-(\d{2})`;
const TIME = String.raw`(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?`;
const ZONE = String.raw`(Z|[+-]\d{2}(?::?\d{2})?)`;
const ISO_8601 = new RegExp(`^${DATE}[T ]${TIME}${ZONE}?$`, 'i');

// An ISO timestamp is never longer than this; longer input is refused before matching.
const MAX_ISO_CHARS = 40;

// Epoch numbers below this are seconds: as milliseconds they would all fall in 1970-1973,
// as seconds they reach the year 5138.
const SECONDS_BELOW = 1e11;

// The range of an ECMAScript Date.
const MAX_EPOCH_MS = 8.64e15;

/**
 * Reads a timestamp into epoch milliseconds, or undefined when invalid.
 *
 * Strings: ISO 8601 date and time with `Z`, `+00:00`, `+0000` or `+00`
 * offsets and 1 to 9 fractional digits (cut to milliseconds). A timestamp
 * without a zone is read as UTC, because sensors that omit it almost always
 * log in UTC and the host's zone says nothing about the sensor's.
 *
 * Numbers: epoch seconds below 1e11, epoch milliseconds from there on.
 */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value === 'number') return parseEpoch(value);
  if (typeof value === 'string') return parseIso(value.trim());
  return undefined;
}

function parseEpoch(value: number): number | undefined {
  if (!Number.isFinite(value)) return undefined;
  const ms = Math.abs(value) < SECONDS_BELOW ? value * 1000 : value;
  return Math.abs(ms) <= MAX_EPOCH_MS ? Math.trunc(ms) : undefined;
}

function parseIso(text: string): number | undefined {
  if (text.length > MAX_ISO_CHARS) return undefined;
  const match = ISO_8601.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = '0', fraction = '', zone = 'Z'] = match;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  // A day that rolled over (31 April became 1 May) was not a date.
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) {
    return undefined;
  }
  const [h, m, s] = [Number(hour), Number(minute), Number(second)];
  // Second 60 is a leap second; Date carries it into the next minute.
  if (h > 23 || m > 59 || s > 60) return undefined;
  date.setUTCHours(h, m, s, Number(fraction.padEnd(3, '0').slice(0, 3)));
  const offset = zoneOffsetMinutes(zone);
  return offset === undefined ? undefined : date.getTime() - offset * 60_000;
}

/** Minutes east of UTC of `Z`, `+hh`, `+hhmm` or `+hh:mm`; undefined when out of range. */
function zoneOffsetMinutes(zone: string): number | undefined {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}
