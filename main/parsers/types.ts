/**
 * What every parser takes and gives. Parsers are pure: text in, normalized
 * alerts or a reason out. They never throw for bad input and do no I/O.
 */
import type { Alert } from '../../shared/model';
import type { Tlp } from '../../shared/vocab';

/**
 * The formats Lagebild can read. `syslog` is CEF or LEEF, told apart per
 * record, as a syslog feed receives them. `zeek` is notice.log and
 * intel.log (JSON or TSV); `abusech` is the Feodo Tracker, URLhaus and
 * ThreatFox exports; `kev` is CISA's catalog of known exploited
 * vulnerabilities (JSON or CSV). `misp` is MISP event JSON (feed event
 * files, exports and restSearch answers).
 */
export const FORMATS = [
  'eve',
  'stix21',
  'cef',
  'leef',
  'syslog',
  'zeek',
  'wazuh',
  'cowrie',
  'ecs',
  'abusech',
  'spamhaus-drop',
  'kev',
  'csaf',
  'misp',
] as const;
export type Format = (typeof FORMATS)[number];

/**
 * How a format is cut into records: one record per line (NDJSON, logs) or
 * the whole file as one document (a STIX bundle).
 */
export type Framing = 'lines' | 'document';

/** An alert as a parser produces it, before the pipeline stamps and enriches it. */
export type ParsedAlert = Omit<Alert, 'feed' | 'receivedAt' | 'incidentId' | 'tlp'> & {
  /** The marking the record carried; absent when it had none (the feed's default applies). */
  tlp?: Tlp;
  /**
   * Set with `tlp` when part of what the alert was made from carried no
   * marking (an unmarked indicator naming a RED malware): the feed's
   * default covers that part, so the stricter of the two applies.
   */
  partlyUnmarked?: boolean;
  /** The raw record (or, for a document, the object) this alert came from. */
  raw: string;
};

/** The result of parsing one record. */
export type ParseResult =
  | {
      ok: true;
      alerts: ParsedAlert[];
      /** Records that are valid but carry no alert, counted by type (e.g. EVE "dns"). */
      ignored?: Record<string, number>;
      /** Parts of a document that were rejected while the rest was kept. */
      rejected?: { position: string; reason: string; raw: string }[];
      /**
       * Rejected parts beyond those listed in `rejected`, only counted: a
       * document of millions of bad objects must not hold one entry each.
       */
      rejectedMore?: number;
    }
  | { ok: false; reason: string };

/** A parser for one format. */
export interface Parser {
  format: Format;
  framing: Framing;
  /** Parses one record; `position` names where it was (e.g. "line 12"). */
  parse(record: string, position: string): ParseResult;
  /**
   * The parser for one file or tail, where it differs from this one: a
   * format whose lines depend on a header (Zeek TSV `#fields`, a CSV
   * header) keeps it here, and a line format whose file is one
   * pretty-printed JSON document asks for 'document' framing. `head` is
   * the file's first bytes, so a tail resuming mid-file knows the header.
   */
  openStream?(head: string): Parser;
}
