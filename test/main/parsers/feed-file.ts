/**
 * A sample file through a format's parser as `lagebild import` reads it:
 * opened on its head, framed as lines or read whole, results totalled.
 */
import { parserFor } from '../../../main/parsers/detect';
import type { Format, ParseResult, ParsedAlert } from '../../../main/parsers/types';
import { ParseResultSchema, readSample } from './samples';

/** What a file gave: alerts, ignored counts and every failure or rejection reason. */
export interface FileResult {
  alerts: ParsedAlert[];
  ignored: Record<string, number>;
  failures: string[];
}

/** Parses text as one file of `format`; every result is checked against the contract. */
export function parseText(text: string, format: Format): FileResult {
  const base = parserFor(format);
  const parser = base.openStream?.(text.slice(0, 4096)) ?? base;
  const records =
    parser.framing === 'document' ? [text] : text.split('\n').filter((line) => line.trim());
  const total: FileResult = { alerts: [], ignored: {}, failures: [] };
  records.forEach((record, index) => {
    const result: ParseResult = parser.parse(record, `line ${index + 1}`);
    const checked = ParseResultSchema.safeParse(result);
    if (!checked.success) throw new Error(checked.error.message);
    if (!result.ok) {
      total.failures.push(result.reason);
      return;
    }
    total.alerts.push(...result.alerts);
    for (const [type, count] of Object.entries(result.ignored ?? {})) {
      total.ignored[type] = (total.ignored[type] ?? 0) + count;
    }
    total.failures.push(...(result.rejected ?? []).map((rejected) => rejected.reason));
  });
  return total;
}

/** Parses a sample file as `format`. */
export function parseSampleFile(path: string, format: Format): FileResult {
  return parseText(readSample(path), format);
}
