/**
 * The secret values this process has read (feed passwords, tokens, keys),
 * in each form it sends them. Pattern redaction only catches a secret that
 * is labelled as one; a server that echoes the credentials it was sent into
 * a redirect target, a content type or a body would otherwise put them in
 * the log and in the feed's error that every client (walls too) is shown.
 */

/** Shorter values are not remembered: they would blank out ordinary words. */
const MIN_LENGTH = 6;

const MARKER = '[redacted]';

const known = new Set<string>();

/** Remembers a secret, and the forms it travels in, so that `scrubSecrets` removes them. */
export function rememberSecret(value: string, ...sentAs: string[]): void {
  for (const form of [value, encodeURIComponent(value), ...sentAs]) {
    if (form.length >= MIN_LENGTH) known.add(form);
  }
}

/** `text` with every remembered secret replaced by a marker. */
export function scrubSecrets(text: string): string {
  let scrubbed = text;
  for (const secret of known) scrubbed = scrubbed.replaceAll(secret, MARKER);
  return scrubbed;
}
