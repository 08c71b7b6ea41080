/**
 * ISO 3166-1 alpha-2 codes for world-atlas features, whose ids are ISO
 * numeric codes. The numeric-to-alpha table comes from i18n-iso-countries,
 * the maintained ISO list, rather than from a table copied by hand.
 */
import countries from 'i18n-iso-countries';

/**
 * Natural Earth areas without an ISO numeric code, mapped to the code that
 * IP geolocation databases report there. Siachen Glacier has none.
 */
const BY_NAME = {
  Kosovo: 'XK',
  Somaliland: 'SO',
  'N. Cyprus': 'CY',
  // Christmas Island and the Cocos Islands; Christmas Island is the larger.
  'Indian Ocean Ter.': 'CX',
};

/** The alpha-2 code of a world-atlas feature, or undefined when it has none. */
export function iso2Of(feature) {
  const byId = feature.id === undefined ? undefined : countries.numericToAlpha2(feature.id);
  return byId ?? BY_NAME[feature.properties?.name];
}
