import { ScatterplotLayer } from '@deck.gl/layers';
import { SEVERITY_RGB } from '../../palette';
import { PULSE_MS, type Pulse } from './pulses';

const RING_PERIOD_MS = 2_000;
const RING_MAX_RADIUS = 28;

// The clock may lag an arrival by a frame, so an age is never negative.
const age = (pulse: Pulse, now: number) => Math.max(0, now - pulse.arrivedAt);
const fade = (pulse: Pulse, now: number) => Math.max(0, 1 - age(pulse, now) / PULSE_MS);
const phase = (pulse: Pulse, now: number) => (age(pulse, now) % RING_PERIOD_MS) / RING_PERIOD_MS;

/** Fresh alerts as a dot that fades out over PULSE_MS and a ring that keeps expanding from it. */
export function pulsesLayers(
  pulses: Pulse[],
  now: number,
  visible: boolean,
  scale = 1,
): ScatterplotLayer<Pulse>[] {
  const rings = new ScatterplotLayer<Pulse>({
    id: 'pulse-rings',
    data: pulses,
    visible,
    filled: false,
    stroked: true,
    radiusUnits: 'pixels',
    lineWidthUnits: 'pixels',
    radiusScale: scale,
    lineWidthScale: scale,
    getPosition: (pulse) => pulse.position,
    getRadius: (pulse) => 4 + phase(pulse, now) * RING_MAX_RADIUS,
    getLineWidth: 2,
    getLineColor: (pulse) => [
      ...SEVERITY_RGB[pulse.severity],
      255 * (1 - phase(pulse, now)) * fade(pulse, now),
    ],
    updateTriggers: { getRadius: now, getLineColor: now },
  });
  const dots = new ScatterplotLayer<Pulse>({
    id: 'pulse-dots',
    data: pulses,
    visible,
    radiusUnits: 'pixels',
    radiusScale: scale,
    getPosition: (pulse) => pulse.position,
    getRadius: 4,
    getFillColor: (pulse) => [...SEVERITY_RGB[pulse.severity], 255 * fade(pulse, now)],
    updateTriggers: { getFillColor: now },
  });
  return [rings, dots];
}
