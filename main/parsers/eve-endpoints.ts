/**
 * The source and destination of a Suricata EVE alert, with the server's
 * host name (HTTP Host, TLS SNI) put on whichever side is the server.
 */
import type { Endpoint } from '../../shared/model';
import { field, objectField, stringField, type JsonObject } from './fields';
import { canonicalIp, validHostname, validPort } from './network';

/** Both sides of an alert, or why one of its addresses is invalid. */
export type EveEndpoints =
  { ok: true; source?: Endpoint; destination?: Endpoint } | { ok: false; reason: string };

/** Reads src_ip/src_port and dest_ip/dest_port; an address present but invalid is an error. */
export function eveEndpoints(record: JsonObject): EveEndpoints {
  const source = side(record, 'src_ip', 'src_port');
  if (!source.ok) return source;
  const destination = side(record, 'dest_ip', 'dest_port');
  if (!destination.ok) return destination;
  const hostname = serverHostname(record);
  const server = serverIsSource(record) ? source.endpoint : destination.endpoint;
  if (hostname && server) server.hostname = hostname;
  return { ok: true, source: source.endpoint, destination: destination.endpoint };
}

type Side = { ok: true; endpoint?: Endpoint } | { ok: false; reason: string };

// Suricata writes IPv4 in canonical form (decimal parts 0-255, no leading
// zeros), which canonicalIp would return unchanged. Recognising it here skips
// ipaddr.js's parse, the largest cost of reading an alert's addresses.
const CANONICAL_IPV4 =
  /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function canonical(text: string): string | undefined {
  return CANONICAL_IPV4.test(text) ? text : canonicalIp(text.trim());
}

function side(record: JsonObject, ipKey: string, portKey: string): Side {
  const raw = field(record, ipKey);
  if (raw === undefined || raw === null) return { ok: true };
  const ip = typeof raw === 'string' ? canonical(raw) : undefined;
  if (!ip) return { ok: false, reason: `invalid ${ipKey} ${JSON.stringify(raw).slice(0, 60)}` };
  const port = validPort(field(record, portKey));
  return { ok: true, endpoint: port === undefined ? { ip } : { ip, port } };
}

function serverHostname(record: JsonObject): string | undefined {
  const http = objectField(record, 'http');
  const tls = objectField(record, 'tls');
  const name = (http && stringField(http, 'hostname')) ?? (tls && stringField(tls, 'sni'));
  return name === undefined ? undefined : validHostname(name);
}

/**
 * True when the alerting packet went from server to client, so the source
 * is the server. Suricata says so in `direction` or by the flow's own
 * src_ip; older records say neither, and then a well-known source port
 * talking to an ephemeral one gives it away (an HTTP response from :80).
 */
function serverIsSource(record: JsonObject): boolean {
  const direction = stringField(record, 'direction');
  if (direction !== undefined) return direction === 'to_client';
  const flowSource = stringField(objectField(record, 'flow') ?? {}, 'src_ip');
  if (flowSource !== undefined) return flowSource === stringField(record, 'dest_ip');
  const sourcePort = validPort(field(record, 'src_port'));
  const destinationPort = validPort(field(record, 'dest_port'));
  if (sourcePort === undefined || destinationPort === undefined) return false;
  return sourcePort < 1024 && destinationPort >= 1024;
}
