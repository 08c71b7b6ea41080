/**
 * The MISP sector galaxy (misp-galaxy:sector, CERT-EU's list of activity
 * sectors) read into the STIX 2.1 industry-sector vocabulary. The galaxy
 * has far more values than STIX has sectors, so several map to one; values
 * that name no industry (activists, citizens, "Unknown") map to none.
 */
import { isSector, type Sector } from '../../../shared/vocab';

/** The STIX sectors of each galaxy value and its synonyms, by lower-case name. */
const GALAXY_SECTORS: ReadonlyMap<string, readonly Sector[]> = new Map<string, Sector[]>([
  ['academia - university', ['education']],
  ['accounting', ['commercial']],
  ['advertising', ['commercial']],
  ['aerospace', ['aerospace']],
  ['agriculture', ['agriculture']],
  ['arts', ['entertainment']],
  ['automotive', ['automotive']],
  ['bank', ['financial-services']],
  ['biomedical', ['healthcare']],
  ['casino', ['hospitality-leisure']],
  ['chemical', ['chemical']],
  ['civil aviation', ['transportation']],
  ['civil society', ['non-profit']],
  ['communication equipment', ['telecommunications']],
  ['construction', ['construction']],
  ['consulting', ['commercial']],
  ['country', ['government-national']],
  ['culture', ['entertainment']],
  ['data broker', ['commercial']],
  ['defense', ['defense']],
  ['digital infrastructure', ['technology']],
  ['digital services', ['technology']],
  ['diplomacy', ['government-national']],
  ['dns service provider', ['technology']],
  ['ecommerce', ['retail']],
  ['education', ['education']],
  ['electric', ['energy', 'utilities']],
  ['electronic', ['technology']],
  ['energy', ['energy']],
  ['entertainment', ['entertainment']],
  ['finance', ['financial-services']],
  ['game', ['entertainment']],
  ['gas', ['energy', 'utilities']],
  ['government, administration', ['government']],
  ['health', ['healthcare']],
  ['high tech', ['technology']],
  ['higher education', ['education']],
  ['hospitality', ['hospitality-leisure']],
  ['hotels', ['hospitality-leisure']],
  ['immigration', ['government-national']],
  ['industrial', ['manufacturing']],
  ['infrastructure', ['infrastructure']],
  ['insurance', ['insurance']],
  ['intelligence', ['government-national']],
  ['investment', ['financial-services']],
  ['islamic organisation', ['non-profit']],
  ['it', ['technology']],
  ['it - isp', ['telecommunications']],
  ['it - security', ['technology']],
  ['journalist', ['communications']],
  ['justice', ['government']],
  ['lawyers', ['commercial']],
  ['legal', ['commercial']],
  ['life science', ['pharmaceuticals']],
  ['logistic', ['transportation']],
  ['managed services provider', ['technology']],
  ['manufacturing', ['manufacturing']],
  ['maritime', ['transportation']],
  ['marketing', ['commercial']],
  ['metal', ['manufacturing']],
  ['military', ['defense']],
  ['mining', ['mining']],
  ['news - media', ['communications']],
  ['ngo', ['non-profit']],
  ['non-profit organisation', ['non-profit']],
  ['oil', ['energy']],
  ['online marketplace', ['retail']],
  ['payment', ['financial-services']],
  ['petrochemical', ['chemical', 'energy']],
  ['pharmacy', ['pharmaceuticals']],
  ['police - law enforcement', ['government-emergency-services']],
  ['programming', ['technology']],
  ['publishing industry', ['communications']],
  ['railway', ['transportation']],
  ['restaurant', ['hospitality-leisure']],
  ['retail', ['retail']],
  ['satellite navigation', ['aerospace']],
  ['security actors', ['technology']],
  ['security service', ['government-national']],
  ['security systems', ['technology']],
  ['semi-conductors', ['technology']],
  ['shipping', ['transportation']],
  ['smart meter', ['utilities']],
  ['social networks', ['communications']],
  ['space', ['aerospace']],
  ['sport', ['entertainment']],
  ['steel', ['manufacturing']],
  ['streaming service', ['entertainment']],
  ['tax firm', ['commercial']],
  ['technology', ['technology']],
  ['telecoms', ['telecommunications']],
  ['television broadcast', ['communications']],
  ['think tanks', ['non-profit']],
  ['tourism', ['hospitality-leisure']],
  ['trade', ['commercial']],
  ['transport', ['transportation']],
  ['travel', ['hospitality-leisure']],
  ['turbine', ['energy']],
  ['veterinary', ['healthcare']],
  ['video sharing', ['entertainment']],
  ['water', ['infrastructure-water', 'utilities']],
  // The galaxy's own synonyms.
  ['administration', ['government']],
  ['charitable', ['non-profit']],
  ['financial', ['financial-services']],
  ['government', ['government']],
  ['healthcare', ['healthcare']],
  ['ics', ['manufacturing']],
  ['media', ['communications']],
  ['news', ['communications']],
  ['non-profit-making', ['non-profit']],
  ['not-for-profit', ['non-profit']],
  ['pharmaceutical', ['pharmaceuticals']],
  ['semiconductor', ['technology']],
  ['telecommunications', ['telecommunications']],
  ['transportation', ['transportation']],
  ['voluntary', ['non-profit']],
  // Names analysts often tag by hand instead of the galaxy's.
  ['banking', ['financial-services']],
  ['financial services', ['financial-services']],
  ['oil and gas', ['energy']],
  ['oil & gas', ['energy']],
  ['telecommunication', ['telecommunications']],
  ['utilities', ['utilities']],
  ['university', ['education']],
  ['universities', ['education']],
]);

/**
 * Galaxy values that deliberately name no STIX sector: groups of people,
 * causes and placeholders rather than industries. Listed so that a test
 * can tell a value left out on purpose from one forgotten.
 */
export const UNMAPPED_GALAXY_SECTORS: ReadonlySet<string> = new Set([
  'activists',
  'citizens',
  'development',
  'dissidents',
  'employment',
  'engineering',
  'environment',
  'food',
  'islamic forums',
  'it - hacker',
  'multi-sector',
  'opposition',
  'other',
  'political party',
  'research - innovation',
  'separatists',
  'unknown',
]);

/** The lookup key of a sector name: lower case, single spaces. */
export function sectorKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * The STIX sectors of a sector galaxy value or alias; a STIX sector name
 * is itself. An empty list for values that name no industry or are unknown.
 */
export function sectorsOfGalaxyValue(value: string): readonly Sector[] {
  const key = sectorKey(value);
  if (isSector(key)) return [key];
  return GALAXY_SECTORS.get(key) ?? [];
}
