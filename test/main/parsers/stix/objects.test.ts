import { describe, expect, it } from 'vitest';
import { parseStixDocument } from '../../../../main/parsers/stix21';
import { alertsOf } from '../samples';
import { bundle, indicator } from './fixtures';

describe('document objects', () => {
  it('rejects malformed objects one by one and keeps the rest', () => {
    const bad = indicator({
      id: 'indicator--22222222-2222-4222-8222-222222222222',
      valid_from: 'soon',
    });
    const result = parseStixDocument(
      bundle(
        indicator(),
        42,
        { type: 'indicator' },
        bad,
        { type: 'malware', id: 'indicator--x' },
        { id: 'x--1' },
      ),
    );
    expect(alertsOf(result)).toHaveLength(1);
    expect(result.ok && result.rejected).toEqual([
      { position: 'object 2', reason: 'not a JSON object', raw: '42' },
      { position: 'object 3', reason: 'no id', raw: '{"type":"indicator"}' },
      {
        position: 'object 5 (indicator--x)',
        reason: 'id indicator--x does not name type malware',
        raw: '{"type":"malware","id":"indicator--x"}',
      },
      { position: 'object 6 (x--1)', reason: 'no type', raw: '{"id":"x--1"}' },
      {
        position: 'object 4 (indicator--22222222-2222-4222-8222-222222222222)',
        reason: 'invalid valid_from "soon"',
        raw: JSON.stringify(bad),
      },
    ]);
  });

  it('rejects an indicator or sighting with an invalid or no timestamp', () => {
    const sighting = {
      type: 'sighting',
      id: 'sighting--33333333-3333-4333-8333-333333333333',
      first_seen: '2024-01-01T00:00:00Z',
      created: 1e30,
    };
    const undated = indicator({ valid_from: undefined, created: undefined, modified: undefined });
    const result = parseStixDocument(bundle(sighting, undated));
    expect(result.ok && result.rejected?.map((rejection) => rejection.reason)).toEqual([
      'invalid created 1e+30',
      'no timestamp (valid_from, created, modified)',
    ]);
  });

  it('accepts a bare object and a top-level array', () => {
    expect(alertsOf(parseStixDocument(JSON.stringify(indicator())))).toHaveLength(1);
    expect(alertsOf(parseStixDocument(JSON.stringify([indicator()])))).toHaveLength(1);
  });

  it('keeps only the newest version of an object', () => {
    const older = indicator({ modified: '2024-01-01T00:00:00Z', name: 'old' });
    const newer = indicator({ modified: '2024-06-01T00:00:00Z', name: 'new' });
    const result = parseStixDocument(bundle(newer, older));
    expect(alertsOf(result).map((alert) => alert.title)).toEqual(['new']);
    expect(result.ok && result.ignored).toEqual({ 'older version': 1 });
  });
});
