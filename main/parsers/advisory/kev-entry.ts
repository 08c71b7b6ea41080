/**
 * One entry of CISA's Known Exploited Vulnerabilities catalog as an
 * advisory. Every entry is a vulnerability exploited in the wild, so none
 * is below high; one known to be used by ransomware campaigns is critical.
 */
import { alertId } from '../alert-id';
import type { EventResult } from '../json-events';
import { boundTags, truncate } from '../text';
import { parseTimestamp } from '../time';

/** The fields of an entry, the same in the JSON and CSV catalogs. */
export interface KevEntry {
  cveID?: string;
  vendorProject?: string;
  product?: string;
  vulnerabilityName?: string;
  dateAdded?: string;
  dueDate?: string;
  knownRansomwareCampaignUse?: string;
  cwes: string[];
}

const CVE_ID = /^CVE-\d{4}-\d{4,}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The advisory of one entry; `raw` is its own text. */
export function kevAdvisory(entry: KevEntry, raw: string): EventResult {
  const cve = entry.cveID?.trim() ?? '';
  if (!CVE_ID.test(cve))
    return { reason: `KEV entry has an invalid cveID ${JSON.stringify(cve.slice(0, 40))}` };
  const added = entry.dateAdded?.trim() ?? '';
  const observedAt = DATE.test(added) ? parseTimestamp(`${added}T00:00:00Z`) : undefined;
  if (observedAt === undefined) {
    return {
      reason: `KEV entry ${cve} has an invalid dateAdded ${JSON.stringify(added.slice(0, 40))}`,
    };
  }
  const vendor = entry.vendorProject?.trim();
  const product = entry.product?.trim();
  const ransomware = entry.knownRansomwareCampaignUse?.trim().toLowerCase() === 'known';
  const name = entry.vulnerabilityName?.trim() || `${cve} in ${vendor ?? ''} ${product ?? ''}`;
  return {
    alert: {
      id: alertId('cisa-kev', cve),
      kind: 'advisory',
      observedAt,
      severity: ransomware ? 'critical' : 'high',
      title: truncate(`${cve}: ${name}`, 500),
      category: 'exploited vulnerability',
      sectors: [],
      tags: boundTags(
        [
          cve,
          'cisa-kev',
          vendor && `vendor:${vendor}`,
          product && `product:${vendor ? `${vendor} ` : ''}${product}`,
          ransomware ? 'ransomware' : undefined,
          entry.dueDate && `due:${entry.dueDate.trim()}`,
          ...entry.cwes,
        ],
        30,
      ),
      signature: cve,
      raw,
    },
  };
}
