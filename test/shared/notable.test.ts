import { describe, expect, it } from 'vitest';
import { NotableIncidentTracker } from '../../shared/notable';
import { makeAlert } from '../renderer/fixtures';

describe('notable incidents', () => {
  it('announces each incident once, from the configured severity up', () => {
    const tracker = new NotableIncidentTracker('high');
    const taken = tracker.take([
      makeAlert(1, { incidentId: 'inc-aaaaaaaa', severity: 'medium' }),
      makeAlert(2, { incidentId: 'inc-bbbbbbbb', severity: 'high' }),
      makeAlert(3, { incidentId: 'inc-bbbbbbbb', severity: 'critical' }),
      makeAlert(4, { incidentId: 'inc-cccccccc', severity: 'critical' }),
    ]);
    expect(taken.map((item) => item.incidentId)).toEqual(['inc-bbbbbbbb', 'inc-cccccccc']);
    expect(
      tracker.take([makeAlert(5, { incidentId: 'inc-cccccccc', severity: 'critical' })]),
    ).toEqual([]);
  });

  it('announces an incident that was known below the level and then rose to it', () => {
    const tracker = new NotableIncidentTracker('critical');
    tracker.know([makeAlert(1, { incidentId: 'inc-aaaaaaaa', severity: 'high' })]);
    const taken = tracker.take([
      makeAlert(2, { incidentId: 'inc-aaaaaaaa', severity: 'critical' }),
    ]);
    expect(taken).toHaveLength(1);
  });

  it('does not announce what was already notable when the page connected', () => {
    const tracker = new NotableIncidentTracker('critical');
    tracker.know([makeAlert(1, { incidentId: 'inc-aaaaaaaa', severity: 'critical' })]);
    expect(
      tracker.take([makeAlert(2, { incidentId: 'inc-aaaaaaaa', severity: 'critical' })]),
    ).toEqual([]);
  });

  it('announces nothing when off, and skips alerts without an incident', () => {
    expect(
      new NotableIncidentTracker('off').take([
        makeAlert(1, { incidentId: 'inc-aaaaaaaa', severity: 'critical' }),
      ]),
    ).toEqual([]);
    expect(
      new NotableIncidentTracker('info').take([makeAlert(1, { severity: 'critical' })]),
    ).toEqual([]);
  });

  it('stays bounded on a screen that runs for months', () => {
    const tracker = new NotableIncidentTracker('info');
    for (let i = 0; i < 20_000; i += 1)
      tracker.take([makeAlert(i, { incidentId: `inc-${String(i).padStart(8, '0')}` })]);
    // The oldest were forgotten: hit again, they are announced again.
    expect(tracker.take([makeAlert(0, { incidentId: 'inc-00000000' })])).toHaveLength(1);
    expect(tracker.take([makeAlert(1, { incidentId: 'inc-00019999' })])).toEqual([]);
  });
});
