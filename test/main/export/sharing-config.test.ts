/**
 * The sharing part of the configuration, and what the API tells of it:
 * destination names and titles only, never URLs or secrets.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../main/core/config';
import { shareDestinations, withinCeiling } from '../../../main/export/sharing';

const destination = {
  name: 'isac',
  title: 'Energy ISAC',
  url: 'https://taxii.example.org/api1/',
  collection: '91a7b528-80eb-42ed-a74d-c6fbd5a26116',
  auth: { type: 'bearer', tokenEnv: 'ISAC_TOKEN' },
};

describe('sharing configuration', () => {
  it("reads TAXII destinations with the feeds' auth shape, and defaults to none", () => {
    expect(parseConfig({}, 'test', '/').sharing).toEqual({ taxii: [] });
    const config = parseConfig(
      { sharing: { organisation: 'CERT Example', taxii: [destination] } },
      'test',
      '/',
    );
    expect(config.sharing.taxii[0]).toEqual(destination);
    expect(shareDestinations(config.sharing)).toEqual([{ name: 'isac', title: 'Energy ISAC' }]);
  });

  it('refuses credentials in the URL, duplicate names and unknown keys', () => {
    const parse = (taxii: unknown[]) => () => parseConfig({ sharing: { taxii } }, 'test', '/');
    expect(parse([{ ...destination, url: 'https://user:pw@taxii.example.org/' }])).toThrow(
      ConfigError,
    );
    expect(parse([destination, destination])).toThrow(/name of its own/);
    expect(parse([{ ...destination, token: 'secret' }])).toThrow(ConfigError);
  });

  it("lowers an export ceiling to the client's, never raises it", () => {
    expect(withinCeiling({ tlp: 'red' }, 'green')).toEqual({ tlp: 'green' });
    expect(withinCeiling({ tlp: 'clear' }, 'amber')).toEqual({ tlp: 'clear' });
    expect(withinCeiling({ tlp: 'amber' }, undefined)).toEqual({ tlp: 'amber' });
  });
});
