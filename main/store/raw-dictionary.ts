/**
 * The dictionary raw blocks are deflated against, kept in `raw_dicts` so
 * that every block can be inflated from the file alone, even after a later
 * Lagebild changes its preset.
 */
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { PRESET_DICTIONARY } from './raw-preset';
import type { Statements } from './statements';

/** A dictionary and its id in `raw_dicts`. */
export interface RawDictionary {
  id: number;
  bytes: Buffer;
}

/** Stores the preset dictionary once and loads stored ones by id. */
export class RawDictionaries {
  private readonly loaded = new Map<number, Buffer>();
  private presetId: number | undefined;

  constructor(private readonly statements: Statements) {}

  /** The preset, stored first if this file lacks it. Call inside a write transaction. */
  preset(): RawDictionary {
    this.presetId ??= this.store(PRESET_DICTIONARY);
    return { id: this.presetId, bytes: PRESET_DICTIONARY };
  }

  /** The dictionary with this id. */
  get(id: number): Buffer {
    const cached = this.loaded.get(id);
    if (cached) return cached;
    const blob = this.statements.get('SELECT dict FROM raw_dicts WHERE id = ?').pluck().get(id);
    if (!(blob instanceof Uint8Array)) throw new Error(`raw dictionary ${id} is missing`);
    // Dictionaries are few (one per preset a Lagebild ever wrote with), so all stay loaded.
    const bytes = inflateRawSync(blob);
    this.loaded.set(id, bytes);
    return bytes;
  }

  /** Forgets ids that a rolled-back transaction handed out. */
  forget(): void {
    this.loaded.clear();
    this.presetId = undefined;
  }

  /** Stores a dictionary unless an identical one is there; returns its id. */
  private store(bytes: Buffer): number {
    const digest = createHash('sha256').update(bytes).digest('hex');
    const found = this.statements.get('SELECT id FROM raw_dicts WHERE digest = ?').pluck();
    const existing = found.get(digest);
    if (typeof existing === 'number') return existing;
    const insert = this.statements.get('INSERT INTO raw_dicts (digest, dict) VALUES (?, ?)');
    const id = Number(insert.run(digest, deflateRawSync(bytes, { level: 9 })).lastInsertRowid);
    this.loaded.set(id, bytes);
    return id;
  }
}
