/**
 * The time a device gives an event inside a CEF or LEEF record (CEF `rt`,
 * `end`, `start`; LEEF `devTime`), in whichever of the usual forms.
 */
import { parseMonthNameTime } from './month-name-time';
import { parseTimestamp } from './time';

/**
 * Epoch milliseconds of a device time, or undefined: epoch seconds or
 * milliseconds, ISO 8601, or a month-name form ("Apr 11 2020 10:42:13").
 */
export function parseDeviceTime(text: string | undefined, now: number): number | undefined {
  if (text === undefined) return undefined;
  const value = text.trim();
  if (/^\d{1,16}$/.test(value)) return parseTimestamp(Number(value));
  return parseTimestamp(value) ?? parseMonthNameTime(value, now);
}
