/**
 * The severity of a CSAF advisory: its aggregate severity where the
 * publisher gave one (Red Hat's Critical/Important/Moderate/Low, or the
 * CVSS words), else the highest CVSS base severity of its
 * vulnerabilities. A VEX document that says only "not affected" or
 * "fixed" is information; anything else unrated is medium.
 */
import { severityRank, type Severity } from '../../../shared/vocab';
import { objectField, objectsField, stringField, type JsonObject } from '../fields';

const WORDS: ReadonlyMap<string, Severity> = new Map([
  ['critical', 'critical'],
  ['important', 'high'],
  ['high', 'high'],
  ['moderate', 'medium'],
  ['medium', 'medium'],
  ['low', 'low'],
  ['none', 'info'],
]);

// Product states in which something may still be exposed.
const EXPOSED_STATES = ['known_affected', 'under_investigation', 'first_affected', 'last_affected'];

/** The severity of one advisory. */
export function csafSeverity(document: JsonObject, vulnerabilities: JsonObject[]): Severity {
  const aggregate = stringField(objectField(document, 'aggregate_severity') ?? {}, 'text');
  const stated = aggregate === undefined ? undefined : WORDS.get(aggregate.trim().toLowerCase());
  if (stated) return stated;
  let highest: Severity | undefined;
  for (const vulnerability of vulnerabilities) {
    for (const score of objectsField(vulnerability, 'scores')) {
      const cvss = objectField(score, 'cvss_v3') ?? objectField(score, 'cvss_v2') ?? {};
      const word = stringField(cvss, 'baseSeverity')?.toLowerCase();
      const severity = word === undefined ? undefined : WORDS.get(word);
      if (severity && (!highest || severityRank(severity) > severityRank(highest))) {
        highest = severity;
      }
    }
  }
  if (highest) return highest;
  const exposed = vulnerabilities.some((vulnerability) => {
    const status = objectField(vulnerability, 'product_status') ?? {};
    return EXPOSED_STATES.some((state) => Object.hasOwn(status, state));
  });
  const isVex = stringField(document, 'category') === 'csaf_vex';
  return isVex && !exposed ? 'info' : 'medium';
}
