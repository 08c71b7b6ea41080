/**
 * An export as one MISP event (the {"Event": …} JSON that MISP imports):
 * an attribute per address and host name of each alert, tagged with the
 * alert's TLP, and the event tagged with the strictest of them. MISP's
 * distribution follows the TLP, so a receiving MISP shares no further
 * than the marking allows.
 */
import type { Alert, Endpoint } from '../../shared/model';
import { severityRank, type Severity, type Tlp } from '../../shared/vocab';
import type { Selected } from './selection';
import { strictestOf } from './selection';
import { uuidV5 } from './stix-ids';

/** Lagebild's namespace for MISP uuids, apart from its STIX ids. */
const MISP_NAMESPACE = '3c0e9a57-8d21-4b6f-a4e8-5f19b2d7c034';

/**
 * MISP's distribution levels: 0 your organisation, 1 this community, 2
 * connected communities, 3 all. Each TLP gets the widest level it allows:
 * GREEN is for the recipient's community, AMBER for its organisation only.
 */
const DISTRIBUTION: Record<Tlp, string> = {
  clear: '3',
  green: '1',
  amber: '0',
  'amber+strict': '0',
  red: '0',
};

/** MISP threat levels: 1 high, 2 medium, 3 low, 4 undefined. */
const THREAT_LEVEL: Record<Severity, string> = {
  critical: '1',
  high: '1',
  medium: '2',
  low: '3',
  info: '4',
};

type Attribute = Record<string, unknown>;

/** The MISP event of a selection, by the organisation `producer`. */
export function mispEvent(
  selected: Selected,
  producer: string,
): { Event: Record<string, unknown> } {
  const alerts = selected.incidents.flatMap((item) => item.alerts);
  const tlp = strictestOf(alerts);
  // Loops, not Math.min(...): spreading a large selection overflows the stack.
  const first = alerts.reduce((earliest, alert) => Math.min(earliest, alert.observedAt), Infinity);
  const last = alerts.reduce((latest, alert) => Math.max(latest, alert.observedAt), 0);
  const worst = alerts.reduce<Severity>(
    (worst, alert) => (severityRank(alert.severity) > severityRank(worst) ? alert.severity : worst),
    'info',
  );
  const settled = selected.incidents.every(({ incident }) =>
    ['resolved', 'false-positive'].includes(incident.status),
  );
  const ids = selected.incidents.map(({ incident }) => incident.id).join(',');
  return {
    Event: {
      uuid: uuidV5(MISP_NAMESPACE, `event\0${ids}`),
      info: eventInfo(selected),
      date: new Date(alerts.length > 0 ? first : 0).toISOString().slice(0, 10),
      timestamp: String(Math.floor(last / 1000)),
      threat_level_id: THREAT_LEVEL[worst],
      // 0 initial, 1 ongoing, 2 completed: finished once every incident is settled.
      analysis: settled ? '2' : '1',
      distribution: DISTRIBUTION[tlp],
      published: false,
      Orgc: { name: producer },
      Tag: [{ name: `tlp:${tlp}` }],
      Attribute: alerts.flatMap(alertAttributes),
    },
  };
}

/** The event's title, made from exported alerts only (never a withheld one). */
function eventInfo(selected: Selected): string {
  const [only] = selected.incidents;
  if (selected.incidents.length === 1 && only) {
    const [first] = only.alerts as [Alert];
    return `Lagebild: ${first.signature ?? first.title}`.slice(0, 500);
  }
  return `Lagebild export: ${selected.incidents.length} incidents, ${selected.alerts} alerts`;
}

function alertAttributes(alert: Alert): Attribute[] {
  return [
    ...endpointAttributes(alert, alert.source, 'src'),
    ...endpointAttributes(alert, alert.destination, 'dst'),
  ];
}

function endpointAttributes(alert: Alert, endpoint: Endpoint | undefined, side: 'src' | 'dst') {
  const attributes: Attribute[] = [];
  if (endpoint?.ip !== undefined) {
    const withPort = endpoint.port !== undefined;
    const value = withPort ? `${endpoint.ip}|${endpoint.port}` : endpoint.ip;
    attributes.push(attribute(alert, withPort ? `ip-${side}|port` : `ip-${side}`, value));
  }
  if (endpoint?.hostname !== undefined) {
    attributes.push(attribute(alert, 'hostname', endpoint.hostname));
  }
  return attributes;
}

function attribute(alert: Alert, type: string, value: string): Attribute {
  return {
    uuid: uuidV5(MISP_NAMESPACE, `attribute\0${alert.id}\0${type}\0${value}`),
    type,
    category: 'Network activity',
    value,
    // A sensor's alert is a sighting, not a vetted indicator to block on.
    to_ids: false,
    comment: alert.title,
    timestamp: String(Math.floor(alert.observedAt / 1000)),
    first_seen: new Date(alert.observedAt).toISOString(),
    // 5: as the event, which the strictest alert's TLP already bounds.
    distribution: '5',
    Tag: [
      { name: `tlp:${alert.tlp}` },
      ...alert.sectors.map((sector) => ({ name: `sector:${sector}` })),
    ],
  };
}
