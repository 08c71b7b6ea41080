/**
 * The 0-10 severity score of CEF and LEEF, mapped onto Lagebild's five
 * levels.
 *
 * ArcSight bands CEF's score 0-3 Low, 4-6 Medium, 7-8 High and 9-10
 * Very-High; QRadar's LEEF `sev` runs 1-10 on the same bands. Each band
 * keeps its name here, Very-High becomes critical, and 0, the bottom of the
 * scale that devices send for events they do not rate, becomes info:
 *
 *   0 → info, 1-3 → low, 4-6 → medium, 7-8 → high, 9-10 → critical.
 */
import type { Severity } from '../../shared/vocab';

/** Our severity of a 0-10 score given as text, or undefined when it is not one. */
export function severityOfScore(text: string): Severity | undefined {
  const value = text.trim();
  if (!/^\d{1,2}$/.test(value)) return undefined;
  const score = Number(value);
  if (score > 10) return undefined;
  if (score === 0) return 'info';
  if (score <= 3) return 'low';
  if (score <= 6) return 'medium';
  if (score <= 8) return 'high';
  return 'critical';
}
