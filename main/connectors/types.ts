/**
 * What connectors hand to the ingest pipeline: raw records with their
 * position, cut from the source but not yet parsed.
 */

/** One record as read; `text` is absent when the bytes could not be used. */
export type RawRecord =
  | { position: string; raw: Buffer; text: string }
  | { position: string; raw: Buffer; error: string };

/** Records read together, with the cursor that follows the last of them. */
export interface RecordBatch {
  records: RawRecord[];
  /** Where to resume after these records are committed; absent for one-shot imports. */
  cursor?: string;
}
