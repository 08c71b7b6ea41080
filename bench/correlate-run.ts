/**
 * Correlation alone: alerts through a Correlator on a new cache, driven as
 * a commit drives it (each alert placed and taken, the changed incidents
 * written once per batch, one transaction per batch) but without storing
 * the alerts. Beside the raw insert rate of the same rows it shows what
 * grouping alerts into incidents costs against the floor of writing them.
 */
import type { Alert } from '../shared/model';
import { Correlator } from '../main/correlate/correlator';
import type { Enricher } from '../main/enrich/enricher';
import { parserFor } from '../main/parsers/detect';
import { openDatabase } from '../main/store/db';
import { Statements } from '../main/store/statements';
import { TextInterner } from '../main/store/texts';
import { BATCH, BENCH_FEED } from './ingest-run';

/**
 * The alerts an ingest run of `lines` stores: parsed, enriched and stamped
 * with the feed as the Ingestor does (the generated lines are all valid).
 */
export function stampedAlerts(lines: readonly string[], enrich: Enricher): Alert[] {
  const parser = parserFor('eve');
  const receivedAt = Date.now();
  const alerts: Alert[] = [];
  lines.forEach((line, i) => {
    const result = parser.parse(line, `line ${i + 1}`);
    if (!result.ok) throw new Error(`generated line ${i + 1} does not parse: ${result.reason}`);
    for (const parsed of result.alerts) {
      const { raw: _raw, ...fields } = enrich(parsed);
      alerts.push({
        ...fields,
        tlp: fields.tlp ?? BENCH_FEED.tlp,
        feed: BENCH_FEED.id,
        receivedAt,
      });
    }
  });
  return alerts;
}

/** Alerts a second that correlation takes, into a new cache at `cachePath`. */
export function correlateRate(cachePath: string, alerts: readonly Alert[]): number {
  const db = openDatabase(cachePath);
  const statements = new Statements(db);
  const correlator = new Correlator(statements, new TextInterner(statements));
  const correlate = db.transaction((batch: readonly Alert[]) => {
    for (const alert of batch) correlator.take(correlator.place(alert));
    correlator.flush(Date.now());
  });
  const start = performance.now();
  for (let i = 0; i < alerts.length; i += BATCH) correlate.immediate(alerts.slice(i, i + BATCH));
  const seconds = (performance.now() - start) / 1000;
  db.close();
  return alerts.length / seconds;
}
