/**
 * Schema 3: the triage list tests severity and country on its index.
 *
 * The list walks incidents newest first and stops at its limit. With only
 * last_seen in the index, every incident it passed was read to test its
 * severity and countries, so a filter that few incidents match read nearly
 * all of them (300 ms and more with a million alerts). With severity and
 * countries (the texts.id of the incident's country list, compared with the
 * ids of the lists that hold the country) after last_seen, the walk reads
 * only the incidents it lists. The index replaces incidents_by_last_seen,
 * which it serves in full. Status is left out: its byte and a half more per
 * incident would break the 200-byte budget of test/main/store/size.test.ts.
 */
import type { Migration } from './migration';

const SCHEMA = `
DROP INDEX incidents_by_last_seen;

CREATE INDEX incidents_by_last_seen_covering ON incidents (last_seen, severity, countries);
`;

/** Lets the triage list filter by severity and country on its index. */
export const incidentListIndex: Migration = {
  version: 3,
  name: 'incident list index',
  up(db) {
    db.exec(SCHEMA);
  },
};
