/**
 * A MISP attribute, or an object of network attributes, as an alert of
 * kind 'indicator': the endpoint it names is the malicious source, placed
 * by a linked geolocation object where the event has one.
 */
import type { Endpoint } from '../../../shared/model';
import { stricterTlp, type Tlp } from '../../../shared/vocab';
import { alertId } from '../alert-id';
import { placeObservables, withPort } from '../stix/observables';
import { boundTags, normalizeCategory, truncate } from '../text';
import type { ParsedAlert } from '../types';
import type { EventContext } from './event-context';
import type { NetworkValue } from './network-attributes';

/** Most tags a MISP alert keeps (the model allows 100). */
export const MAX_MISP_TAGS = 50;

/** One thing an event names as malicious: an attribute or an object. */
export interface IndicatorItem {
  /** The attribute's or object's uuid. */
  uuid: string;
  /** What it is, for messages: "ip-dst attribute", "ip-port object". */
  what: string;
  /** The values it names, for the title. */
  values: string[];
  category: string;
  observedAt: number;
  network: NetworkValue;
  tags: string[];
  tlp?: Tlp;
  raw: string;
}

/** The indicator alert of `item`, or why it names no endpoint. */
export function indicatorAlert(
  context: EventContext,
  item: IndicatorItem,
): { ok: true; alert: ParsedAlert } | { ok: false; reason: string } {
  const placed = placeObservables(item.network.observables);
  if (!placed.endpoint) {
    const values = truncate(item.values.join(' '), 120);
    return {
      ok: false,
      reason: `${item.what}: no address, host name or URL in ${JSON.stringify(values)}`,
    };
  }
  const endpoint = withPort(placed.endpoint, item.network.port) as Endpoint;
  const place = context.placeFor.get(item.uuid);
  const tlp =
    item.tlp && context.tlp ? stricterTlp(item.tlp, context.tlp) : (item.tlp ?? context.tlp);
  return {
    ok: true,
    alert: {
      id: alertId('misp', item.uuid),
      kind: 'indicator',
      observedAt: item.observedAt,
      severity: context.severity,
      title: truncate(`${item.values.join(' ')} (${context.info})`, 500),
      category: normalizeCategory(item.category),
      source: place ? { ...place, ...endpoint } : endpoint,
      sectors: context.sectors,
      ...(tlp ? { tlp } : {}),
      tags: boundTags(
        [
          ...item.tags,
          ...placed.tags,
          ...context.tags,
          context.creator && `creator:${context.creator}`,
        ],
        MAX_MISP_TAGS,
      ),
      signature: context.signature,
      raw: item.raw,
    },
  };
}
