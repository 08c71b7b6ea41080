/**
 * Raw records in `raw_blocks`: each block holds up to MAX_BLOCK_RECORDS
 * records of one feed, deflated together, and each alert row names its block
 * and its index in it. A feed's last block stays open: the next commit of
 * the feed appends to it (rewriting it) until it is full, so that a live
 * tail committing a few records at a time still compresses like a bulk
 * import. Blocks are only ever appended to, so a row's index never moves.
 */
import { RawBlockCommit, type OpenBlock } from './raw-block-commit';
import { readRecord } from './raw-codec';
import type { RawDictionaries } from './raw-dictionary';
import type { Statements } from './statements';

/** Opens a commit's writers and reads records back. */
export class RawBlocks {
  private readonly open = new Map<number, OpenBlock>();

  constructor(
    private readonly statements: Statements,
    private readonly dictionaries: RawDictionaries,
  ) {}

  /** The block writer for one commit of feed number `feed`. Call inside its transaction. */
  startCommit(feed: number): RawBlockCommit {
    return new RawBlockCommit(
      this.statements,
      this.dictionaries,
      feed,
      this.openBlockOf(feed),
      (block) => this.open.set(feed, block),
    );
  }

  /** The raw record at `index` of block `block`, exactly as it was committed. */
  read(block: number, index: number): string {
    const sql = 'SELECT dict, data FROM raw_blocks WHERE id = ?';
    const row = this.statements.get(sql).get(block) as { dict: number; data: Uint8Array };
    if (!row) throw new Error(`raw block ${block} is missing`);
    const record = readRecord(row.data, this.dictionaries.get(row.dict), index);
    if (record === undefined) throw new Error(`raw block ${block} has no record ${index}`);
    return record;
  }

  /** Forgets open blocks, which a rolled-back transaction may have changed. */
  forget(): void {
    this.open.clear();
  }

  /**
   * The feed's open block if the file still holds exactly what this
   * connection wrote to it; another writer of the same feed may have
   * appended to it, and then a new block is started instead.
   */
  private openBlockOf(feed: number): OpenBlock | undefined {
    const block = this.open.get(feed);
    if (!block) return undefined;
    const sql = 'SELECT records FROM raw_blocks WHERE id = ?';
    const stored = this.statements.get(sql).pluck().get(block.id);
    if (stored === block.records.length) return block;
    this.open.delete(feed);
    return undefined;
  }
}
