/**
 * The sector galaxy table against the real galaxy file: every value and
 * synonym is either mapped to STIX sectors or deliberately left out.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  sectorKey,
  sectorsOfGalaxyValue,
  UNMAPPED_GALAXY_SECTORS,
} from '../../../../main/parsers/misp/galaxy-sectors';
import { isSector } from '../../../../shared/vocab';
import { samplePath } from '../../../support/samples';

interface GalaxyValue {
  value: string;
  meta?: { synonyms?: string[] };
}
const galaxy = JSON.parse(readFileSync(samplePath('misp', 'galaxy', 'sector.json'), 'utf8')) as {
  values: GalaxyValue[];
};

describe('MISP sector galaxy', () => {
  it('maps every value of the galaxy file, or leaves it out on purpose', () => {
    expect(galaxy.values).toHaveLength(118);
    const forgotten = galaxy.values
      .map((entry) => entry.value)
      .filter((value) => sectorsOfGalaxyValue(value).length === 0)
      .filter((value) => !UNMAPPED_GALAXY_SECTORS.has(sectorKey(value)));
    expect(forgotten).toEqual([]);
  });

  it('maps only to STIX sectors, and a synonym as its value', () => {
    for (const entry of galaxy.values) {
      const sectors = sectorsOfGalaxyValue(entry.value);
      expect(sectors.every(isSector)).toBe(true);
      for (const synonym of entry.meta?.synonyms ?? []) {
        expect(sectorsOfGalaxyValue(synonym), synonym).toEqual(sectors);
      }
    }
  });

  it('reads common spellings and the STIX names themselves', () => {
    expect(sectorsOfGalaxyValue('Finance')).toEqual(['financial-services']);
    expect(sectorsOfGalaxyValue('  BANK ')).toEqual(['financial-services']);
    expect(sectorsOfGalaxyValue('Financial')).toEqual(['financial-services']);
    expect(sectorsOfGalaxyValue('Banking')).toEqual(['financial-services']);
    expect(sectorsOfGalaxyValue('Government, Administration')).toEqual(['government']);
    expect(sectorsOfGalaxyValue('Healthcare')).toEqual(['healthcare']);
    expect(sectorsOfGalaxyValue('Telecoms')).toEqual(['telecommunications']);
    expect(sectorsOfGalaxyValue('Water')).toEqual(['infrastructure-water', 'utilities']);
    expect(sectorsOfGalaxyValue('Oil and gas')).toEqual(['energy']);
    expect(sectorsOfGalaxyValue('financial-services')).toEqual(['financial-services']);
    expect(sectorsOfGalaxyValue('Activists')).toEqual([]);
    expect(sectorsOfGalaxyValue('no such sector')).toEqual([]);
  });
});
