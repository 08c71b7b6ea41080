import { describe, expect, it } from 'vitest';
import { replayFromQuery, wallReplayPlan } from '../../renderer/wall/wall-replay';
import { WallProfileSchema } from '../../shared/wall';

const FROM = '2026-03-01T08:00:00Z';
const TO = '2026-03-01T11:00:00Z';
const range = { from: Date.parse(FROM), to: Date.parse(TO) };

describe('wall replay', () => {
  it('reads replay=FROM..TO&speed=N with ISO times or ms', () => {
    expect(replayFromQuery(`?profile=ops&replay=${FROM}..${TO}&speed=1000`)).toEqual({
      plan: { range, speed: 1000 },
    });
    expect(replayFromQuery(`?replay=${range.from}..${range.to}`)).toEqual({
      plan: { range, speed: 60 },
    });
    // An unencoded "+" of an offset arrives as a space.
    expect(replayFromQuery('?replay=2026-03-01T09:00:00+01:00..2026-03-01T12:00:00+01:00')).toEqual(
      { plan: { range, speed: 60 } },
    );
    expect(replayFromQuery('?profile=ops')).toEqual({});
  });

  it('ignores a link that does not fit, with a note, and never throws', () => {
    for (const query of [
      `?replay=${TO}..${FROM}`,
      '?replay=yesterday..today',
      `?replay=${FROM}`,
      `?replay=${FROM}..${TO}..${TO}`,
      '?replay=2026-03-01..2026-03-02',
      `?replay=${FROM}..${TO}&speed=0`,
      `?replay=${FROM}..${TO}&speed=5000`,
      `?replay=${FROM}..${TO}&speed=2.5`,
      '?replay=%E0%A4%A..',
      // Past the latest time a Date can hold: formatting it would throw.
      '?replay=0..9000000000000000',
    ]) {
      const { plan, note } = replayFromQuery(query);
      expect(plan, query).toBeUndefined();
      expect(note, query).toMatch(/Replay link ignored/);
    }
  });

  it("plays the profile's replay unless the link names one", () => {
    const wall = WallProfileSchema.parse({ replay: { from: FROM, to: TO, speed: 100 } });
    expect(wall.replay).toEqual({ from: FROM, to: TO, speed: 100, loop: true });
    expect(wallReplayPlan(wall, '')).toEqual({ plan: { range, speed: 100, loop: true } });
    expect(wallReplayPlan(wall, `?replay=${FROM}..${FROM.replace('08', '09')}&speed=10`)).toEqual({
      plan: { range: { from: range.from, to: range.from + 3_600_000 }, speed: 10, loop: true },
    });
    const bad = wallReplayPlan(wall, '?replay=nonsense');
    expect(bad.plan).toEqual({ range, speed: 100, loop: true });
    expect(bad.note).toMatch(/ignored/);
    expect(wallReplayPlan({}, '')).toEqual({ note: undefined });
  });

  it('validates the profile option', () => {
    const parse = (replay: unknown) => WallProfileSchema.safeParse({ replay }).success;
    expect(parse({ from: FROM, to: TO, speed: 1, loop: false })).toBe(true);
    expect(parse({ from: TO, to: FROM })).toBe(false);
    expect(parse({ from: FROM, to: TO, speed: 1001 })).toBe(false);
    expect(parse({ from: '2026-03-01 08:00', to: TO })).toBe(false);
    expect(parse({ from: FROM, to: TO, extra: 1 })).toBe(false);
  });
});
