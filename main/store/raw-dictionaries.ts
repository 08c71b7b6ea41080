/**
 * The dictionaries raw records are deflated with. A feed starts with the
 * preset; once it has delivered a dictionary's worth of records, a dictionary
 * is built from its most recent ones (its sensors, rules and hosts repeat far
 * more than any preset can know), and rebuilt now and then so that it follows
 * the feed's drift (dates, new rules). Every dictionary is kept in
 * `raw_dicts`, so any row can be inflated from the file alone.
 */
import { PRESET_DICTIONARY } from './raw-preset';
import {
  MAX_DICTIONARY_BYTES,
  dictionaryDigest,
  packDictionary,
  unpackDictionary,
} from './raw-codec';
import type { Statements } from './statements';

/** A feed's dictionary is rebuilt after this many further records. */
export const RETRAIN_EVERY = 8192;

// A record this large would crowd every other sample out of the dictionary.
const MAX_SAMPLE_CHARS = MAX_DICTIONARY_BYTES / 4;

// Inflating needs the dictionary; keep those of recently read rows at hand.
const MAX_CACHED = 64;

/** A dictionary and its id in `raw_dicts`. */
export interface RawDictionary {
  id: number;
  bytes: Buffer;
}

interface FeedSamples {
  /** The feed's current trained dictionary; undefined while it uses the preset. */
  trained?: number;
  /** Whether `trained` was looked up in the file since the last forget(). */
  loaded: boolean;
  samples: string[];
  sampleChars: number;
  sinceTraining: number;
}

/** Chooses, trains, stores and loads raw-record dictionaries. */
export class RawDictionaries {
  private readonly cache = new Map<number, Buffer>();
  private readonly feeds = new Map<number, FeedSamples>();
  private presetId: number | undefined;

  constructor(private readonly statements: Statements) {}

  /** The dictionary for a batch of `feed`'s records, training a new one first when due. */
  forBatch(feed: number, raws: readonly string[], now: number): RawDictionary {
    const state = this.samplesOf(feed);
    for (const raw of raws) this.addSample(state, raw);
    state.sinceTraining += raws.length;
    const due = state.trained === undefined || state.sinceTraining >= RETRAIN_EVERY;
    if (due && state.sampleChars >= MAX_DICTIONARY_BYTES) {
      const bytes = Buffer.from(state.samples.join('\n'), 'utf8');
      state.trained = this.store(bytes.subarray(-MAX_DICTIONARY_BYTES), feed, now);
      state.sinceTraining = 0;
    }
    const id = state.trained ?? this.preset(now);
    return { id, bytes: this.get(id) };
  }

  /** The dictionary with this id. */
  get(id: number): Buffer {
    const cached = this.cache.get(id);
    if (cached) {
      this.cache.delete(id);
      this.cache.set(id, cached);
      return cached;
    }
    const blob = this.statements.get('SELECT dict FROM raw_dicts WHERE id = ?').pluck().get(id);
    if (!(blob instanceof Uint8Array)) throw new Error(`raw dictionary ${id} is missing`);
    const bytes = unpackDictionary(blob);
    this.remember(id, bytes);
    return bytes;
  }

  /** Forgets ids that a rolled-back transaction handed out; samples stay. */
  forget(): void {
    this.cache.clear();
    this.presetId = undefined;
    for (const state of this.feeds.values()) {
      state.loaded = false;
      state.trained = undefined;
    }
  }

  private samplesOf(feed: number): FeedSamples {
    let state = this.feeds.get(feed);
    if (!state) {
      state = { loaded: false, samples: [], sampleChars: 0, sinceTraining: 0 };
      this.feeds.set(feed, state);
    }
    if (!state.loaded) {
      const sql = 'SELECT max(id) FROM raw_dicts WHERE feed = ?';
      const latest = this.statements.get(sql).pluck().get(feed);
      state.trained = typeof latest === 'number' ? latest : undefined;
      state.loaded = true;
    }
    return state;
  }

  private addSample(state: FeedSamples, raw: string): void {
    if (raw.length > MAX_SAMPLE_CHARS) return;
    state.samples.push(raw);
    state.sampleChars += raw.length + 1;
    while (state.sampleChars - (state.samples[0]?.length ?? 0) > MAX_DICTIONARY_BYTES) {
      state.sampleChars -= (state.samples.shift()?.length ?? 0) + 1;
    }
  }

  private preset(now: number): number {
    this.presetId ??= this.store(PRESET_DICTIONARY, null, now);
    return this.presetId;
  }

  /** Stores a dictionary unless an identical one is there; returns its id. */
  private store(bytes: Buffer, feed: number | null, now: number): number {
    const digest = dictionaryDigest(bytes);
    const existing = this.statements.get('SELECT id FROM raw_dicts WHERE digest = ?').pluck();
    const found = existing.get(digest);
    if (typeof found === 'number') return found;
    const insert = 'INSERT INTO raw_dicts (feed, digest, created_at, dict) VALUES (?, ?, ?, ?)';
    const result = this.statements.get(insert).run(feed, digest, now, packDictionary(bytes));
    const id = Number(result.lastInsertRowid);
    this.remember(id, bytes);
    return id;
  }

  private remember(id: number, bytes: Buffer): void {
    if (this.cache.size >= MAX_CACHED) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(id, bytes);
  }
}
