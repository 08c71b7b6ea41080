/**
 * The files of a MISP feed (manifest.json and one <uuid>.json per event),
 * read over HTTP from the feed's base URL or from a folder.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClientSettings } from '../http/client-settings';
import { httpRequest } from '../http/http-request';
import { expectSuccess } from '../http/status';

/** Reads one file of a feed by name. */
export interface FeedFiles {
  /** The file's text, or undefined when the feed does not have it. */
  read(name: string, signal: AbortSignal): Promise<string | undefined>;
  /** Where `name` is, for messages. */
  where(name: string): string;
}

/** Only the names a feed has are read: no path of a remote's choosing reaches the disk. */
const FEED_FILE = /^(manifest|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/;

function checkName(name: string): void {
  if (!FEED_FILE.test(name)) throw new Error(`not a MISP feed file name: ${name.slice(0, 80)}`);
}

/** A feed served under `baseUrl`. */
export function httpFeedFiles(baseUrl: string, client: ClientSettings): FeedFiles {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const where = (name: string) => new URL(name, base).href;
  return {
    where,
    async read(name, signal) {
      checkName(name);
      const url = where(name);
      const response = await httpRequest({
        url,
        method: 'GET',
        headers: {
          Accept: 'application/json',
          ...(client.authorization ? { Authorization: client.authorization } : {}),
        },
        ...(client.ca ? { ca: client.ca } : {}),
        signal,
      });
      if (response.status === 404) return undefined;
      expectSuccess(response, url);
      return response.body.toString('utf8');
    },
  };
}

/** A feed copied into the folder `dir`. */
export function dirFeedFiles(dir: string): FeedFiles {
  const where = (name: string) => join(dir, name);
  return {
    where,
    async read(name, signal) {
      checkName(name);
      try {
        return await readFile(where(name), { encoding: 'utf8', signal });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
  };
}
