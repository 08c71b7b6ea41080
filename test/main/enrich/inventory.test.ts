import { afterEach, describe, expect, it } from 'vitest';
import { Inventory, InventoryError, loadInventory } from '../../../main/enrich/inventory';
import { missingFile, removeTempFiles, tempFile } from './helpers';

afterEach(removeTempFiles);

const SITES = {
  sites: [
    { cidr: '10.0.0.0/8', site: 'Corporate WAN', organisation: 'ACME Bank' },
    {
      cidr: '10.16.0.0/16',
      site: 'Berlin HQ',
      lat: 52.52,
      lon: 13.4,
      sector: 'financial-services',
      organisation: 'ACME Bank',
    },
    { cidr: '10.16.1.0/24', site: 'Berlin HQ, trading floor', lat: 52.5201, lon: 13.4049 },
    {
      cidr: '2001:db8:100::/48',
      site: 'Frankfurt DC',
      lat: 50.11,
      lon: 8.68,
      sector: 'technology',
    },
    { cidr: '2001:db8::/32', site: 'Any IPv6 site' },
    { cidr: '0.0.0.0/0', site: 'Everywhere else' },
  ],
};

function inventoryError(json: unknown): string {
  try {
    new Inventory(json, '/etc/lagebild/inventory.json');
  } catch (error) {
    if (error instanceof InventoryError) return error.message;
    throw error;
  }
  throw new Error('expected an InventoryError');
}

describe('Inventory', () => {
  it('matches the longest prefix, IPv4 and IPv6', () => {
    const inventory = new Inventory(SITES, 'inventory.json');
    expect(inventory.match('10.16.1.11')?.site).toBe('Berlin HQ, trading floor');
    expect(inventory.match('10.16.2.1')?.site).toBe('Berlin HQ');
    expect(inventory.match('10.99.0.1')?.site).toBe('Corporate WAN');
    expect(inventory.match('::ffff:10.16.2.1')?.site).toBe('Berlin HQ');
    expect(inventory.match('8.8.8.8')?.site).toBe('Everywhere else');
    expect(inventory.match('2001:db8:100:5::1')?.site).toBe('Frankfurt DC');
    expect(inventory.match('2001:db8:200::1')?.site).toBe('Any IPv6 site');
    expect(inventory.match('2a00::1')).toBeUndefined();
    expect(inventory.match('not an address')).toBeUndefined();
    expect(inventory.match('10.16.2.1')).toMatchObject({
      sector: 'financial-services',
      lat: 52.52,
    });
  });

  it('names the file, the entry and the key of a mistake', () => {
    const file = '/etc/lagebild/inventory.json';
    const site = { cidr: '10.0.0.0/8', site: 'A' };
    expect(inventoryError({ sites: [site, { ...site, cidr: '10.0.0/8' }] })).toBe(
      `${file}: sites[1].cidr: 10.0.0/8 is not a CIDR block such as 10.16.0.0/16 ` +
        'or 2001:db8:100::/48',
    );
    expect(inventoryError({ sites: [{ ...site, cidr: '10.16.1.0/16' }] })).toBe(
      `${file}: sites[0].cidr: 10.16.1.0/16 has address bits set after /16`,
    );
    expect(inventoryError({ sites: [site, site] })).toBe(
      `${file}: sites[1].cidr: 10.0.0.0/8 is already listed at sites[0]`,
    );
    expect(
      inventoryError({ sites: [site, { ...site, cidr: '10.1.0.0/16', sector: 'banking' }] }),
    ).toMatch(/^\/etc\/lagebild\/inventory\.json: sites\[1\]\.sector: /);
    expect(inventoryError({ sites: [{ ...site, organization: 'typo' }] })).toMatch(
      /sites\[0\]: .*organization/,
    );
    expect(inventoryError({ sites: [{ ...site, lat: 52.5 }] })).toMatch(
      /sites\[0\]\.lat: lat and lon/,
    );
    expect(inventoryError({ sites: [{ cidr: '10.0.0.0/8' }] })).toMatch(/sites\[0\]\.site: /);
    expect(inventoryError({})).toMatch(/: sites: /);
  });

  it('loads a file, and says so when it is missing or not JSON', () => {
    const file = tempFile('inventory.json', JSON.stringify(SITES));
    expect(loadInventory(file).match('10.16.9.9')?.site).toBe('Berlin HQ');
    const missing = missingFile('inventory.json');
    expect(() => loadInventory(missing)).toThrow(`${missing}: cannot be read`);
    const broken = tempFile('broken.json', '{"sites": [');
    expect(() => loadInventory(broken)).toThrow(`${broken}: is not valid JSON`);
  });
});
