/**
 * The count rollups, kept in step with `alerts` by the commit that inserts
 * them. A batch's alerts are counted in memory first so that each distinct
 * combination costs one upsert per table rather than one per alert.
 */
import type { Alert } from '../../shared/model';
import { severityRank } from '../../shared/vocab';
import { KIND_CODES, TLP_CODES, toCode } from './codes';
import type { Statements } from './statements';

const MINUTE_MS = 60_000;

// An empty country or sector is how the rollups say "none known".
const NONE = '';

const UPSERT_ALERT_MINUTE = `
  INSERT INTO alert_counts_minute
    (minute, feed, kind, severity, src_country, dst_country, tlp, n)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT DO UPDATE SET n = n + excluded.n`;

const UPSERT_ALERT_TOTAL = `
  INSERT INTO alert_counts_total (feed, kind, severity, src_country, dst_country, tlp, n)
  VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT DO UPDATE SET n = n + excluded.n`;

const UPSERT_SECTOR_MINUTE = `
  INSERT INTO sector_counts_minute (minute, sector, severity, tlp, n) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT DO UPDATE SET n = n + excluded.n`;

const UPSERT_SECTOR_TOTAL = `
  INSERT INTO sector_counts_total (sector, severity, tlp, n) VALUES (?, ?, ?, ?)
  ON CONFLICT DO UPDATE SET n = n + excluded.n`;

type Key = (string | number)[];

class Counter {
  private readonly counts = new Map<string, { key: Key; n: number }>();

  add(key: Key): void {
    const id = key.join('\u0000');
    const entry = this.counts.get(id);
    if (entry) entry.n += 1;
    else this.counts.set(id, { key, n: 1 });
  }

  entries(): Iterable<{ key: Key; n: number }> {
    return this.counts.values();
  }
}

/** The rollup counts of one commit, written when the batch is done. */
export class RollupBatch {
  private readonly alertMinutes = new Counter();
  private readonly sectorMinutes = new Counter();

  /** Counts one inserted alert of feed number `feed`. */
  add(alert: Alert, feed: number): void {
    const minute = Math.floor(alert.observedAt / MINUTE_MS);
    const severity = severityRank(alert.severity);
    const tlp = toCode(TLP_CODES, alert.tlp);
    this.alertMinutes.add([
      minute,
      feed,
      toCode(KIND_CODES, alert.kind),
      severity,
      alert.source?.country ?? NONE,
      alert.destination?.country ?? NONE,
      tlp,
    ]);
    const sectors = alert.sectors.length > 0 ? new Set(alert.sectors) : [NONE];
    for (const sector of sectors) this.sectorMinutes.add([minute, sector, severity, tlp]);
  }

  /** Adds the counts to the rollup tables. Call inside the commit's transaction. */
  write(statements: Statements): void {
    const alertMinute = statements.get(UPSERT_ALERT_MINUTE);
    const alertTotal = statements.get(UPSERT_ALERT_TOTAL);
    for (const { key, n } of this.alertMinutes.entries()) {
      alertMinute.run(...key, n);
      alertTotal.run(...key.slice(1), n);
    }
    const sectorMinute = statements.get(UPSERT_SECTOR_MINUTE);
    const sectorTotal = statements.get(UPSERT_SECTOR_TOTAL);
    for (const { key, n } of this.sectorMinutes.entries()) {
      sectorMinute.run(...key, n);
      sectorTotal.run(...key.slice(1), n);
    }
  }
}
