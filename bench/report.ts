/**
 * Prints the benchmark's figures: one JSON object with `--json`, else one
 * labelled line per figure with its target.
 */
import type { Fill } from './fill-cache';
import { FILTERED, TIMELINE_LIMIT, type QueryTimings } from './query-run';
import type { Timing } from './stats';
import { STEP_LIMIT } from './window-run';

/** What the rounds of ingest and correlation measured, as medians. */
export interface IngestFigures {
  alerts: number;
  rounds: number;
  ingestPerSec: number;
  rawInsertPerSec: number;
  correlatePerSec: number;
  bytesPerAlert: number;
}

/** What the query benchmark measured on its filled cache. */
export interface QueryFigures {
  fill: Fill;
  runs: number;
  timings: QueryTimings;
}

const QUERY_TARGET_MS = 50;
// Time travel must feel interactive: a day's picture within a tenth of a second.
const WINDOW_TARGET_MS = 100;

const ratio = (part: number, whole: number) => Number((part / whole).toFixed(3));

/** The figures as the JSON object `npm run bench -- --json` prints. */
export function figuresJson(ingest: IngestFigures, queries: QueryFigures) {
  const { fill, runs, timings } = queries;
  return {
    generated: true,
    alerts: ingest.alerts,
    rounds: ingest.rounds,
    ingestPerSec: Math.round(ingest.ingestPerSec),
    rawInsertPerSec: Math.round(ingest.rawInsertPerSec),
    ratio: ratio(ingest.ingestPerSec, ingest.rawInsertPerSec),
    bytesPerAlert: Math.round(ingest.bytesPerAlert),
    correlatePerSec: Math.round(ingest.correlatePerSec),
    correlateRatio: ratio(ingest.correlatePerSec, ingest.rawInsertPerSec),
    queryAlerts: fill.alerts,
    queryIncidents: fill.incidents,
    queryRuns: runs,
    fillPerSec: Math.round(fill.alerts / fill.seconds),
    incidentListMs: timings.incidentList,
    incidentListFilteredMs: timings.incidentListFiltered,
    incidentListNoMatchMs: timings.incidentListNoMatch,
    timelineQueryMs: timings.timeline,
    timelineAlerts: timings.timelineAlerts,
    dayPictureMs: timings.window.dayPicture,
    dayPictureWallMs: timings.window.dayPictureWall,
    sixHourPictureMs: timings.window.sixHourPicture,
    dayAlertsMs: timings.window.dayAlerts,
    replayStepMs: timings.window.minuteStep,
    replayStepAlerts: timings.window.minuteStepAlerts,
  };
}

const timing = ({ median, p95 }: Timing) =>
  `median ${median} ms, p95 ${p95} ms (target at most ${QUERY_TARGET_MS})`;

const windowTiming = ({ median, p95 }: Timing) =>
  `median ${median} ms, p95 ${p95} ms (target at most ${WINDOW_TARGET_MS})`;

/** The figures as labelled lines. */
export function figuresText(ingest: IngestFigures, queries: QueryFigures): string[] {
  const json = figuresJson(ingest, queries);
  const { fill, runs, timings } = queries;
  const filter = `${FILTERED.severity?.join('/')} + country ${FILTERED.country}`;
  const lines: [label: string, value: string][] = [
    [
      'EVE ingest (parse, normalize, enrich, validate, correlate, store)',
      `${json.ingestPerSec} alerts/s`,
    ],
    ['raw better-sqlite3 insert of the same rows', `${json.rawInsertPerSec} rows/s`],
    ['ratio', `${json.ratio} (target at least 0.5)`],
    ['correlation alone (place, take, write incidents)', `${json.correlatePerSec} alerts/s`],
    ['correlation / raw insert of the same rows', `${json.correlateRatio}`],
    ['bytes per alert on disk', `${json.bytesPerAlert} (target at most 300)`],
  ];
  const queryLines: [label: string, value: string][] = [
    ['incident list, newest first, limit 1000', timing(timings.incidentList)],
    [`incident list, ${filter}`, timing(timings.incidentListFiltered)],
    ['incident list, a country no incident has', timing(timings.incidentListNoMatch)],
    [
      `timeline, ${timings.timelineAlerts}-alert incident, limit ${TIMELINE_LIMIT}`,
      timing(timings.timeline),
    ],
    ['picture of the day before the newest alert', windowTiming(timings.window.dayPicture)],
    [
      'the same for a wall (TLP green, counts withheld)',
      windowTiming(timings.window.dayPictureWall),
    ],
    [
      'picture of the newest six hours (minute rollups)',
      windowTiming(timings.window.sixHourPicture),
    ],
    ['newest 1000 alerts observed in that day', windowTiming(timings.window.dayAlerts)],
    [
      `replay step of one minute (${timings.window.minuteStepAlerts} alerts, limit ${STEP_LIMIT})`,
      windowTiming(timings.window.minuteStep),
    ],
  ];
  const label = ([name, value]: [string, string]) => `${`${name}:`.padEnd(56)} ${value}`;
  return [
    ...lines.map(label),
    '',
    `Queries on ${fill.alerts} generated alerts (not real traffic) in ${fill.incidents} incidents,`,
    `  filled through AlertCache.commit in ${Math.round(fill.seconds)} s (${json.fillPerSec} alerts/s);`,
    `  ${runs} runs each after one warm-up; the filtered list showed ${timings.filteredIncidents}`,
    ...queryLines.map(label),
  ];
}
