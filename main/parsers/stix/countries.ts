/**
 * Countries as STIX producers write them, read into ISO 3166-1 alpha-2:
 * the spec's alpha-2, OpenCTI's alpha-3 ("DZA"), or an English name
 * ("France", as OpenCTI's sighting extension gives it).
 */
import {
  alpha2ToAlpha3,
  alpha3ToAlpha2,
  getAlpha2Code,
  registerLocale,
} from 'i18n-iso-countries/index.js';
import english from 'i18n-iso-countries/langs/en.json';

// The package's own entry point loads all 80 locales; English names are all feeds use.
registerLocale(english);

const MAX_NAME_CHARS = 100;

/** The upper-case alpha-2 code of a country code or English name, or undefined. */
export function countryCode(text: string): string | undefined {
  const trimmed = text.trim();
  const upper = trimmed.toUpperCase();
  // The package looks codes up in plain objects: only well-formed codes may reach it,
  // or "constructor" would find Object's.
  if (/^[A-Z]{2}$/.test(upper)) return isCode(alpha2ToAlpha3(upper)) ? upper : undefined;
  if (/^[A-Z]{3}$/.test(upper)) {
    const alpha2 = alpha3ToAlpha2(upper);
    if (isCode(alpha2)) return alpha2;
  }
  if (trimmed.length === 0 || trimmed.length > MAX_NAME_CHARS) return undefined;
  const named = getAlpha2Code(trimmed, 'en');
  return isCode(named) && /^[A-Z]{2}$/.test(named) ? named : undefined;
}

function isCode(value: unknown): value is string {
  return typeof value === 'string';
}
