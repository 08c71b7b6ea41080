/**
 * The IPC transport of the API: calls from the app's own page go to the
 * core's validating endpoint as the window's client (the desktop user, or
 * a wall profile), anything else is refused and logged; core events go out
 * to every app window, shaped for its client.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { ApiError, ApiResult } from '../../shared/api';
import type { ApiEndpoint, ClientContext } from '../core/api-types';
import { scopedLogger } from '../core/log';
import { isAppPageUrl } from './app-url';
import { CALL_CHANNEL, EVENT_CHANNEL, SNAPSHOT_SAVE_CHANNEL } from './channels';
import { fitsMessageLimit, isTrustedSender, type SenderFacts } from './ipc-guards';
import { saveSnapshot } from './snapshot';
import { isAppWindowContents } from './window';

const log = scopedLogger('ipc');

/** The desktop user runs the app; nothing is read-only for them. */
export const DESKTOP_CLIENT: ClientContext = { name: 'desktop', readOnly: false };

/** The IPC transport: calls from app windows, and events to each as its client may see them. */
export interface IpcTransport {
  /** Serves `win` as `client` (a wall window as its profile) until it closes. */
  attach(win: BrowserWindow, client: ClientContext): void;
  close(): void;
}

/** Serves the API over IPC until `close` is called. */
export function wireIpc(endpoint: ApiEndpoint): IpcTransport {
  const clients = new WeakMap<WebContents, ClientContext>();
  const detachers = new Set<() => void>();
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, params: unknown) =>
    handleCall(endpoint, event, clients.get(event.sender), method, params),
  );
  // A PNG is taken only for a window this app serves, from its own page.
  ipcMain.handle(SNAPSHOT_SAVE_CHANNEL, (event, fileName: unknown) => {
    const client = clients.get(event.sender);
    const trusted = client && isTrustedSender(senderFacts(event)) ? client : undefined;
    return saveSnapshot(event.sender, trusted, fileName);
  });
  return {
    attach(win, client) {
      const contents = win.webContents;
      clients.set(contents, client);
      const unsubscribe = endpoint.subscribe((name, data) => {
        if (!contents.isDestroyed() && isAppPageUrl(contents.getURL())) {
          contents.send(EVENT_CHANNEL, name, data);
        }
      }, client);
      const detach = () => {
        unsubscribe();
        detachers.delete(detach);
      };
      detachers.add(detach);
      win.once('closed', detach);
    },
    close() {
      for (const detach of [...detachers]) detach();
      ipcMain.removeHandler(CALL_CHANNEL);
      ipcMain.removeHandler(SNAPSHOT_SAVE_CHANNEL);
    },
  };
}

async function handleCall(
  endpoint: ApiEndpoint,
  event: IpcMainInvokeEvent,
  client: ClientContext | undefined,
  method: unknown,
  params: unknown,
): Promise<ApiResult<unknown>> {
  const facts = senderFacts(event);
  if (!client || !isTrustedSender(facts)) {
    log.warn(`refused a call from an untrusted sender: ${JSON.stringify(facts).slice(0, 300)}`);
    return refusal('forbidden', 'calls are accepted only from the Lagebild window');
  }
  if (!fitsMessageLimit(method, params)) {
    log.warn(`refused an oversized call to ${String(method).slice(0, 60)}`);
    return refusal('invalid', 'message too large');
  }
  try {
    return await endpoint.call(method, params, client);
  } catch (error) {
    // The endpoint answers with results; this only guards against a broken promise.
    log.error(`call failed: ${(error as Error).stack ?? String(error)}`);
    return refusal('internal', 'call failed');
  }
}

function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  return {
    fromAppWindow: isAppWindowContents(event.sender),
    isMainFrame: frame !== null && frame.frameToken === event.sender.mainFrame.frameToken,
    url: frame?.url,
  };
}

function refusal(code: ApiError['code'], message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}
