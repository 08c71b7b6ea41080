/**
 * Bounding free text from feeds to what the model accepts: titles and tags
 * are cut, never rejected, so one long value does not cost the whole alert.
 */

/** Longest tag the model accepts. */
const MAX_TAG_CHARS = 200;

/** `text` cut to at most `max` UTF-16 units, ending in '…' when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // Never split a surrogate pair: half a character is not text.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * Tags from `candidates`: trimmed, empty ones dropped, each cut to
 * MAX_TAG_CHARS, duplicates dropped, at most `max` kept in order.
 */
export function boundTags(candidates: Iterable<string | undefined>, max: number): string[] {
  const tags = new Set<string>();
  for (const candidate of candidates) {
    if (tags.size >= max) break;
    const tag = candidate?.trim();
    if (tag) tags.add(truncate(tag, MAX_TAG_CHARS));
  }
  return [...tags];
}

/** A category as the model stores it: lower case, trimmed, at most 100 chars. */
export function normalizeCategory(text: string): string {
  return truncate(text.trim().toLowerCase(), 100);
}
