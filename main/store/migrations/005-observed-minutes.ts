/**
 * Schema 5: where each minute's alerts are, by arrival order.
 *
 * Time travel asks for the alerts observed in a window: the newest of a
 * past day, or those a replay step adds. Without help every such question
 * reads the whole table. An index on observed_at would cost 13 to 15 bytes
 * per alert and break the 300-byte budget (test/main/store/size.test.ts).
 * Alerts mostly arrive in the order they were observed, so each minute of
 * observed time holds a few runs of seq instead: observed_minutes maps the
 * minute to the runs [first_seq, last_seq] that hold its alerts, a row per
 * minute and run, a few bytes a minute. A run may also hold alerts of
 * other minutes (queries test the exact time); every alert of the minute
 * lies in one of its runs. A commit extends the minute's newest run unless
 * more than MAX_RUN_GAP other alerts arrived in between (an import of old
 * records amid live ones), then it starts a run.
 */
import type { Migration } from './migration';

/** Alerts of other minutes a run may pass over before a new one starts. */
export const MAX_RUN_GAP = 1000;

/** The minute an observed time falls in: floor, before 1970 too, as the rollups count. */
export const MINUTE_OF_OBSERVED =
  'CAST(observed_at / 60000 AS INTEGER) - (observed_at < 0 AND observed_at % 60000 != 0)';

const SCHEMA = `
CREATE TABLE observed_minutes (
  minute INTEGER NOT NULL,
  first_seq INTEGER NOT NULL,
  last_seq INTEGER NOT NULL,
  PRIMARY KEY (minute, first_seq)
) STRICT, WITHOUT ROWID;

-- The runs of the alerts stored so far, split where the commit would split them.
INSERT INTO observed_minutes (minute, first_seq, last_seq)
SELECT minute, min(seq), max(seq) FROM (
  SELECT minute, seq, sum(gap) OVER (PARTITION BY minute ORDER BY seq) AS run FROM (
    SELECT minute, seq,
      coalesce(seq - lag(seq) OVER (PARTITION BY minute ORDER BY seq) > ${MAX_RUN_GAP}, 0) AS gap
    FROM (SELECT ${MINUTE_OF_OBSERVED} AS minute, seq FROM alerts)
  )
)
GROUP BY minute, run;
`;

/** Maps each observed minute to the runs of seq that hold its alerts. */
export const observedMinutes: Migration = {
  version: 5,
  name: 'observed minutes',
  up(db) {
    db.exec(SCHEMA);
  },
};
