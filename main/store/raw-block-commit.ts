/**
 * Fills raw blocks during one commit: hands out the slot a record will take,
 * and writes each block once it is full and the last one when the commit
 * ends, so that a block is deflated once per commit at most.
 */
import { packBlock } from './raw-codec';
import type { RawDictionaries, RawDictionary } from './raw-dictionary';
import type { Statements } from './statements';

/**
 * Most records a block holds. SQLite keeps the tail of a large value that
 * does not fill an overflow page beside its row, and such tails share pages
 * badly: up to a page is lost per block, 15-30 bytes a record in blocks of
 * 128 EVE alerts, half that in blocks of 256. Reading one record inflates its
 * whole block, about 200 KiB of EVE alerts, in well under a millisecond.
 */
export const MAX_BLOCK_RECORDS = 256;

/**
 * Most UTF-16 units of records a block takes (a single larger record gets a
 * block of its own), so that a few huge records do not make every read slow.
 */
export const MAX_BLOCK_CHARS = 256 * 1024;

/** A block that can take more records, as this connection last wrote it. */
export interface OpenBlock {
  id: number;
  dict: RawDictionary;
  records: string[];
  chars: number;
}

/** Where a raw record is stored: its block's id and its index in the block. */
export interface RawSlot {
  block: number;
  index: number;
}

function fits(block: OpenBlock, raw: string): boolean {
  const count = block.records.length;
  return count < MAX_BLOCK_RECORDS && (count === 0 || block.chars + raw.length <= MAX_BLOCK_CHARS);
}

/** The block writer of one commit of one feed. */
export class RawBlockCommit {
  private current: OpenBlock | undefined;
  /** Whether `current` has a row in the file yet. */
  private stored: boolean;
  /** Whether `current` holds records its row lacks. */
  private changed = false;
  private nextId: number | undefined;

  constructor(
    private readonly statements: Statements,
    private readonly dictionaries: RawDictionaries,
    private readonly feed: number,
    open: OpenBlock | undefined,
    private readonly keepOpen: (block: OpenBlock) => void,
  ) {
    this.current = open;
    this.stored = open !== undefined;
  }

  /** The slot `raw` takes if it is added next. */
  slot(raw: string): RawSlot {
    const block = this.current;
    if (block && fits(block, raw)) return { block: block.id, index: block.records.length };
    return { block: this.newId(), index: 0 };
  }

  /** Adds `raw` at the slot that slot(raw) named. */
  add(raw: string): void {
    let block = this.current;
    if (!block || !fits(block, raw)) block = this.startBlock();
    block.records.push(raw);
    block.chars += raw.length;
    this.changed = true;
  }

  /** Writes the last block and keeps it open for the feed's next commit. */
  finish(): void {
    this.write();
    if (this.current) this.keepOpen(this.current);
  }

  private startBlock(): OpenBlock {
    this.write();
    const block = { id: this.newId(), dict: this.dictionaries.preset(), records: [], chars: 0 };
    this.nextId = block.id + 1;
    this.current = block;
    this.stored = false;
    return block;
  }

  /** Ids are handed out before the row exists, so that alert rows can name their block. */
  private newId(): number {
    this.nextId ??= this.statements
      .get('SELECT coalesce(max(id), 0) + 1 FROM raw_blocks')
      .pluck()
      .get() as number;
    return this.nextId;
  }

  private write(): void {
    const block = this.current;
    if (!block || !this.changed) return;
    const data = packBlock(block.records, block.dict.bytes);
    const count = block.records.length;
    if (this.stored) {
      const sql = 'UPDATE raw_blocks SET records = ?, data = ? WHERE id = ?';
      this.statements.get(sql).run(count, data, block.id);
    } else {
      const sql = 'INSERT INTO raw_blocks (id, feed, dict, records, data) VALUES (?, ?, ?, ?, ?)';
      this.statements.get(sql).run(block.id, this.feed, block.dict.id, count, data);
    }
    this.stored = true;
    this.changed = false;
  }
}
