/**
 * One MISP event as alerts: every network attribute (ip-src, ip-dst,
 * domain, hostname, url and their |port and |ip forms) is an indicator,
 * every object of network attributes (domain-ip, ip-port, url, ...) is one
 * indicator of all of them, and each sighting of either is a sighting.
 * Attributes of other types (hashes, file names, text) are counted.
 * Malformed attributes, objects and sightings are rejected one by one.
 */
import type { ParseResult, ParsedAlert } from '../types';
import { eventContext, type EventContext } from './event-context';
import { GEOLOCATION_OBJECT } from './geolocation';
import { indicatorAlert, type IndicatorItem } from './indicator';
import { isNetworkType, networkValue, type NetworkValue } from './network-attributes';
import {
  isDeleted,
  issueReason,
  MispAttributeSchema,
  MispEventSchema,
  MispObjectSchema,
  type MispAttribute,
  type MispObject,
} from './schema';
import { RejectionList } from '../rejection-list';
import { sightingAlerts } from './sightings';
import { strictestTagTlp, tlpOfTag } from './tlp-tags';

/** What one event gave: alerts, rejected parts and counts of what makes no alert. */
interface EventParts {
  alerts: ParsedAlert[];
  rejected: RejectionList;
  ignored: Map<string, number>;
}

/** The alerts of one MISP event, or why the event as a whole is unusable. */
export function eventAlerts(
  value: unknown,
  position: string,
): Extract<ParseResult, { ok: true }> | { ok: false; reason: string } {
  const checked = MispEventSchema.safeParse(value);
  if (!checked.success) return { ok: false, reason: `MISP event: ${issueReason(checked.error)}` };
  const event = checked.data;
  const where = `${position} (event ${event.uuid})`;
  const parts: EventParts = { alerts: [], rejected: new RejectionList(), ignored: new Map() };
  const objects = checkObjects(event.Object, where, parts);
  const context = eventContext(event, objects);

  for (const [index, item] of event.Attribute.entries()) {
    const attribute = checkAttribute(item, `${where} attribute ${index + 1}`, parts);
    if (attribute) addAttribute(context, attribute, `${where} attribute ${index + 1}`, parts);
  }
  for (const object of objects) addObject(context, object, `${where} object ${object.uuid}`, parts);
  // An event of no attributes and no objects is valid; counting it keeps it from vanishing.
  if (event.Attribute.length === 0 && event.Object.length === 0) count(parts, 'empty event');
  return {
    ok: true,
    alerts: parts.alerts,
    ...(parts.ignored.size > 0 ? { ignored: Object.fromEntries(parts.ignored) } : {}),
    ...parts.rejected.fields(),
  };
}

function checkObjects(items: unknown[], where: string, parts: EventParts): MispObject[] {
  const objects: MispObject[] = [];
  for (const [index, item] of items.entries()) {
    const checked = MispObjectSchema.safeParse(item);
    if (!checked.success) {
      const reason = `MISP object: ${issueReason(checked.error)}`;
      reject(parts, `${where} object ${index + 1}`, reason, () => JSON.stringify(item));
    } else if (isDeleted(checked.data.deleted)) {
      count(parts, 'deleted object');
    } else {
      objects.push(checked.data);
    }
  }
  return objects;
}

/** The attribute, or undefined when it is malformed (rejected) or deleted (counted). */
function checkAttribute(
  item: unknown,
  position: string,
  parts: EventParts,
): MispAttribute | undefined {
  const checked = MispAttributeSchema.safeParse(item);
  if (!checked.success) {
    reject(parts, position, `MISP attribute: ${issueReason(checked.error)}`, () =>
      JSON.stringify(item),
    );
    return undefined;
  }
  if (isDeleted(checked.data.deleted)) {
    count(parts, 'deleted attribute');
    return undefined;
  }
  return checked.data;
}

