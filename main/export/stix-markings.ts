/**
 * The TLP 2.0 marking definitions as FIRST and OASIS publish them (the
 * STIX common objects), with their standard ids, so that any STIX reader
 * recognises an exported object's marking by id alone.
 */
import type { Tlp } from '../../shared/vocab';
import { TLP2_EXTENSION_ID, WELL_KNOWN_TLP } from '../parsers/stix/markings';

/** When the TLP 2.0 definitions were published, as they state it. */
const TLP2_CREATED = '2022-10-01T00:00:00.000Z';

/** The TLP 2.0 ids by level: the last id the parser's table lists for a level is its 2.0 id. */
const TLP2_IDS: ReadonlyMap<Tlp, string> = new Map(
  [...WELL_KNOWN_TLP].map(([id, level]) => [level, id] as const),
);

/** The standard id of a TLP 2.0 level's marking definition. */
export function tlpMarkingId(tlp: Tlp): string {
  const id = TLP2_IDS.get(tlp);
  if (id === undefined) throw new Error(`no TLP 2.0 marking for ${tlp}`);
  return id;
}

/** The official TLP 2.0 marking-definition object of a level. */
export function tlpMarkingDefinition(tlp: Tlp): Record<string, unknown> {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: tlpMarkingId(tlp),
    created: TLP2_CREATED,
    name: `TLP:${tlp.toUpperCase()}`,
    extensions: {
      [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: tlp },
    },
  };
}
