/**
 * Interning of repeated texts (titles, categories, AS names, sites, ...):
 * each distinct text is stored once in `texts` and rows hold its id.
 */
import type { Statements } from './statements';

// Enough for every title and AS name a busy sensor repeats; beyond that the
// map starts over rather than growing with one-off titles.
const MAX_CACHED = 100_000;

/** Hands out texts.id values, remembering them for the life of the connection. */
export class TextInterner {
  private readonly ids = new Map<string, number>();

  constructor(private readonly statements: Statements) {}

  /** The id of `text`, stored first if new. Call inside a write transaction. */
  id(text: string): number {
    const cached = this.ids.get(text);
    if (cached !== undefined) return cached;
    // A text missing from the map is most often new: try to insert it first.
    const insert = this.statements.get('INSERT OR IGNORE INTO texts (text) VALUES (?)');
    const inserted = insert.run(text);
    const id =
      inserted.changes > 0
        ? Number(inserted.lastInsertRowid)
        : (this.statements.get('SELECT id FROM texts WHERE text = ?').pluck().get(text) as number);
    if (this.ids.size >= MAX_CACHED) this.ids.clear();
    this.ids.set(text, id);
    return id;
  }

  /** The id of `text`, or null when there is none. */
  optionalId(text: string | undefined): number | null {
    return text === undefined ? null : this.id(text);
  }

  /** Forgets ids that a rolled-back transaction handed out. */
  forget(): void {
    this.ids.clear();
  }
}
