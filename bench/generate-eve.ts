/**
 * Generated Suricata EVE alert lines for the benchmark: realistic shape and
 * size (flow, http or tls metadata), public sources skewed as on a real
 * perimeter (a few hosts send most alerts), a few targets.
 */

/** The rules the load trips: message, classtype and Suricata priority. */
export const SIGNATURES = [
  ['ET SCAN Suspicious inbound to MSSQL port 1433', 'Attempted Information Leak', 2],
  [
    'ET EXPLOIT Apache log4j RCE Attempt (http ldap) (CVE-2021-44228)',
    'Attempted Administrator Privilege Gain',
    1,
  ],
  ['ET POLICY SSH session in progress on Unusual Port', 'Misc activity', 3],
  ['ET MALWARE Cobalt Strike Beacon Observed', 'A Network Trojan was detected', 1],
  ['GPL ATTACK_RESPONSE id check returned root', 'Potentially Bad Traffic', 2],
  [
    'ET DOS Possible NTP DDoS Inbound Frequent Un-Authed MON_LIST Requests',
    'Attempted Denial of Service',
    2,
  ],
] as const;

// Where the alerts come from: this many hosts, in networks that send a lot of attacks.
export const SOURCE_HOSTS = 5000;
const SOURCE_NETWORKS = [5, 31, 45, 62, 77, 91, 103, 185, 193, 212];

/** The address of source host number `host`. */
export function sourceIp(host: number): string {
  const network = SOURCE_NETWORKS[host % SOURCE_NETWORKS.length];
  return `${network}.${(host * 7) % 256}.${(host * 13) % 256}.${1 + (host % 254)}`;
}

/** A small deterministic generator, so every run benchmarks the same data. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `count` EVE alert lines, one JSON object per line. */
export function generateEveLines(count: number, seed = 42): string[] {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  const start = Date.UTC(2026, 10, 1);
  const lines: string[] = [];
  for (let i = 0; i < count; i += 1) {
    // A few hosts send most alerts, each mostly tripping its own rule, as
    // scanners and bots do on a real perimeter sensor.
    const host = Math.floor(SOURCE_HOSTS * next() ** 3);
    const rule = next() < 0.8 ? host % SIGNATURES.length : pick(SIGNATURES.length);
    const [signature, category, severity] = SIGNATURES[rule]!;
    const src = sourceIp(host);
    const dest = `10.16.${pick(4)}.${1 + pick(254)}`;
    const time = new Date(start + i * 50).toISOString().replace('Z', '+0000');
    lines.push(
      JSON.stringify({
        timestamp: time,
        flow_id: 1_000_000_000_000 + i * 7919,
        in_iface: 'eth0',
        event_type: 'alert',
        src_ip: src,
        src_port: 1024 + pick(60000),
        dest_ip: dest,
        dest_port: [22, 80, 443, 1433, 3389][pick(5)],
        proto: 'TCP',
        community_id: `1:${Buffer.from(String(i * 31337)).toString('base64')}=`,
        alert: {
          action: 'allowed',
          gid: 1,
          signature_id: 2_000_000 + rule * 37,
          rev: 1 + (rule % 9),
          signature,
          category,
          severity,
          metadata: { created_at: ['2021_12_10'], signature_severity: ['Major'] },
        },
        http: {
          hostname: `host${pick(50)}.example.net`,
          url: `/index.php?id=${pick(1e6)}`,
          http_user_agent: 'Mozilla/5.0',
          http_method: 'GET',
          protocol: 'HTTP/1.1',
          status: 200,
          length: pick(5000),
        },
        app_proto: 'http',
        flow: {
          pkts_toserver: 1 + pick(20),
          pkts_toclient: pick(20),
          bytes_toserver: 60 + pick(9000),
          bytes_toclient: pick(9000),
          start: time,
        },
      }),
    );
  }
  return lines;
}
