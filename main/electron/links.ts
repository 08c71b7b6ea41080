/**
 * Which links leave the app for the system browser: plain https addresses
 * only, so a page cannot make the desktop open files, mail clients or other
 * protocol handlers.
 */

/** Longest link handed to the system browser. */
const MAX_LINK_LENGTH = 2048;

/** The normalized https URL to open externally, or undefined when the link must not leave. */
export function externalLinkTarget(text: string): string | undefined {
  if (text.length > MAX_LINK_LENGTH) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.hostname === '') return undefined;
  // "https://trusted.example@evil.example" shows one host and opens another.
  if (url.username !== '' || url.password !== '') return undefined;
  return url.href;
}
