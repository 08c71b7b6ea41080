/**
 * Finding what to poll on a TAXII 2.1 server: the API root (the one the
 * feed names, else the server's default from discovery) and its readable
 * collections (the ones the feed names, else all of them).
 */
import { z } from 'zod';
import type { ClientSettings } from '../http/client-settings';
import { HttpError } from '../http/http-request';
import { TAXII_MEDIA_TYPE, taxiiGet } from './taxii-request';

// Section 4.1.1: the discovery resource.
const DiscoverySchema = z.object({
  title: z.string(),
  default: z.string().optional(),
  api_roots: z.array(z.string()).default([]),
});

// Section 4.2.1: the API root resource.
const ApiRootSchema = z.object({
  title: z.string(),
  versions: z.array(z.string()).min(1),
  max_content_length: z.number().int().nonnegative(),
});

// Section 5.2.1: a collection resource.
const CollectionSchema = z.object({
  id: z.string().min(1).max(300),
  title: z.string(),
  can_read: z.boolean(),
  can_write: z.boolean(),
});
const CollectionsSchema = z.object({ collections: z.array(CollectionSchema).default([]) });

/** One collection to poll, and where its objects are. */
export interface TaxiiCollection {
  id: string;
  title: string;
  objectsUrl: string;
}

/** What a feed says about where to look. */
export interface TaxiiTarget {
  /** The discovery URL. */
  url: string;
  apiRoot?: string;
  collections?: string[];
}

/** The collections to poll, after checking that the API root speaks TAXII 2.1. */
export async function findCollections(
  target: TaxiiTarget,
  client: ClientSettings,
  signal: AbortSignal,
): Promise<TaxiiCollection[]> {
  const apiRoot = withSlash(
    target.apiRoot === undefined
      ? await defaultApiRoot(target.url, client, signal)
      : new URL(target.apiRoot, target.url).href,
  );
  const root = await taxiiGet(apiRoot, ApiRootSchema, 'API root', client, signal);
  const versions = root.value.versions.map((version) => version.replace(/\s/g, '').toLowerCase());
  if (!versions.includes(TAXII_MEDIA_TYPE)) {
    throw new HttpError(`${apiRoot}: API root does not offer TAXII 2.1 (${versions.join(', ')})`);
  }
  const listUrl = new URL('collections/', apiRoot).href;
  const { collections } = (
    await taxiiGet(listUrl, CollectionsSchema, 'collections', client, signal)
  ).value;
  const chosen = target.collections
    ? target.collections.map((wanted) => named(collections, wanted, apiRoot))
    : collections.filter((collection) => collection.can_read);
  return chosen.map((collection) => ({
    id: collection.id,
    title: collection.title,
    objectsUrl: new URL(`collections/${encodeURIComponent(collection.id)}/objects/`, apiRoot).href,
  }));
}

async function defaultApiRoot(
  url: string,
  client: ClientSettings,
  signal: AbortSignal,
): Promise<string> {
  const discovery = (await taxiiGet(url, DiscoverySchema, 'discovery resource', client, signal))
    .value;
  const only = discovery.api_roots.length === 1 ? discovery.api_roots[0] : undefined;
  const chosen = discovery.default ?? only;
  if (chosen === undefined) {
    const roots = discovery.api_roots.join(', ') || 'none';
    throw new HttpError(`${url}: no default API root; set "apiRoot" to one of: ${roots}`);
  }
  const root = new URL(chosen, url);
  // The server's answer must not send the feed's credentials elsewhere: an
  // API root on another origin is used only when the configuration names it.
  if (root.origin !== new URL(url).origin) {
    throw new HttpError(
      `${url}: the default API root ${root.href} is on another origin; set "apiRoot" to it if it is trusted`,
    );
  }
  return root.href;
}

/** The collection with id or title `wanted`, which must be readable. */
function named(
  collections: z.infer<typeof CollectionSchema>[],
  wanted: string,
  apiRoot: string,
): z.infer<typeof CollectionSchema> {
  const found =
    collections.find((collection) => collection.id === wanted) ??
    collections.find((collection) => collection.title === wanted);
  if (!found) throw new HttpError(`${apiRoot}: no collection "${wanted}"`);
  if (!found.can_read) throw new HttpError(`${apiRoot}: collection "${wanted}" is not readable`);
  return found;
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
