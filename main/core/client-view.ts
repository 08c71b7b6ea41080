/**
 * What a client may see. Analysts see everything; a wall screen sees only
 * what its profile's TLP ceiling allows, and, where the profile says so,
 * addresses shortened to their network and host names left out. Applied in main, to every
 * answer and every event, before anything leaves for the screen.
 */
import type { CacheState } from '../../shared/cache';
import type { FeedHealth } from '../../shared/api';
import type { Alert, Endpoint, Incident } from '../../shared/model';
import { TLP_LEVELS, tlpRank, type Tlp } from '../../shared/vocab';
import { networkOf } from '../correlate/correlation-key';
import type { ClientContext } from './api-types';

/** The TLP ceiling of a client, or undefined for one that sees everything. */
export function ceilingOf(client: ClientContext): Tlp | undefined {
  return client.wall?.tlpCeiling;
}

/** The TLP levels a client may see. */
export function visibleLevels(client: ClientContext): Tlp[] {
  const ceiling = ceilingOf(client);
  return ceiling === undefined
    ? [...TLP_LEVELS]
    : TLP_LEVELS.filter((tlp) => tlpRank(tlp) <= tlpRank(ceiling));
}

function shortened(endpoint: Endpoint | undefined): Endpoint | undefined {
  if (!endpoint) return endpoint;
  // A host name would name what the network hides.
  const { hostname: _hostname, ip, ...rest } = endpoint;
  return ip === undefined ? rest : { ...rest, ip: networkOf(ip) ?? 'hidden' };
}

// Addresses written into text by feeds (titles, tags): IPv4 dotted quads and
// IPv6 groups with at least two colons.
const IPV4_IN_TEXT = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
const IPV6_IN_TEXT = /\b[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}\b/gi;

/** Text with every address in it shortened to its network. */
export function shortenAddresses(text: string): string {
  const shorten = (address: string) => networkOf(address) ?? address;
  return text.replace(IPV4_IN_TEXT, shorten).replace(IPV6_IN_TEXT, shorten);
}

function anonymised(alert: Alert): Alert {
  return {
    ...alert,
    title: shortenAddresses(alert.title),
    tags: alert.tags.map(shortenAddresses),
    ...(alert.signature === undefined ? {} : { signature: shortenAddresses(alert.signature) }),
    source: shortened(alert.source),
    destination: shortened(alert.destination),
  };
}

/**
 * The alerts of `alerts` that the client may see, as it may see them. A
 * wall gets no incident ids: an alert under the ceiling can belong to an
 * incident above it, and a wall opens no incident anyway.
 */
export function visibleAlerts(alerts: readonly Alert[], client: ClientContext): Alert[] {
  const ceiling = ceilingOf(client);
  if (ceiling === undefined) return [...alerts];
  const allowed = tlpRank(ceiling);
  return alerts
    .filter((alert) => tlpRank(alert.tlp) <= allowed)
    .map(({ incidentId: _incidentId, ...alert }) =>
      client.wall?.anonymise ? anonymised(alert) : alert,
    );
}

/** The incidents of `incidents` that the client may see. */
export function visibleIncidents(
  incidents: readonly Incident[],
  client: ClientContext,
): Incident[] {
  const ceiling = ceilingOf(client);
  if (ceiling === undefined) return [...incidents];
  const shown = incidents.filter((incident) => tlpRank(incident.tlp) <= tlpRank(ceiling));
  if (!client.wall?.anonymise) return shown;
  // Analysts' names are no business of a public screen.
  return shown.map(({ assignee: _assignee, ...incident }) => ({
    ...incident,
    title: shortenAddresses(incident.title),
    ...(incident.signature === undefined
      ? {}
      : { signature: shortenAddresses(incident.signature) }),
    ...(incident.target === undefined ? {} : { target: shortenAddresses(incident.target) }),
  }));
}

/**
 * A feed's health as a wall may see it: whether it runs and when it last
 * delivered (for the staleness banner), not its rates, errors or rejects,
 * which would tell about records above the ceiling.
 */
export function visibleFeed(feed: FeedHealth, visibleAlertCount: number): FeedHealth {
  const { lastError: _lastError, lagMs: _lagMs, ...rest } = feed;
  return { ...rest, alerts: visibleAlertCount, eventsPerSec: 0, quarantined: 0, errorCount: 0 };
}

/**
 * The cache's state as a wall may see it: whether it takes writes, not the
 * message, which names the cache file (and so the user) and counts records
 * waiting, those above the wall's ceiling included.
 */
export function visibleCacheState({ state, since }: CacheState): CacheState {
  return since === undefined ? { state } : { state, since };
}
