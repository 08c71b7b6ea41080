import { describe, expect, it } from 'vitest';
import { isJsonObject } from '../../../../main/parsers/fields';
import {
  NOTHING_READ,
  WELL_KNOWN_TLP,
  alertTlp,
  joinProvenance,
  markingTable,
  markingTlp,
  objectTlp,
} from '../../../../main/parsers/stix/markings';
import { readSampleJson } from '../samples';

/** The one marking-definition of a sample bundle. */
function markingOf(path: string) {
  const bundle = readSampleJson(path);
  const objects = isJsonObject(bundle) && Array.isArray(bundle.objects) ? bundle.objects : [];
  const [marking] = objects.filter(isJsonObject);
  if (!marking) throw new Error(`${path} has no marking`);
  return marking;
}

const DIR = 'stix21/tlp2-markings';

describe('markingTlp', () => {
  it.each([
    ['marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003.json', 'amber+strict'],
    ['marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb.json', 'green'],
    ['marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1.json', 'red'],
    ['tlp-amber.json', 'amber'],
    ['tlp-clear.json', 'clear'],
    ['marking-definition--3cd55916-d34b-4747-a8e0-dedec14b711b.json', undefined],
    ['marking-definition--62fd3f9b-15f3-4ebc-802c-91fce9536bcf.json', undefined],
  ])('reads %s as %s', (file, level) => {
    expect(markingTlp(markingOf(`${DIR}/${file}`))).toBe(level);
  });

  it('agrees with the well-known id of each TLP 2.0 sample', () => {
    for (const file of ['tlp-amber.json', 'tlp-clear.json']) {
      const marking = markingOf(`${DIR}/${file}`);
      expect(WELL_KNOWN_TLP.get(String(marking.id))).toBe(markingTlp(marking));
    }
  });

  it('reads TLP 1.0 definitions, with WHITE as clear', () => {
    expect(markingTlp({ definition_type: 'tlp', definition: { tlp: 'white' } })).toBe('clear');
    expect(markingTlp({ definition_type: 'tlp', definition: { tlp: 'AMBER' } })).toBe('amber');
  });

  it('reads a TLP name and, failing all else, a well-known id', () => {
    expect(markingTlp({ name: 'TLP:AMBER+STRICT' })).toBe('amber+strict');
    expect(markingTlp({ id: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed' })).toBe(
      'red',
    );
    expect(markingTlp({ name: 'Copyright', definition_type: 'statement' })).toBeUndefined();
  });
});

describe('objectTlp', () => {
  const table = markingTable([
    { type: 'marking-definition', id: 'marking-definition--x', name: 'TLP:AMBER' },
    // A document cannot make TLP:CLEAR's well-known id mean RED.
    {
      type: 'marking-definition',
      id: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
      name: 'TLP:RED',
    },
  ]);

  it('takes the most restrictive of object and granular markings', () => {
    const object = {
      object_marking_refs: ['marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487'],
      granular_markings: [{ marking_ref: 'marking-definition--x', selectors: ['name'] }],
    };
    expect(objectTlp(object, table)).toBe('amber');
  });

  it('keeps the well-known meaning of well-known ids', () => {
    const object = {
      object_marking_refs: ['marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487'],
    };
    expect(objectTlp(object, table)).toBe('clear');
  });

  it('is undefined without TLP markings, and ignores unknown or malformed refs', () => {
    expect(objectTlp({}, table)).toBeUndefined();
    const object = {
      object_marking_refs: ['marking-definition--unknown', 7],
      granular_markings: [1, {}],
    };
    expect(objectTlp(object, table)).toBeUndefined();
  });
});

describe('joinProvenance and alertTlp', () => {
  it('keeps the strictest marking and whether any part was unmarked', () => {
    const joined = joinProvenance([{ tlp: 'green' }, { unmarked: true }, { tlp: 'red' }]);
    expect(joined).toEqual({ tlp: 'red', unmarked: true });
    expect(alertTlp(joined)).toEqual({ tlp: 'red', partlyUnmarked: true });
  });

  it('leaves the TLP to the feed when nothing read was marked', () => {
    expect(alertTlp(joinProvenance([{ unmarked: true }, NOTHING_READ]))).toEqual({});
    expect(alertTlp(joinProvenance([{ tlp: 'amber' }, NOTHING_READ]))).toEqual({ tlp: 'amber' });
  });
});
