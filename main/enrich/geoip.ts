/**
 * Country and AS lookups from the ip-location-db packages installed with the
 * app (no download, ever). Each of the four tables (country and ASN, IPv4 and
 * IPv6) is read on the first lookup that needs it. Only public addresses are
 * looked up.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { scopedLogger } from '../core/log';
import { classifyAddress } from './address-class';
import { parseAsnCsv, parseCountryCsv, type AsnTable, type CountryTable } from './geoip-csv';
import { ipNumber } from './ip-address';
import { Ipv4RangeTable } from './range-table';

const log = scopedLogger('geoip');

/** What GeoIP knows about an address. */
export interface GeoInfo {
  /** ISO 3166-1 alpha-2 of the network's registration. */
  country?: string;
  asn?: number;
  asOrg?: string;
}

/** Looks up public addresses; undefined for others and for unknown ones. */
export interface GeoLookup {
  lookup(ip: string): GeoInfo | undefined;
}

const COUNTRY_PACKAGE = '@ip-location-db/geo-whois-asn-country';
const ASN_PACKAGE = '@ip-location-db/asn';

const NO_RANGES = new Ipv4RangeTable(new Uint32Array(0), new Uint32Array(0));
const EMPTY_COUNTRIES: CountryTable = { ranges: NO_RANGES, codes: new Uint16Array(0) };
const EMPTY_ASNS: AsnTable = {
  ranges: NO_RANGES,
  asns: new Uint32Array(0),
  orgIds: new Uint32Array(0),
  orgs: [],
};

function packageFile(pkg: string, file: string): string {
  const manifest = createRequire(import.meta.url).resolve(`${pkg}/package.json`);
  return join(dirname(manifest), file);
}

/** Reads a table once, on first use; a broken file is logged once and then looks up nothing. */
function lazyTable<T>(file: () => string, parse: (text: string, name: string) => T, empty: T) {
  let table: T | undefined;
  return (): T => {
    if (table) return table;
    const started = performance.now();
    let path = '';
    try {
      path = file();
      table = parse(readFileSync(path, 'utf8'), path);
      log.info(`loaded ${path} in ${Math.round(performance.now() - started)} ms`);
    } catch (error) {
      log.error(`cannot load ${path || 'GeoIP data'}; its lookups find nothing:`, error);
      table = empty;
    }
    return table;
  };
}

/** GeoIP backed by the packaged ip-location-db CSV files. */
export class PackagedGeoIp implements GeoLookup {
  private readonly countries = {
    4: lazyTable(
      () => packageFile(COUNTRY_PACKAGE, 'geo-whois-asn-country-ipv4-num.csv'),
      (text, name) => parseCountryCsv(text, 4, name),
      EMPTY_COUNTRIES,
    ),
    6: lazyTable(
      () => packageFile(COUNTRY_PACKAGE, 'geo-whois-asn-country-ipv6-num.csv'),
      (text, name) => parseCountryCsv(text, 6, name),
      EMPTY_COUNTRIES,
    ),
  };

  private readonly asns = {
    4: lazyTable(
      () => packageFile(ASN_PACKAGE, 'asn-ipv4-num.csv'),
      (text, name) => parseAsnCsv(text, 4, name),
      EMPTY_ASNS,
    ),
    6: lazyTable(
      () => packageFile(ASN_PACKAGE, 'asn-ipv6-num.csv'),
      (text, name) => parseAsnCsv(text, 6, name),
      EMPTY_ASNS,
    ),
  };

  /** Loads all four tables now instead of on first use, e.g. while the app starts. */
  preload(): void {
    for (const version of [4, 6] as const) {
      this.countries[version]();
      this.asns[version]();
    }
  }

  /** Country and AS of a public address; undefined for any other address. */
  lookup(ip: string): GeoInfo | undefined {
    if (classifyAddress(ip) !== 'public') return undefined;
    const address = ipNumber(ip);
    if (!address) return undefined;
    const info: GeoInfo = {};
    const countries = this.countries[address.version]();
    const countryAt = countries.ranges.find(address);
    if (countryAt >= 0) {
      const code = countries.codes[countryAt] as number;
      info.country = String.fromCharCode(code >> 8, code & 0xff);
    }
    const asns = this.asns[address.version]();
    const asnAt = asns.ranges.find(address);
    if (asnAt >= 0) {
      info.asn = asns.asns[asnAt];
      info.asOrg = asns.orgs[asns.orgIds[asnAt] as number] || undefined;
    }
    return Object.keys(info).length > 0 ? info : undefined;
  }
}
