/**
 * Realistic Suricata EVE alert lines (as Suricata 7 writes them, 500-1200
 * bytes, rule metadata on a quarter of them, varied IPs, ports, flows and
 * URLs) with the enriched Alert a pipeline would make of each, for measuring
 * what the cache costs per alert. Seeded, so every run sees the same data.
 */
import { createHash } from 'node:crypto';
import type { Alert, Endpoint } from '../../../shared/model';
import { SEVERITIES } from '../../../shared/vocab';
import { AGENTS, COUNTRIES, HOSTS, ORGS, PATHS, RULES, type Rule } from './eve-vocabulary';

// First octets of the outside addresses: networks that send a lot of attacks.
const OUTSIDE_NETWORKS = [5, 23, 31, 45, 62, 77, 82, 91, 103, 141, 185, 193, 212];
// How many outside and inside hosts the alerts involve.
const OUTSIDE_HOSTS = 5000;
const INSIDE_HOSTS = 500;
const INSIDE_NETWORKS = [16, 17, 20, 32];
const SECOND_OCTETS = Array.from({ length: 256 }, (_, i) => (i * 7) % 256);
const PORTS = [80, 443, 22, 53, 8080, 445, 3389, 25];
const APP_BY_PORT: Record<number, string> = {
  22: 'ssh',
  53: 'dns',
  80: 'http',
  443: 'tls',
  8080: 'http',
};

const INSIDE: Omit<Endpoint, 'ip'> = {
  addressClass: 'private',
  site: 'Berlin HQ',
  organisation: 'ACME Bank',
  lat: 52.52,
  lon: 13.405,
  geoSource: 'inventory',
};

interface Connection {
  inbound: boolean;
  src_ip: string;
  src_port: number;
  dest_ip: string;
  dest_port: number;
}

/** A seeded source of the random choices. */
class Dice {
  constructor(private state: number) {}

