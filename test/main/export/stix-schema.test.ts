/**
 * Every object of an exported bundle is valid under the STIX 2.1 JSON
 * schemas (test/fixtures/stix21-schemas, see its SOURCES.md), and the
 * check is able to fail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSelection } from '../../../main/export/export-file';
import type { AlertCache } from '../../../main/store/alert-cache';
import { samplePath } from '../../support/samples';
import { freshCache, importInto } from './export-harness';

const SCHEMAS = fileURLToPath(new URL('../../fixtures/stix21-schemas/schemas', import.meta.url));
const BASE =
  'https://raw.githubusercontent.com/707eric/cti-stix2-json-schemas/refs/heads/master/schemas/';

/** The schema of each object type an export writes. */
const SCHEMA_OF: Record<string, string> = {
  identity: 'sdos/identity.json',
  indicator: 'sdos/indicator.json',
  location: 'sdos/location.json',
  'observed-data': 'sdos/observed-data.json',
  sighting: 'sros/sighting.json',
  'marking-definition': 'common/marking-definition.json',
  'extension-definition': 'common/extension-definition.json',
  'ipv4-addr': 'observables/ipv4-addr.json',
  'ipv6-addr': 'observables/ipv6-addr.json',
  'domain-name': 'observables/domain-name.json',
  'network-traffic': 'observables/network-traffic.json',
};

// observed-data's deprecated `objects` property names every observable
// type. An export writes `object_refs` only, so the types it never writes
// are stood in by schemas that accept nothing: were `objects` ever written
// with one of them, validation would fail.
const NEVER_EXPORTED = [
  'artifact',
  'autonomous-system',
  'directory',
  'email-addr',
  'email-message',
  'file',
  'mac-addr',
  'mutex',
  'process',
  'software',
  'url',
  'user-account',
  'windows-registry-key',
  'x509-certificate',
];

function validators(): Map<string, ValidateFunction> {
  // The schemas' patterns are written for Python's re (e.g. "\-"), not JavaScript's unicode mode.
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  for (const folder of readdirSync(SCHEMAS)) {
    for (const file of readdirSync(join(SCHEMAS, folder))) {
      ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS, folder, file), 'utf8')));
    }
  }
  for (const type of NEVER_EXPORTED)
    ajv.addSchema({ $id: `${BASE}observables/${type}.json`, not: {} });
  return new Map(
    Object.entries(SCHEMA_OF).map(([type, path]) => [type, ajv.getSchema(BASE + path)!]),
  );
}

type StixObject = { type: string; id: string } & Record<string, unknown>;

/** The schema errors of each object that has some, by id. */
function invalidObjects(objects: StixObject[], checks: Map<string, ValidateFunction>) {
  const failures: Record<string, unknown> = {};
  for (const object of objects) {
    const { id, type } = object;
    const check = checks.get(type);
    if (!check) failures[id] = `no schema for type ${type}`;
    else if (!check(object)) failures[id] = check.errors?.slice(0, 3);
  }
  return failures;
}

let cache: AlertCache;
let checks: Map<string, ValidateFunction>;

beforeAll(async () => {
  checks = validators();
  cache = freshCache();
  await importInto(cache, [samplePath('suricata-eve')], 'eve', 'amber');
  await importInto(cache, [samplePath('zeek')], 'zeek', 'green');
  await importInto(cache, [samplePath('stix21', 'cti-documentation')], 'cti', 'red');
}, 60_000);
afterAll(() => cache.close());

describe('exported STIX bundles', () => {
  it('hold only objects valid under the STIX 2.1 schemas', () => {
    const bundle = JSON.parse(exportSelection(cache, 'stix', { tlp: 'red' }).content) as {
      type: string;
      id: string;
      objects: StixObject[];
    };
    expect(bundle.type).toBe('bundle');
    expect(bundle.id).toMatch(/^bundle--[0-9a-f-]{36}$/);
    const types = new Set(bundle.objects.map((object) => object.type));
    for (const type of ['sighting', 'indicator', 'observed-data', 'ipv4-addr', 'network-traffic']) {
      expect(types, type).toContain(type);
    }
    expect(invalidObjects(bundle.objects, checks)).toEqual({});
  });

  it('are refused when an object breaks the schema', () => {
    const bundle = JSON.parse(exportSelection(cache, 'stix', { tlp: 'red' }).content) as {
      objects: StixObject[];
    };
    const sighting = bundle.objects.find((object) => object.type === 'sighting')!;
    const traffic = bundle.objects.find((object) => object.type === 'network-traffic')!;
    const broken = [
      { ...sighting, created: '2026-01-01 08:00' },
      { ...sighting, sighting_of_ref: 'not-an-id' },
      { ...traffic, src_port: 70_000 },
      { ...sighting, object_marking_refs: [] },
    ];
    for (const object of broken) expect(checks.get(object.type)!(object)).toBe(false);
  });
});
