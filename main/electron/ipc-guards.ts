/**
 * The checks every IPC call passes before it reaches the core, kept free of
 * Electron so that tests can drive them with plain values.
 */
import { MAX_MESSAGE_BYTES } from '../../shared/api';
import { isAppPageUrl } from './app-url';

/** What the IPC handler found out about the frame that sent a call. */
export interface SenderFacts {
  /** The sender's web contents belong to a window this app created. */
  fromAppWindow: boolean;
  /** The sending frame is the top frame of those web contents. */
  isMainFrame: boolean;
  /** The sending frame's URL; undefined when the frame is already gone. */
  url: string | undefined;
}

/** True when the call comes from the top frame of an app window showing the app's own page. */
export function isTrustedSender(facts: SenderFacts): boolean {
  return (
    facts.fromAppWindow && facts.isMainFrame && facts.url !== undefined && isAppPageUrl(facts.url)
  );
}

/**
 * True when the call's method and parameters, as JSON, fit into `limit`
 * bytes. Values JSON cannot carry (cycles, BigInt) count as too large, since
 * no valid call contains them.
 */
export function fitsMessageLimit(
  method: unknown,
  params: unknown,
  limit: number = MAX_MESSAGE_BYTES,
): boolean {
  let json: string;
  try {
    json = JSON.stringify([method, params]);
  } catch {
    return false;
  }
  return Buffer.byteLength(json, 'utf8') <= limit;
}