  next(): number {
    this.state = (Math.imul(this.state, 1103515245) + 12345) & 0x7fffffff;
    return this.state / 0x7fffffff;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

/** Generates EVE alert lines and their enriched alerts. */
export class EveGenerator {
  private readonly dice: Dice;
  private readonly certificates: Map<string, string>;

  constructor(seed = 42) {
    const dice = new Dice(seed);
    const hex = () => dice.int(16, 255).toString(16);
    this.dice = dice;
    this.certificates = new Map(
      HOSTS.map((host) => [host, Array.from({ length: 20 }, hex).join(':')]),
    );
  }

  /** One alert observed at `time` (ms), from feed `feed`. */
  alert(time: number, feed: string): Alert & { raw: string } {
    const d = this.dice;
    const { host, ...connection } = this.connection();
    // A host mostly keeps tripping its own rule (a scanner, a brute-forcer,
    // an infected client); otherwise squaring skews the choice to a few rules.
    const own = d.next() < 0.8;
    const rule = RULES[
      own ? host % RULES.length : Math.floor(RULES.length * d.next() ** 2)
    ] as Rule;
    const app = APP_BY_PORT[connection.dest_port] ?? 'failed';
    const { inbound, ...addresses } = connection;
    const event = {
      timestamp: this.timestamp(time),
      flow_id: d.int(1e14, 2.2e15),
      in_iface: d.pick(['eth0', 'eth1', 'ens192']),
      event_type: 'alert',
      ...addresses,
      proto: app === 'dns' ? 'UDP' : 'TCP',
      ...(d.next() < 0.5 ? { pkt_src: 'wire/pcap' } : {}),
      ...(app === 'http' || app === 'dns' ? { tx_id: d.int(0, 3) } : {}),
      alert: this.ruleMatch(rule),
      ...this.appLayer(app),
      app_proto: app,
      direction: 'to_server',
      flow: this.flow(time, addresses),
    };
    // Suricata escapes slashes in its JSON.
    const raw = JSON.stringify(event).replaceAll('/', '\\/');
    const outside = this.outside(inbound ? addresses.src_ip : addresses.dest_ip);
    const inside = { ...INSIDE, ip: inbound ? addresses.dest_ip : addresses.src_ip };
    return {
      id: `eve:${createHash('sha256').update(raw).digest('hex').slice(0, 32)}`,
      feed,
      kind: 'alert',
      observedAt: time,
      receivedAt: time + d.int(5, 900),
      severity: SEVERITIES[4 - rule.severity] ?? 'medium',
      title: rule.signature,
      category: rule.category.toLowerCase(),
      signature: `1:${rule.sid}:${rule.rev}`,
      source: { ...(inbound ? outside : inside), port: addresses.src_port },
      destination: { ...(inbound ? inside : outside), port: addresses.dest_port },
      sectors: ['financial-services'],
      tlp: 'amber',
      tags: [],
      raw,
    };
  }

  /**
   * A host from a pool of `pool`, cubed to skew the choice: on a real
   * perimeter a few scanners, bots and busy clients cause most alerts, and
   * they come back again and again. `host` is its number in the pool.
   */
  private skewedHost(pool: number, firsts: readonly number[], seconds: readonly number[]) {
    const host = Math.floor(pool * this.dice.next() ** 3);
    const parts = [
      firsts[host % firsts.length] as number,
      seconds[host % seconds.length] as number,
      (host * 13) % 256,
      1 + (host % 254),
    ];
    return { host, ip: parts.join('.') };
  }

  private connection(): Connection & { host: number } {
    const d = this.dice;
    const inbound = d.next() < 0.7;
    const outside = this.skewedHost(OUTSIDE_HOSTS, OUTSIDE_NETWORKS, SECOND_OCTETS);
    const inside = this.skewedHost(INSIDE_HOSTS, [10], INSIDE_NETWORKS);
    const [src, dest] = inbound ? [outside, inside] : [inside, outside];
    return {
      host: src.host,
      inbound,
      src_ip: src.ip,
      src_port: d.int(1024, 65535),
      dest_ip: dest.ip,
      dest_port: d.pick(PORTS),
    };
  }

  private ruleMatch(rule: Rule): Record<string, unknown> {
    const d = this.dice;
    const { sid: signature_id, rev, signature, category, severity } = rule;
    const match = { action: 'allowed', gid: 1, signature_id, rev, signature, category, severity };
    if (d.next() >= 0.25) return match;
    const metadata = {
      attack_target: [d.pick(['Client_Endpoint', 'Server', 'Web_Server'])],
      created_at: ['2019_07_26'],
      deployment: ['Perimeter'],
      signature_severity: [d.pick(['Major', 'Minor', 'Informational'])],
      updated_at: ['2023_11_02'],
    };
    return { ...match, metadata };
  }

  private flow(time: number, addresses: Omit<Connection, 'inbound'>): Record<string, unknown> {
    const d = this.dice;
    const [toServer, toClient] = [d.int(1, 30), d.int(0, 30)];
    return {
      pkts_toserver: toServer,
      pkts_toclient: toClient,
      bytes_toserver: toServer * d.int(60, 1400),
      bytes_toclient: toClient * d.int(60, 1400),
      start: this.timestamp(time - d.int(0, 5000)),
      // Suricata 7 repeats the addresses in the flow object; older versions do not.
      ...(d.next() < 0.5 ? addresses : {}),
    };
  }

  private appLayer(app: string): Record<string, unknown> {
    const d = this.dice;
    switch (app) {
      case 'http': {
        const randomPath = `/${d.int(0, 1e9).toString(36)}${d.pick(['.php', '.asp', '/', ''])}`;
        return {
          http: {
            hostname: d.pick(HOSTS),
            url: d.next() < 0.3 ? randomPath : d.pick(PATHS),
            http_user_agent: d.pick(AGENTS),
            http_content_type: 'text/html',
            http_method: d.pick(['GET', 'POST']),
            protocol: 'HTTP/1.1',
            status: d.pick([200, 404, 301]),
            length: d.int(0, 40000),
          },
        };
      }
      case 'tls': {
        const host = d.pick(HOSTS);
        const fingerprint = this.certificates.get(host) ?? '';
        return {
          tls: {
            subject: `CN=${host}`,
            issuerdn: "C=US, O=Let's Encrypt, CN=R3",
            serial: fingerprint.slice(0, 23).toUpperCase(),
            fingerprint,
            sni: host,
            version: 'TLS 1.2',
            notbefore: '2024-03-01T00:00:00',
            notafter: '2024-05-30T23:59:59',
          },
        };
      }
      case 'dns': {
        const rrname = `${d.int(0, 1e6).toString(36)}.top`;
        const query = { type: 'query', id: d.int(1, 65535), rrname, rrtype: 'A', tx_id: 0 };
        return { dns: { query: [{ ...query, opcode: 0 }] } };
      }
      case 'ssh':
        return {
          ssh: {
            client: { proto_version: '2.0', software_version: 'libssh2_1.9.0' },
            server: { proto_version: '2.0', software_version: 'OpenSSH_8.9p1' },
          },
        };
      default:
        return {};
    }
  }

  private outside(ip: string): Endpoint {
    const [country, lon, lat] = this.dice.pick(COUNTRIES);
    const asn = this.dice.int(1000, 64000);
    const asOrg = this.dice.pick(ORGS);
    return { ip, addressClass: 'public', country, asn, asOrg, lat, lon, geoSource: 'country' };
  }

  private timestamp(time: number): string {
    const micros = String(this.dice.int(0, 999)).padStart(3, '0');
    return new Date(time).toISOString().replace('Z', `${micros}+0000`);
  }
}
