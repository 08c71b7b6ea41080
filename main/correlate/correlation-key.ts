/**
 * The key that decides which alerts belong to one incident. By default:
 * the same signature or indicator, the same target (site, organisation or
 * sector, else the target network), and the same source network, with no
 * gap longer than 30 minutes. All sightings of one STIX indicator share a
 * key however far apart they are, and so do all alerts of one MISP event.
 */
import { hash } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import type { Alert } from '../../shared/model';
import { ipv4Number, parseIp } from '../enrich/ip-address';
import { MISP_EVENT_SIGNATURE_PREFIX } from '../parsers/misp/event-signature';

export const KEY_PARTS = ['signature', 'target', 'source-network'] as const;
export type KeyPart = (typeof KEY_PARTS)[number];

/** How alerts are grouped into incidents. */
export interface CorrelationOptions {
  keys: readonly KeyPart[];
  /** The longest quiet time inside one incident, in ms. */
  gapMs: number;
}

export const DEFAULT_CORRELATION: CorrelationOptions = {
  keys: KEY_PARTS,
  gapMs: 30 * 60_000,
};

/** What an alert's incident is keyed by, and the parts a reader is shown. */
export interface CorrelationKey {
  /** A digest of the parts, stored as incidents.key. */
  digest: bigint;
  signature?: string;
  target?: string;
  sourceNetwork?: string;
  /** The gap this key allows; Infinity for indicators. */
  gapMs: number;
}

/** The /24 of an IPv4 address or the /48 of an IPv6 one, as CIDR text. */
export function networkOf(ip: string | undefined): string | undefined {
  if (ip === undefined) return undefined;
  if (ipv4Number(ip) !== undefined) return `${ip.slice(0, ip.lastIndexOf('.'))}.0/24`;
  const address = parseIp(ip);
  if (!address) return undefined;
  if (address.kind() === 'ipv4') return networkOf(address.toString());
  const parts = (address as ipaddr.IPv6).parts.slice(0, 3);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0, 0]).toString()}/48`;
}

function targetOf(alert: Alert): string | undefined {
  const destination = alert.destination;
  if (destination?.site !== undefined) return `site ${destination.site}`;
  if (destination?.organisation !== undefined) return `organisation ${destination.organisation}`;
  if (alert.sectors.length > 0) return `sector ${[...alert.sectors].sort().join('+')}`;
  const network = networkOf(destination?.ip);
  return network === undefined ? undefined : `network ${network}`;
}

/**
 * The first 64 bits of the parts' SHA-256, as SQLite's signed integer: an
 * eighth of the text's size in the incidents table and its key index. Two
 * keys would have to collide and overlap in time to share an incident.
 */
function keyDigest(kind: string, parts: string): bigint {
  return hash('sha256', `${kind}\0${parts}`, 'buffer').readBigInt64BE(0);
}

// Signatures that make one incident whatever the gap: a STIX indicator's id,
// or a MISP event's (every alert of one event carries it).
const isIndicatorId = (signature: string | undefined): signature is string =>
  signature?.startsWith('indicator--') === true ||
  signature?.startsWith(MISP_EVENT_SIGNATURE_PREFIX) === true;

/** The correlation key of `alert` under `options`. */
export function correlationKey(alert: Alert, options: CorrelationOptions): CorrelationKey {
  if (isIndicatorId(alert.signature)) {
    return {
      digest: keyDigest('indicator', alert.signature),
      signature: alert.signature,
      gapMs: Infinity,
    };
  }
  const uses = (part: KeyPart) => options.keys.includes(part);
  const signature = uses('signature') ? (alert.signature ?? alert.title) : undefined;
  const target = uses('target') ? targetOf(alert) : undefined;
  const sourceNetwork = uses('source-network') ? networkOf(alert.source?.ip) : undefined;
  const parts = JSON.stringify([signature ?? null, target ?? null, sourceNetwork ?? null]);
  return {
    digest: keyDigest('incident', parts),
    signature,
    target,
    sourceNetwork,
    gapMs: options.gapMs,
  };
}
