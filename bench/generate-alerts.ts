/**
 * Generated alerts as the EVE pipeline would hand them to the store:
 * normalized, enriched and stamped with their feed. They follow the load of
 * generate-eve (the same rules, the same skewed sources, the same targets,
 * one alert every 50 ms) but skip parsing, so that a cache of a million
 * alerts fills at the speed of the store's commit rather than the parser's.
 */
import type { Alert, Endpoint } from '../shared/model';
import type { Severity } from '../shared/vocab';
import type { Enricher } from '../main/enrich/enricher';
import { alertId } from '../main/parsers/alert-id';
import { eveCategory } from '../main/parsers/eve-category';
import { SIGNATURES, SOURCE_HOSTS, random, sourceIp } from './generate-eve';

/** An alert with its raw record, as a commit takes it. */
export type StoredAlert = Alert & { raw: string };

/** The feed the generated alerts belong to. */
export const GENERATED_FEED = 'generated';

// Suricata priorities as the EVE parser reads them.
const SEVERITY_OF_PRIORITY: Record<number, Severity> = { 1: 'high', 2: 'medium', 3: 'low' };

const TAGS = ['tcp', 'http', 'allowed', 'created_at:2021_12_10', 'signature_severity:Major'];

/**
 * Enriches each address once through the real enricher: thousands of
 * addresses recur a million times, and the lookups are not what is measured.
 */
function placer(enrich: Enricher): (ip: string) => Endpoint {
  const placed = new Map<string, Endpoint>();
  return (ip) => {
    let endpoint = placed.get(ip);
    if (!endpoint) {
      const probe = enrich({
        id: 'placement-probe',
        kind: 'alert',
        observedAt: 0,
        severity: 'info',
        title: '',
        category: '',
        source: { ip },
        sectors: [],
        tags: [],
        raw: '',
      });
      endpoint = probe.source ?? { ip };
      placed.set(ip, endpoint);
    }
    return endpoint;
  };
}

/** `count` generated alerts in batches of `size`, oldest first. */
export function* generatedAlerts(
  count: number,
  size: number,
  enrich: Enricher,
  seed = 7,
): Generator<StoredAlert[]> {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  const place = placer(enrich);
  const start = Date.UTC(2026, 10, 1);
  let batch: StoredAlert[] = [];
  for (let i = 0; i < count; i += 1) {
    const host = Math.floor(SOURCE_HOSTS * next() ** 3);
    const rule = next() < 0.8 ? host % SIGNATURES.length : pick(SIGNATURES.length);
    const [title, classtype, priority] = SIGNATURES[rule]!;
    const sid = 2_000_000 + rule * 37;
    const rev = 1 + (rule % 9);
    const src = sourceIp(host);
    const dest = `10.16.${pick(4)}.${1 + pick(254)}`;
    const srcPort = 1024 + pick(60000);
    const destPort = [22, 80, 443, 1433, 3389][pick(5)] as number;
    const observedAt = start + i * 50;
    const raw = JSON.stringify({
      timestamp: new Date(observedAt).toISOString().replace('Z', '+0000'),
      flow_id: 1_000_000_000_000 + i * 7919,
      event_type: 'alert',
      src_ip: src,
      src_port: srcPort,
      dest_ip: dest,
      dest_port: destPort,
      proto: 'TCP',
      alert: { action: 'allowed', gid: 1, signature_id: sid, rev, signature: title, priority },
    });
    batch.push({
      id: alertId('generated', raw),
      feed: GENERATED_FEED,
      kind: 'alert',
      observedAt,
      receivedAt: observedAt + 1000,
      severity: SEVERITY_OF_PRIORITY[priority] ?? 'info',
      title,
      category: eveCategory(classtype),
      source: { ...place(src), port: srcPort },
      destination: { ...place(dest), port: destPort },
      sectors: [],
      tlp: 'amber',
      tags: TAGS,
      signature: `suricata:1:${sid}:${rev}`,
      raw,
    });
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
