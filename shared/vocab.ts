/**
 * Closed vocabularies of the normalized model: severities, kinds, TLP levels
 * and STIX 2.1 industry sectors. Plain data, importable from every process.
 */

/** Severity levels, least to most severe. The index is the stored rank. */
export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Rank of a severity (info = 0 … critical = 4), for sorting and maxima. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** What an item is: a sensor alert, a shared indicator, a sighting or an advisory. */
export const ALERT_KINDS = ['alert', 'indicator', 'sighting', 'advisory'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Where an incident stands in triage. */
export const INCIDENT_STATUSES = [
  'new',
  'acknowledged',
  'investigating',
  'resolved',
  'false-positive',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/**
 * TLP 2.0 levels, least to most restrictive. TLP 1.0's WHITE is read as
 * CLEAR; its AMBER and RED keep their names.
 */
export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];

/** Rank of a TLP level (clear = 0 … red = 4): higher is more restrictive. */
export function tlpRank(tlp: Tlp): number {
  return TLP_LEVELS.indexOf(tlp);
}

/** The more restrictive of two TLP levels. */
export function stricterTlp(a: Tlp, b: Tlp): Tlp {
  return tlpRank(a) >= tlpRank(b) ? a : b;
}

/**
 * Reads a TLP name as written by TLP 1.0 or 2.0 sources ("TLP:WHITE",
 * "tlp:amber+strict", "Green"). Returns undefined for anything else.
 */
export function parseTlpName(text: string): Tlp | undefined {
  const name = text
    .trim()
    .toLowerCase()
    .replace(/^tlp\s*:\s*/, '');
  if (name === 'white') return 'clear';
  return (TLP_LEVELS as readonly string[]).includes(name) ? (name as Tlp) : undefined;
}

/** The STIX 2.1 industry-sector-ov vocabulary (section 10.13 of the spec). */
export const SECTORS = [
  'agriculture',
  'aerospace',
  'automotive',
  'chemical',
  'commercial',
  'communications',
  'construction',
  'defense',
  'education',
  'energy',
  'entertainment',
  'financial-services',
  'government',
  'government-emergency-services',
  'government-local',
  'government-national',
  'government-public-services',
  'government-regional',
  'healthcare',
  'hospitality-leisure',
  'infrastructure',
  'infrastructure-dams',
  'infrastructure-nuclear',
  'infrastructure-water',
  'insurance',
  'manufacturing',
  'mining',
  'non-profit',
  'pharmaceuticals',
  'retail',
  'technology',
  'telecommunications',
  'transportation',
  'utilities',
] as const;
export type Sector = (typeof SECTORS)[number];

/** True when the text is a sector of the STIX 2.1 vocabulary. */
export function isSector(text: string): text is Sector {
  return (SECTORS as readonly string[]).includes(text);
}
