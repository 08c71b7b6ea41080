/** Small STIX objects for tests that need a document of their own. */

/** A bundle of `objects`, as document text. */
export function bundle(...objects: unknown[]): string {
  return JSON.stringify({
    type: 'bundle',
    id: 'bundle--00000000-0000-4000-8000-000000000000',
    objects,
  });
}

/** An indicator with sensible defaults, overridden by `properties`. */
export function indicator(properties: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: 'indicator--11111111-1111-4111-8111-111111111111',
    created: '2024-01-02T03:04:05.000Z',
    modified: '2024-01-02T03:04:05.000Z',
    name: 'Bad address',
    pattern: "[ipv4-addr:value = '198.51.100.7']",
    pattern_type: 'stix',
    valid_from: '2024-01-01T00:00:00Z',
    ...properties,
  };
}

/** A relationship from `source` to `target`. */
export function relationship(type: string, source: string, target: string, n = 1) {
  return {
    type: 'relationship',
    spec_version: '2.1',
    id: `relationship--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    created: '2024-01-02T03:04:05.000Z',
    modified: '2024-01-02T03:04:05.000Z',
    relationship_type: type,
    source_ref: source,
    target_ref: target,
  };
}
