import { describe, expect, it } from 'vitest';
import { densityScale } from '../../renderer/map/layers/density-scale';
import { topCountryLabels } from '../../renderer/map/layers/labels';
import { PULSE_MS, freshPulses } from '../../renderer/map/layers/pulses';
import { makeAlert } from './fixtures';

describe('densityScale', () => {
  it('leaves countries without alerts transparent and shades the busiest most', () => {
    const colourOf = densityScale({ CN: 1000, DE: 1, unknown: 5000 });
    expect(colourOf('FR')[3]).toBe(0);
    expect(colourOf(undefined)[3]).toBe(0);
    const busiest = colourOf('CN');
    const quiet = colourOf('DE');
    expect(busiest[0] + busiest[1] + busiest[2]).toBeGreaterThan(quiet[0] + quiet[1] + quiet[2]);
  });
});

describe('freshPulses', () => {
  it('takes live alerts younger than PULSE_MS, placed at the destination, else the source', () => {
    const alerts = [
      makeAlert(1),
      makeAlert(2, { destination: { country: 'DE' } }),
      makeAlert(3),
      makeAlert(4, { source: undefined, destination: undefined }),
    ];
    const arrivedAt = {
      [makeAlert(1).id]: 1000,
      [makeAlert(2).id]: 1000,
      [makeAlert(3).id]: 1000 - PULSE_MS,
      [makeAlert(4).id]: 1000,
    };
    const pulses = freshPulses(alerts, arrivedAt, 1000);
    expect(pulses.map((pulse) => pulse.position)).toEqual([
      [8.7, 50.1],
      [116.4, 39.9],
    ]);
  });
});

describe('topCountryLabels', () => {
  it('labels the busiest countries that have a place, most first', () => {
    const labels = topCountryLabels(
      { CN: 5, US: 9, ZZ: 50, unknown: 70, DE: 5 },
      { CN: [1, 2], US: [3, 4], DE: [5, 6] },
      2,
    );
    expect(labels).toEqual([
      { iso2: 'US', count: 9, position: [3, 4] },
      { iso2: 'CN', count: 5, position: [1, 2] },
    ]);
  });
});
