/**
 * Which past window a wall replays: the page's `?replay=FROM..TO&speed=N`
 * over the profile's `replay`. FROM and TO are ISO 8601 instants with their
 * offset, or ms since the epoch. A link that does not fit is ignored with a
 * note the banner shows: a wall never fails over a typo in its URL.
 */
import { isInstant } from '../../shared/instant';
import { MAX_REPLAY_SPEED, type Wall } from '../../shared/wall';
import type { TimeRange } from '../route/route';

/** A replay a wall plays. */
export interface WallReplayPlan {
  range: TimeRange;
  speed: number;
  loop: boolean;
}

/** The speed when neither the link nor the profile names one. */
const DEFAULT_SPEED = 60;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** An instant of a link; a "+" of an offset arrives as a space when the link did not encode it. */
function instantOf(text: string): number | undefined {
  const value = text.trim().replace(/ /g, '+');
  if (/^\d{1,16}$/.test(value)) return isInstant(Number(value)) ? Number(value) : undefined;
  if (!ISO_INSTANT.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

function speedOf(text: string | null): number | undefined {
  if (text === null || !/^\d{1,4}$/.test(text)) return undefined;
  const speed = Number(text);
  return speed >= 1 && speed <= MAX_REPLAY_SPEED ? speed : undefined;
}

/** The replay a page's query asks for, or a note saying why it is ignored; empty when it asks none. */
export function replayFromQuery(search: string): {
  plan?: Omit<WallReplayPlan, 'loop'>;
  note?: string;
} {
  const query = new URLSearchParams(search);
  const asked = query.get('replay');
  if (asked === null) return {};
  const [fromText = '', toText, ...rest] = asked.split('..');
  const from = instantOf(fromText);
  const to = toText === undefined ? undefined : instantOf(toText);
  if (from === undefined || to === undefined || rest.length > 0 || from >= to) {
    return { note: 'Replay link ignored: give replay=FROM..TO with ISO times, FROM before TO' };
  }
  const speedText = query.get('speed');
  const speed = speedOf(speedText);
  if (speedText !== null && speed === undefined) {
    return {
      note: `Replay link ignored: speed must be a whole number from 1 to ${MAX_REPLAY_SPEED}`,
    };
  }
  return { plan: { range: { from, to }, speed: speed ?? DEFAULT_SPEED } };
}

/** What this wall replays (the link first, then its profile), and any note about its link. */
export function wallReplayPlan(
  wall: Pick<Wall, 'replay'>,
  search: string,
): { plan?: WallReplayPlan; note?: string } {
  const { plan, note } = replayFromQuery(search);
  // A replay picked by link loops as the profile would, unless the profile says otherwise.
  const loop = wall.replay?.loop ?? true;
  if (plan) return { plan: { ...plan, loop } };
  if (!wall.replay) return { note };
  const { from, to, speed } = wall.replay;
  return { plan: { range: { from: Date.parse(from), to: Date.parse(to) }, speed, loop }, note };
}