function addAttribute(
  context: EventContext,
  attribute: MispAttribute,
  position: string,
  parts: EventParts,
): void {
  if (!isNetworkType(attribute.type)) {
    count(parts, `attribute ${attribute.type}`);
    return;
  }
  const network = networkValue(attribute.type, attribute.value);
  if (!network) {
    reject(parts, position, unfitReason(attribute), () => JSON.stringify(attribute));
    return;
  }
  const tagNames = attribute.Tag.map((tag) => tag.name);
  addIndicator(context, position, parts, attribute.Sighting, {
    uuid: attribute.uuid,
    what: `${attribute.type} attribute`,
    values: [attribute.value],
    category: attribute.category ?? 'network activity',
    observedAt: attribute.timestamp ?? context.changedAt,
    network,
    tags: [`misp-type:${attribute.type}`, ...withoutTlp(tagNames)],
    tlp: strictestTagTlp(tagNames),
    raw: JSON.stringify(attribute),
  });
}

/** An object's network attributes together as one indicator; other objects are counted. */
function addObject(
  context: EventContext,
  object: MispObject,
  where: string,
  parts: EventParts,
): void {
  if (object.name === GEOLOCATION_OBJECT) return;
  const network: NetworkValue = { observables: [] };
  const values: string[] = [];
  const sightings: unknown[] = [];
  const tagNames: string[] = [];
  let observedAt = 0;
  for (const [index, item] of object.Attribute.entries()) {
    const position = `${where} attribute ${index + 1}`;
    const attribute = checkAttribute(item, position, parts);
    if (!attribute || !isNetworkType(attribute.type)) continue;
    const read = networkValue(attribute.type, attribute.value);
    if (!read) {
      reject(parts, position, unfitReason(attribute), () => JSON.stringify(attribute));
      continue;
    }
    // Loops, not push(...list): spreading a list of 150,000 sightings overflows the stack.
    for (const observable of read.observables) network.observables.push(observable);
    network.port ??= read.port;
    values.push(attribute.value);
    for (const sighting of attribute.Sighting) sightings.push(sighting);
    for (const tag of attribute.Tag) tagNames.push(tag.name);
    observedAt = Math.max(observedAt, attribute.timestamp ?? 0);
  }
  if (network.observables.length === 0) {
    count(parts, `object ${object.name}`);
    return;
  }
  addIndicator(context, where, parts, sightings, {
    uuid: object.uuid,
    what: `${object.name} object`,
    values,
    category: object.name,
    observedAt: observedAt || context.changedAt,
    network,
    tags: [`misp-object:${object.name}`, ...withoutTlp(tagNames)],
    tlp: strictestTagTlp(tagNames),
    raw: JSON.stringify(object),
  });
}

/** Adds the indicator of `item` and the alerts of its sightings. */
function addIndicator(
  context: EventContext,
  position: string,
  parts: EventParts,
  sightings: readonly unknown[],
  item: IndicatorItem,
): void {
  const built = indicatorAlert(context, item);
  if (!built.ok) {
    reject(parts, position, `MISP ${built.reason}`, () => item.raw);
    return;
  }
  parts.alerts.push(built.alert);
  const seen = sightingAlerts(built.alert, item.uuid, sightings);
  // A loop, not push(...alerts): an attribute may carry hundreds of thousands of sightings.
  for (const alert of seen.alerts) parts.alerts.push(alert);
  for (const { index, reason, raw } of seen.rejected) {
    reject(parts, `${position} sighting ${index + 1}`, reason, () => raw);
  }
  for (const kind of seen.ignored) count(parts, kind);
}

function unfitReason(attribute: MispAttribute): string {
  const value = JSON.stringify(attribute.value).slice(0, 80);
  return `MISP ${attribute.type} attribute: value does not fit its type: ${value}`;
}

/** Tag names that are not TLP levels (those become the alert's marking). */
function withoutTlp(names: string[]): string[] {
  return names.filter((name) => !tlpOfTag(name));
}

/** `raw` is made only for a rejection that is listed (see RejectionList). */
function reject(parts: EventParts, position: string, reason: string, raw: () => string): void {
  parts.rejected.add(position, reason, raw);
}

function count(parts: EventParts, key: string): void {
  parts.ignored.set(key, (parts.ignored.get(key) ?? 0) + 1);
}
