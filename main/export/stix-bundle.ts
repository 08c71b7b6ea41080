/**
 * An export as a STIX 2.1 bundle. Each alert becomes a sighting (with
 * observed data for its addresses and ports, and where it was seen: the
 * sectors as identities, the target's country as a location) of one
 * indicator per incident. Every object carries the TLP 2.0 marking it is
 * owed, and every sighting Lagebild's property extension with the alert
 * itself, so that a Lagebild importing the bundle gets the same alerts.
 */
import type { Alert } from '../../shared/model';
import type { Tlp } from '../../shared/vocab';
import { LAGEBILD_EXTENSION_ID, type LagebildAlert } from '../parsers/stix/lagebild-extension';
import type { Selected, SelectedIncident } from './selection';
import { strictestOf } from './selection';
import { stixId } from './stix-ids';
import { tlpMarkingDefinition, tlpMarkingId } from './stix-markings';
import { ObservableSet } from './stix-observables';

type StixObject = Record<string, unknown> & { id: string };

/** Who shares: the organisation named as the creator of every exported object. */
export interface StixProducer {
  name: string;
}

/** A fixed time for the objects that describe no event (identities, definitions). */
const DEFINED_AT = '2026-01-01T00:00:00.000Z';

/** Lagebild as the author of its extension's definition, the same in every export. */
const LAGEBILD_IDENTITY = 'identity--0b5c8e1a-2f47-5d93-8c61-7e4a9b3d2f18';

/** Values an exported indicator's pattern names at most. */
const MAX_PATTERN_VALUES = 100;

const iso = (ms: number) => new Date(ms).toISOString();
const marked = (tlp: Tlp) => ({ object_marking_refs: [tlpMarkingId(tlp)] });

/** The bundle of a selection. */
export function stixBundle(selected: Selected, producer: StixProducer): Record<string, unknown> {
  const producerId = stixId('identity', `producer\0${producer.name}`);
  const observables = new ObservableSet();
  const places = new Map<string, StixObject>();
  const levels = new Set<Tlp>();
  const events: StixObject[] = [];
  for (const item of selected.incidents) {
    const indicator = incidentIndicator(item, producerId);
    events.push(indicator);
    for (const alert of item.alerts) {
      levels.add(alert.tlp);
      const whereSighted = alertPlaces(alert, producerId, places);
      const refs = observables.addAlert(alert);
      const observed = refs.length > 0 ? observedData(alert, refs, producerId) : undefined;
      if (observed) events.push(observed);
      events.push(sighting(alert, indicator.id, observed?.id, whereSighted, producerId));
    }
  }
  if (places.size > 0) levels.add('clear');
  const objects: StixObject[] = [
    ...[...levels].map((tlp) => tlpMarkingDefinition(tlp) as StixObject),
    producerIdentity(producerId, producer.name),
    ...extensionDefinition(),
    ...places.values(),
    ...observables.all(),
    ...events,
  ];
  // The same objects make the same bundle id, so a re-sent export is recognised.
  const id = stixId('bundle', objects.map((object) => object.id).join(','));
  return { type: 'bundle', id, objects };
}

function producerIdentity(id: string, name: string): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id,
    created: DEFINED_AT,
    modified: DEFINED_AT,
    name,
    identity_class: 'organization',
  };
}

/** The definition of Lagebild's extension, and Lagebild as its author. */
function extensionDefinition(): StixObject[] {
  return [
    {
      type: 'identity',
      spec_version: '2.1',
      id: LAGEBILD_IDENTITY,
      created: DEFINED_AT,
      modified: DEFINED_AT,
      name: 'Lagebild',
      identity_class: 'system',
    },
    {
      type: 'extension-definition',
      spec_version: '2.1',
      id: LAGEBILD_EXTENSION_ID,
      created_by_ref: LAGEBILD_IDENTITY,
      created: DEFINED_AT,
      modified: DEFINED_AT,
      name: 'Lagebild alert',
      description:
        'The Lagebild alert a sighting stands for, so that Lagebild can restore it on import.',
      schema: 'urn:lagebild:stix:extension:alert:1',
      version: '1.0.0',
      extension_types: ['property-extension'],
    },
  ];
}

/**
 * The indicator all sightings of an incident are of. Its name and pattern
 * come from the exported alerts only, never from a withheld one, and it is
 * marked as strictly as the strictest of them.
 */
function incidentIndicator(
  { incident, alerts, source }: SelectedIncident,
  producerId: string,
): StixObject {
  const [first] = alerts as [Alert, ...Alert[]];
  // A loop, not Math.max(...): spreading a large selection overflows the stack.
  const last = alerts.reduce(
    (latest, alert) => Math.max(latest, alert.observedAt),
    first.observedAt,
  );
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: stixId('indicator', incident.id),
    created_by_ref: producerId,
    created: iso(first.observedAt),
    modified: iso(Math.max(last, first.observedAt)),
    name: source?.name ?? first.title,
    indicator_types: ['malicious-activity'],
    pattern: source?.pattern ?? indicatorPattern(alerts),
    pattern_type: source?.patternType ?? 'stix',
    valid_from: iso(first.observedAt),
    ...marked(strictestOf(alerts)),
    extensions: {
      [LAGEBILD_EXTENSION_ID]: { extension_type: 'property-extension', incident_id: incident.id },
    },
  };
}

