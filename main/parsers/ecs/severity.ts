/**
 * The severity of an ECS alert, from what Elastic and other producers
 * write, most specific first:
 *
 * - a severity word (`kibana.alert.severity`, `signal.rule.severity`,
 *   `event.severity` as text): low, medium, high, critical as they are;
 * - a risk score 0-100 (`kibana.alert.risk_score`, `signal.rule.risk_score`,
 *   `event.risk_score`) on Elastic's own bands: below 22 low, below 48
 *   medium, below 74 high, then critical;
 * - `event.severity` as a number, whose scale ECS leaves to the producer:
 *   0-10 is read as CEF's score (most ECS alerts come from CEF or
 *   syslog-style sources), a larger one as a risk score.
 */
import type { Severity } from '../../../shared/vocab';
import type { JsonObject } from '../fields';
import { severityOfScore } from '../vendor-severity';
import { ecsNumber, ecsString } from './path';

const WORDS = new Set<Severity>(['info', 'low', 'medium', 'high', 'critical']);

/** The severity of `document`, or `fallback` when it states none. */
export function ecsSeverity(document: JsonObject, fallback: Severity): Severity {
  for (const path of ['kibana.alert.severity', 'signal.rule.severity', 'event.severity']) {
    const word = ecsString(document, path)?.trim().toLowerCase();
    if (word && WORDS.has(word as Severity)) return word as Severity;
  }
  for (const path of ['kibana.alert.risk_score', 'signal.rule.risk_score', 'event.risk_score']) {
    const risk = ecsNumber(document, path);
    if (risk !== undefined && risk >= 0 && risk <= 100) return severityOfRisk(risk);
  }
  const severity = ecsNumber(document, 'event.severity');
  if (severity === undefined || severity < 0) return fallback;
  if (severity <= 10 && Number.isInteger(severity)) {
    return severityOfScore(String(severity)) ?? fallback;
  }
  return severity <= 100 ? severityOfRisk(severity) : fallback;
}

function severityOfRisk(risk: number): Severity {
  if (risk < 22) return 'low';
  if (risk < 48) return 'medium';
  if (risk < 74) return 'high';
  return 'critical';
}
