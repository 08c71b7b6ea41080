/**
 * Attaches every new alert to an incident inside the commit that stores
 * it: the incident of the same correlation key that the alert's time
 * reaches, or a new one. Incidents touched recently are kept in memory so
 * that a busy feed costs a map lookup per alert, not a query.
 */
import type { Alert } from '../../shared/model';
import { STATUS_CODES, toCode } from '../store/codes';
import type { IncidentRow } from '../store/incident-queries';
import type { Statements } from '../store/statements';
import type { TextInterner } from '../store/texts';
import { alertId } from '../parsers/alert-id';
import {
  correlationKey,
  DEFAULT_CORRELATION,
  type CorrelationKey,
  type CorrelationOptions,
} from './correlation-key';
import { addAlert, newIncident, reaches, type IncidentState } from './incident-state';

// Keys remembered between commits; past this the memory starts over (the
// incidents are all written by then, so nothing is lost but a lookup).
const MAX_KEYS = 20_000;
// Incidents remembered per key: enough for an import that goes back and
// forth in time across a few gaps.
const MAX_PER_KEY = 4;

// The columns FIND_SQL reads: the aggregates correlation keeps up to date.
type StoredIncident = Omit<
  IncidentRow,
  'signature' | 'target' | 'source_network' | 'status' | 'assignee' | 'updated_at'
>;

const FIND_SQL = `SELECT num, id, title, severity, first_seen, last_seen, alerts, countries,
    sectors, feeds, tlp
  FROM incident_view WHERE key = ? AND first_seen <= ? AND last_seen >= ?
  ORDER BY last_seen DESC LIMIT 1`;

const INSERT_SQL = `INSERT INTO incidents (num, id, key, title, signature, target,
    source_network, status, severity, first_seen, last_seen, alerts, countries, sectors,
    feeds, tlp, updated_at)
  VALUES (@num, @id, @key, @title, @signature, @target, @sourceNetwork, @status, @severity,
    @firstSeen, @lastSeen, @alerts, @countries, @sectors, @feeds, @tlp, @updatedAt)`;

// Only the aggregates: status and assignee belong to the analysts.
const UPDATE_SQL = `UPDATE incidents SET severity = @severity, first_seen = @firstSeen,
    last_seen = @lastSeen, alerts = @alerts, countries = @countries, sectors = @sectors,
    feeds = @feeds, tlp = @tlp, updated_at = @updatedAt
  WHERE num = @num`;

const NEW_STATUS = toCode(STATUS_CODES, 'new');

const sortedJson = (values: Set<string>) => JSON.stringify([...values].sort());

const clamp = (ms: number) =>
  Math.max(-Number.MAX_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, ms));

/** Where a new alert goes: decided before the insert, taken only if the alert is new. */
export interface Placement {
  state: IncidentState;
  alert: Alert;
}

/** Correlates alerts for one open cache. */
export class Correlator {
  private readonly known = new Map<bigint, IncidentState[]>();
  private nextNum: number | undefined;

  constructor(
    private readonly statements: Statements,
    private readonly texts: TextInterner,
    private readonly options: CorrelationOptions = DEFAULT_CORRELATION,
  ) {}

  /** The incident `alert` belongs to. Call inside the write transaction. */
  place(alert: Alert): Placement {
    const key = correlationKey(alert, this.options);
    const at = alert.observedAt;
    const states = this.known.get(key.digest) ?? [];
    const state =
      states.find((candidate) => reaches(candidate, at)) ??
      this.stored(key, at, states) ??
      this.created(key, alert);
    return { state, alert };
  }

  /** Counts a placed alert into its incident, once the alert is known to be new. */
  take({ state, alert }: Placement): void {
    if (state.isNew && state.alerts === 0) this.remember(state);
    addAlert(state, alert);
  }

  /** Writes every incident changed since the last call. */
  flush(now: number): void {
    for (const states of this.known.values()) {
      for (const state of states) if (state.dirty) this.write(state, now);
    }
    if (this.known.size > MAX_KEYS) this.known.clear();
  }

  /** Forgets what a rolled-back transaction may have changed. */
  forget(): void {
    this.known.clear();
    this.nextNum = undefined;
  }

  private stored(key: CorrelationKey, at: number, states: IncidentState[]) {
    const sql = this.statements.get(FIND_SQL);
    const row = sql.get(key.digest, clamp(at + key.gapMs), clamp(at - key.gapMs)) as
      StoredIncident | undefined;
    if (!row) return undefined;
    // A remembered incident is newer than its row.
    const remembered = states.find((state) => state.num === row.num);
    if (remembered) return reaches(remembered, at) ? remembered : undefined;
    const state: IncidentState = {
      num: row.num,
      id: row.id,
      key,
      title: row.title,
      severity: row.severity,
      firstSeen: row.first_seen,
      lastSeen: row.last_seen,
      alerts: row.alerts,
      countries: new Set(JSON.parse(row.countries) as string[]),
      sectors: new Set(JSON.parse(row.sectors) as string[]),
      feeds: new Set(JSON.parse(row.feeds) as string[]),
      tlp: row.tlp,
      isNew: false,
      dirty: false,
    };
    this.remember(state);
    return state;
  }

  private created(key: CorrelationKey, first: Alert): IncidentState {
    this.nextNum ??= this.statements
      .get('SELECT coalesce(max(num), 0) + 1 FROM incidents')
      .pluck()
      .get() as number;
    // The same first alert of the same key gives the same incident id in any cache.
    const id = `inc-${alertId(key.digest.toString(36), first.id)}`;
    return newIncident(this.nextNum, id, key, first);
  }

  private remember(state: IncidentState): void {
    if (state.isNew) this.nextNum = state.num + 1;
    const states = this.known.get(state.key.digest) ?? [];
    states.unshift(state);
    // Only written incidents may be dropped.
    const kept = states.filter((s, i) => i < MAX_PER_KEY || s.dirty);
    this.known.set(state.key.digest, kept);
  }

  private write(state: IncidentState, now: number): void {
    const values = {
      num: state.num,
      severity: state.severity,
      firstSeen: state.firstSeen,
      lastSeen: state.lastSeen,
      alerts: state.alerts,
      countries: this.texts.id(sortedJson(state.countries)),
      sectors: this.texts.id(sortedJson(state.sectors)),
      feeds: this.texts.id(sortedJson(state.feeds)),
      tlp: state.tlp,
      updatedAt: now,
    };
    if (state.isNew) {
      const { key } = state;
      this.statements.get(INSERT_SQL).run({
        ...values,
        id: state.id,
        key: key.digest,
        title: this.texts.id(state.title),
        signature: this.texts.optionalId(key.signature),
        target: this.texts.optionalId(key.target),
        sourceNetwork: key.sourceNetwork ?? null,
        status: NEW_STATUS,
      });
    } else {
      this.statements.get(UPDATE_SQL).run(values);
    }
    state.isNew = false;
    state.dirty = false;
  }
}
