/**
 * The organisation's asset inventory: which address blocks are which site,
 * where that site is, and which sector it serves. Read from a JSON file and
 * validated so that a mistake names the file, the entry and the key.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SECTORS } from '../../shared/vocab';
import { PrefixTable, parseCidr } from './prefix-table';

const SiteSchema = z
  .object({
    cidr: z.string(),
    site: z.string().min(1).max(200),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
    sector: z.enum(SECTORS).optional(),
    organisation: z.string().min(1).max(200).optional(),
  })
  .strict()
  .refine((site) => (site.lat === undefined) === (site.lon === undefined), {
    message: 'lat and lon go together: give both or neither',
    path: ['lat'],
  });

const InventorySchema = z
  .object({
    /** Free text for the people who keep the file. */
    description: z.string().optional(),
    sites: z.array(SiteSchema),
  })
  .strict();

/** One site of the inventory. */
export type InventorySite = z.infer<typeof SiteSchema>;

/** Something that knows which site an address belongs to. */
export interface SiteLookup {
  /** The site of the most specific block holding `ip`, or undefined. */
  match(ip: string): InventorySite | undefined;
}

/** A problem with an inventory file, naming the file and where in it. */
export class InventoryError extends Error {
  override readonly name = 'InventoryError';

  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

function where(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`))
    .join('');
}

/** The inventory's sites, matched by longest prefix. */
export class Inventory implements SiteLookup {
  private readonly table = new PrefixTable<InventorySite>();

  /** Builds the inventory from already-parsed JSON; `file` names the source in errors. */
  constructor(json: unknown, file: string) {
    const parsed = InventorySchema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${where(issue.path)}: ${issue.message}`);
      throw new InventoryError(file, `${file}: ${problems.join('; ')}`);
    }
    const indexes = new Map<InventorySite, number>();
    for (const [index, site] of parsed.data.sites.entries()) {
      const cidr = parseCidr(site.cidr);
      if (typeof cidr === 'string') {
        throw new InventoryError(file, `${file}: sites[${index}].cidr: ${site.cidr} ${cidr}`);
      }
      const earlier = this.table.add(cidr, site);
      if (earlier) {
        const first = indexes.get(earlier);
        throw new InventoryError(
          file,
          `${file}: sites[${index}].cidr: ${site.cidr} is already listed at sites[${first}]`,
        );
      }
      indexes.set(site, index);
    }
  }

  /** The site of the most specific block holding `ip`, or undefined. */
  match(ip: string): InventorySite | undefined {
    return this.table.match(ip);
  }
}

/** Reads and validates the inventory file. Throws InventoryError. */
export function loadInventory(file: string): Inventory {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InventoryError(file, `${file}: cannot be read (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InventoryError(file, `${file}: is not valid JSON (${(error as Error).message})`);
  }
  return new Inventory(json, file);
}
