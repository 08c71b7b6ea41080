import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHORTCUTS, triageCommand } from '../../../renderer/incidents/triage-keys';
import { isSnapshotKey, SNAPSHOT_KEY_LABEL } from '../../../renderer/capture/snapshot-key';
import { analystViewName, wallViewName } from '../../../renderer/capture/view-name';
import { isSnapshotFileName, slug, snapshotFileName } from '../../../shared/snapshot';

const AT = new Date('2026-12-04T09:12:47.123Z');

describe('snapshot file names', () => {
  it('carry the view and the UTC minute', () => {
    expect(snapshotFileName('map', AT)).toBe('lagebild-map-2026-12-04T0912Z.png');
    expect(snapshotFileName('wall-ops-region-europe', AT)).toBe(
      'lagebild-wall-ops-region-europe-2026-12-04T0912Z.png',
    );
  });

  it('turn any view text into safe lower-case words', () => {
    expect(slug('Incident-INC 42/../etc')).toBe('incident-inc-42-etc');
    expect(snapshotFileName('../../', AT)).toBe('lagebild-view-2026-12-04T0912Z.png');
    expect(snapshotFileName('x'.repeat(500), AT).length).toBeLessThan(100);
  });

  it('always make names the main process accepts, whatever the view and time', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        (view, at) => {
          const name = snapshotFileName(view, at);
          expect(isSnapshotFileName(name)).toBe(true);
        },
      ),
    );
  });

  it('are refused when they are paths, other files or not text', () => {
    for (const name of [
      '../lagebild-map-2026-12-04T0912Z.png',
      '/tmp/lagebild-map-2026-12-04T0912Z.png',
      'lagebild-map-2026-12-04T0912Z.png.exe',
      'lagebild-Map-2026-12-04T0912Z.png',
      'lagebild--2026-12-04T0912Z.png',
      'lagebild-map\\x-2026-12-04T0912Z.png',
      'notes.txt',
      '',
      undefined,
      42,
      { name: 'lagebild-map-2026-12-04T0912Z.png' },
    ]) {
      expect(isSnapshotFileName(name)).toBe(false);
    }
  });
});

describe('snapshot view names', () => {
  it('name the analyst view, and the incident that is open', () => {
    expect(analystViewName({ view: 'map' })).toBe('map');
    expect(analystViewName({ view: 'sectors', windowMinutes: 60 })).toBe('sectors');
    expect(analystViewName({ view: 'settings' })).toBe('settings');
    expect(analystViewName({ view: 'incidents', filter: {} })).toBe('incidents');
    expect(analystViewName({ view: 'incidents', filter: {}, incident: 'inc-7' })).toBe(
      'incident-inc-7',
    );
  });

  it('name the wall profile and what its playlist shows', () => {
    expect(wallViewName('ops', { view: 'map', seconds: 30 })).toBe('wall-ops-map');
    expect(wallViewName('ops', { view: 'region', region: 'europe', seconds: 30 })).toBe(
      'wall-ops-region-europe',
    );
    expect(wallViewName('ops', undefined)).toBe('wall-ops-map');
  });
});

describe('the snapshot key', () => {
  const press = {
    key: 'P',
    shiftKey: true,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    repeat: false,
  };

  it('is Shift+P, also with caps lock on', () => {
    expect(isSnapshotKey(press, false)).toBe(true);
    expect(isSnapshotKey({ ...press, key: 'p' }, false)).toBe(true);
  });

  it('is not a plain p, a combination, a held key or a letter typed into a field', () => {
    expect(isSnapshotKey({ ...press, shiftKey: false, key: 'p' }, false)).toBe(false);
    expect(isSnapshotKey({ ...press, ctrlKey: true }, false)).toBe(false);
    expect(isSnapshotKey({ ...press, metaKey: true }, false)).toBe(false);
    expect(isSnapshotKey({ ...press, altKey: true }, false)).toBe(false);
    expect(isSnapshotKey({ ...press, repeat: true }, false)).toBe(false);
    expect(isSnapshotKey(press, true)).toBe(false);
  });

  it('is listed in the help and clashes with no triage key', () => {
    expect(SHORTCUTS.map(([key]) => key)).toContain(SNAPSHOT_KEY_LABEL);
    expect(triageCommand('P', false)).toBeUndefined();
  });
});
