/**
 * The rejected parts of one document, bounded: a JSON array or MISP event
 * of millions of bad members must not hold an entry, and a copy of its
 * text, for each. The ingest pipeline stores only the first ones anyway.
 */
import { MAX_LISTED_REJECTIONS } from './stix/objects';

/** One rejected part, as a ParseResult lists it. */
export interface Rejection {
  position: string;
  reason: string;
  raw: string;
}

/** Lists the first MAX_LISTED_REJECTIONS rejected parts and counts the rest. */
export class RejectionList {
  private readonly listed: Rejection[] = [];
  private unlisted = 0;

  /** Sets a part aside; `raw` is only made for a part that is listed. */
  add(position: string, reason: string, raw: () => string): void {
    if (this.listed.length < MAX_LISTED_REJECTIONS) {
      this.listed.push({ position, reason, raw: raw() });
    } else {
      this.unlisted += 1;
    }
  }

  /** Takes over the rejections of a part's own result. */
  addResult(result: { rejected?: Rejection[]; rejectedMore?: number }): void {
    for (const { position, reason, raw } of result.rejected ?? []) {
      this.add(position, reason, () => raw);
    }
    this.unlisted += result.rejectedMore ?? 0;
  }

  /** The `rejected` and `rejectedMore` fields of a ParseResult, present only when non-empty. */
  fields(): { rejected?: Rejection[]; rejectedMore?: number } {
    return {
      ...(this.listed.length > 0 ? { rejected: this.listed } : {}),
      ...(this.unlisted > 0 ? { rejectedMore: this.unlisted } : {}),
    };
  }
}