/** The sources' addresses and host names, or else the signature, as a STIX pattern. */
function indicatorPattern(alerts: readonly Alert[]): string {
  const terms = new Set<string>();
  for (const alert of alerts) {
    const { ip, hostname } = alert.source ?? {};
    if (ip !== undefined)
      terms.add(`${ip.includes(':') ? 'ipv6' : 'ipv4'}-addr:value = ${quoted(ip)}`);
    if (hostname !== undefined) terms.add(`domain-name:value = ${quoted(hostname)}`);
    if (terms.size >= MAX_PATTERN_VALUES) break;
  }
  if (terms.size === 0) {
    const [first] = alerts as [Alert];
    terms.add(`x-lagebild-alert:signature = ${quoted(first.signature ?? first.title)}`);
  }
  return `[${[...terms].slice(0, MAX_PATTERN_VALUES).join(' OR ')}]`;
}

/** A STIX pattern string literal. */
function quoted(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** Where an alert was seen: its sectors and its target's country, each one shared object. */
function alertPlaces(alert: Alert, producerId: string, places: Map<string, StixObject>): string[] {
  const ids: string[] = [];
  for (const sector of alert.sectors) {
    const id = stixId('identity', `sector\0${producerId}\0${sector}`);
    if (!places.has(id)) places.set(id, sectorIdentity(id, sector, producerId));
    ids.push(id);
  }
  const country = alert.destination?.country;
  if (country !== undefined) {
    const id = stixId('location', `country\0${producerId}\0${country}`);
    if (!places.has(id)) places.set(id, countryLocation(id, country, producerId));
    ids.push(id);
  }
  return ids;
}

// Sectors and countries are names from public vocabularies: CLEAR. Which
// alert was seen where is told by the sighting, under its own marking.
function sectorIdentity(id: string, sector: string, producerId: string): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id,
    created_by_ref: producerId,
    created: DEFINED_AT,
    modified: DEFINED_AT,
    name: `Sector: ${sector}`,
    identity_class: 'class',
    sectors: [sector],
    ...marked('clear'),
  };
}

function countryLocation(id: string, country: string, producerId: string): StixObject {
  return {
    type: 'location',
    spec_version: '2.1',
    id,
    created_by_ref: producerId,
    created: DEFINED_AT,
    modified: DEFINED_AT,
    name: country,
    country,
    ...marked('clear'),
  };
}

function observedData(alert: Alert, refs: string[], producerId: string): StixObject {
  return {
    type: 'observed-data',
    spec_version: '2.1',
    id: stixId('observed-data', alert.id),
    created_by_ref: producerId,
    created: iso(alert.observedAt),
    modified: iso(alert.observedAt),
    first_observed: iso(alert.observedAt),
    last_observed: iso(alert.observedAt),
    number_observed: 1,
    object_refs: refs,
    ...marked(alert.tlp),
  };
}

function sighting(
  alert: Alert,
  indicatorId: string,
  observedId: string | undefined,
  whereSighted: string[],
  producerId: string,
): StixObject {
  return {
    type: 'sighting',
    spec_version: '2.1',
    id: stixId('sighting', alert.id),
    created_by_ref: producerId,
    created: iso(alert.observedAt),
    modified: iso(alert.observedAt),
    first_seen: iso(alert.observedAt),
    last_seen: iso(alert.observedAt),
    count: 1,
    sighting_of_ref: indicatorId,
    ...(observedId ? { observed_data_refs: [observedId] } : {}),
    ...(whereSighted.length > 0 ? { where_sighted_refs: whereSighted } : {}),
    ...marked(alert.tlp),
    extensions: { [LAGEBILD_EXTENSION_ID]: alertExtension(alert) },
  };
}

/** The alert as Lagebild's extension carries it. */
function alertExtension(alert: Alert): LagebildAlert {
  return {
    extension_type: 'property-extension',
    alert_id: alert.id,
    kind: alert.kind,
    observed_at: iso(alert.observedAt),
    severity: alert.severity,
    title: alert.title,
    category: alert.category,
    ...(alert.signature === undefined ? {} : { signature: alert.signature }),
    // STIX allows no empty list in a property: an empty one is left out.
    ...(alert.tags.length > 0 ? { tags: alert.tags } : {}),
    ...(alert.sectors.length > 0 ? { sectors: alert.sectors } : {}),
    ...(alert.source ? { source: alert.source } : {}),
    ...(alert.destination ? { destination: alert.destination } : {}),
    feed: alert.feed,
    ...(alert.incidentId === undefined ? {} : { incident_id: alert.incidentId }),
  };
}
