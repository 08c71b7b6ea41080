/**
 * An incident made from a STIX indicator is shared with the indicator's own
 * pattern: a hash, a URL path or a CIDR range re-derived from the alert's
 * addresses would be a different IOC for the partner who blocks on it.
 */
import { afterEach, expect, it } from 'vitest';
import { exportSelection } from '../../../main/export/export-file';
import type { AlertCache } from '../../../main/store/alert-cache';
import { freshCache, importInto } from './export-harness';

const caches: AlertCache[] = [];
afterEach(() => caches.splice(0).forEach((cache) => cache.close()));

interface StixObject {
  type: string;
  name?: string;
  pattern?: string;
}

it('shares a file hash and a URL indicator with their own patterns and names', async () => {
  const cache = freshCache();
  caches.push(cache);
  await importInto(cache, [
    'assets/samples/stix21/malware-indicator-for-file-hash.json',
    'assets/samples/stix21/indicator-for-malicious-url.json',
  ]);
  const bundle = JSON.parse(exportSelection(cache, 'stix', { tlp: 'red' }).content) as {
    objects: StixObject[];
  };
  const indicators = bundle.objects.filter((object) => object.type === 'indicator');
  expect(indicators.map((indicator) => indicator.pattern)).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^\[file:hashes\.'SHA-256' = '[0-9a-f]{64}'\]$/),
      expect.stringMatching(/^\[url:value = 'http[^']+\/[^']*'\]$/),
    ]),
  );
  expect(indicators.every((indicator) => !indicator.name?.startsWith('indicator--'))).toBe(true);
});
