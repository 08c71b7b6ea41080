/**
 * What each format carries, and what it must never carry: alerts above
 * the ceiling leave no trace (no title, address or sector of theirs, no
 * incident of theirs alone), every item keeps its own marking, and CSV
 * cells cannot become spreadsheet formulas.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/model';
import type { Tlp } from '../../../shared/vocab';
import { csvCell } from '../../../main/export/csv';
import { exportSelection } from '../../../main/export/export-file';
import { uuidV5 } from '../../../main/export/stix-ids';
import { tlpMarkingId } from '../../../main/export/stix-markings';
import type { AlertCache } from '../../../main/store/alert-cache';
import { allIncidents, freshCache } from './export-harness';

const caches: AlertCache[] = [];
afterEach(() => {
  for (const cache of caches.splice(0)) cache.close();
});

const T0 = Date.parse('2026-03-01T08:00:00.000Z');

function alert(
  id: string,
  tlp: Tlp,
  minutes: number,
  more: Partial<Alert> = {},
): Alert & { raw: string } {
  return {
    id,
    feed: 'sensor',
    kind: 'alert',
    observedAt: T0 + minutes * 60_000,
    receivedAt: T0 + minutes * 60_000,
    severity: 'high',
    title: `Scan ${id}`,
    category: 'attempted-recon',
    signature: 'ET SCAN Nmap',
    source: { ip: '203.0.113.7', port: 40_000 + minutes, country: 'NL' },
    destination: { ip: '198.51.100.20', port: 22, country: 'DE' },
    sectors: ['energy'],
    tlp,
    tags: [],
    raw: '{}',
    ...more,
  };
}

/** One incident of GREEN and RED alerts, and one of RED alerts alone. */
function mixedCache(): AlertCache {
  const cache = freshCache();
  caches.push(cache);
  const secret = { ip: '192.0.2.99', port: 4444, country: 'KP' };
  cache.commit({
    feed: 'sensor',
    feedType: 'eve',
    quarantine: [],
    alerts: [
      alert('alert-red-first', 'red', 0, { title: '=SECRET red title', tags: ['operation-x'] }),
      alert('alert-green-one', 'green', 1),
      alert('alert-green-two', 'green', 2, { title: '=HYPERLINK("http://evil")' }),
      alert('alert-red-alone', 'red', 3, {
        signature: 'Internal red rule',
        source: secret,
        sectors: ['defense'],
        destination: { ip: '10.9.9.9', site: 'Hidden site', country: 'CH' },
      }),
    ],
  });
  return cache;
}

describe('exports under a TLP ceiling', () => {
  it('leave out alerts above it, and incidents with nothing under it, in every format', () => {
    const cache = mixedCache();
    expect(allIncidents(cache)).toHaveLength(2);
    for (const format of ['stix', 'misp', 'csv'] as const) {
      const file = exportSelection(cache, format, { tlp: 'green' });
      expect(file).toMatchObject({ incidents: 1, alerts: 2, withheld: 2 });
      for (const secret of [
        'SECRET',
        'operation-x',
        'Internal red rule',
        '192.0.2.99',
        'KP',
        'defense',
        'Hidden',
        '10.9.9.9',
        'CH',
      ]) {
        expect(file.content, `${format} leaks ${secret}`).not.toContain(secret);
      }
      expect(file.content).not.toContain(tlpMarkingId('red'));
      expect(file.content).not.toContain('tlp:red');
    }
  });

  it('mark every STIX object as its alert is marked', () => {
    const cache = mixedCache();
    const bundle = JSON.parse(exportSelection(cache, 'stix', { tlp: 'red' }).content) as {
      objects: { type: string; id: string; object_marking_refs?: string[]; name?: string }[];
    };
    const sightings = bundle.objects.filter((object) => object.type === 'sighting');
    expect(sightings.map((s) => s.object_marking_refs)).toEqual(
      expect.arrayContaining([[tlpMarkingId('red')], [tlpMarkingId('green')]]),
    );
    const markings = bundle.objects.filter((object) => object.type === 'marking-definition');
    expect(markings.map((m) => m.name).sort()).toEqual(['TLP:CLEAR', 'TLP:GREEN', 'TLP:RED']);
    expect(
      bundle.objects.find((o) => o.type === 'identity' && o.name === 'Lagebild user'),
    ).toBeDefined();
    expect(bundle.objects.some((o) => o.type === 'location')).toBe(true);
    for (const object of bundle.objects) {
      if (!['marking-definition', 'identity', 'extension-definition'].includes(object.type)) {
        expect(object.object_marking_refs, object.id).toHaveLength(1);
      }
    }
  });

  it('tag MISP attributes with their TLP, and the event with the strictest', () => {
    const cache = mixedCache();
    const event = JSON.parse(exportSelection(cache, 'misp', { tlp: 'red' }).content).Event;
    expect(event.Tag).toEqual([{ name: 'tlp:red' }]);
    expect(event.distribution).toBe('0');
    expect(event.threat_level_id).toBe('1');
    const tags = event.Attribute.map((a: { Tag: { name: string }[] }) => a.Tag[0]!.name);
    expect(new Set(tags)).toEqual(new Set(['tlp:red', 'tlp:green']));
    expect(event.Attribute).toContainEqual(
      expect.objectContaining({ type: 'ip-src|port', value: '203.0.113.7|40001' }),
    );
  });

  it('export the named incidents only', () => {
    const cache = mixedCache();
    const [first] = allIncidents(cache);
    const file = exportSelection(cache, 'csv', { tlp: 'red', incidentIds: [first!.id] });
    expect(file.incidents).toBe(1);
    expect(file.content.split('\r\n').filter((line) => line.startsWith(first!.id)).length).toBe(
      file.alerts,
    );
  });
});

describe('CSV', () => {
  it('defuses formulas and quotes as RFC 4180 says', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+49 30')).toBe("'+49 30");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(22)).toBe('22');
    expect(csvCell(undefined)).toBe('');
  });

  it('defuses a formula behind leading white space', () => {
    expect(csvCell(' =1+1')).toBe("' =1+1");
    expect(csvCell('\n=1+1')).toBe('"\'\n=1+1"');
    expect(csvCell(-3)).toBe('-3');
  });

  it('writes a defused title in an export', () => {
    const content = exportSelection(mixedCache(), 'csv', { tlp: 'green' }).content;
    expect(content).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(content.endsWith('\r\n')).toBe(true);
  });
});

describe('STIX ids', () => {
  it('are RFC 9562 UUID version 5', () => {
    // The RFC's own example: www.example.com in the DNS namespace.
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

describe('an export past its size limit', () => {
  it('holds the first alerts up to the limit and counts the rest as truncated', () => {
    const file = exportSelection(mixedCache(), 'csv', { tlp: 'red' }, { maxAlerts: 3 });
    expect(file).toMatchObject({ alerts: 3, truncated: 1, withheld: 0 });
    expect(file.content.trim().split('\r\n')).toHaveLength(1 + 3);
  });
});
