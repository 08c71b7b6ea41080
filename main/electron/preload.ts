/**
 * The renderer's only doors to the main process: `window.lagebild`, with
 * one call function and one event subscription, and `window.lagebildSnapshot`
 * for saving a PNG of the window. It runs sandboxed, so it is
 * bundled to CommonJS and requires nothing but electron; ipcRenderer and
 * its event objects never reach the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventName, EventOf, LagebildApi } from '../../shared/api';
import type { SnapshotBridge, SnapshotOutcome } from '../../shared/snapshot';
import {
  CALL_CHANNEL,
  EVENT_CHANNEL,
  SNAPSHOT_REQUEST_CHANNEL,
  SNAPSHOT_SAVE_CHANNEL,
} from './channels';

type Handler = (data: unknown) => void;

// One IPC listener for all subscriptions, so the page cannot pile up listeners on ipcRenderer.
const handlers = new Map<string, Set<Handler>>();

ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, name: unknown, data: unknown) => {
  if (typeof name !== 'string') return;
  for (const handler of handlers.get(name) ?? []) {
    try {
      handler(data);
    } catch (error) {
      // One failing subscriber must not starve the others; the page still sees its error.
      setTimeout(() => {
        throw error;
      });
    }
  }
});

const api: LagebildApi = {
  call: (method, params) => ipcRenderer.invoke(CALL_CHANNEL, method, params),
  on<E extends EventName>(event: E, handler: (data: EventOf<E>) => void) {
    const wrapped: Handler = (data) => handler(data as EventOf<E>);
    const set = handlers.get(event) ?? new Set<Handler>();
    set.add(wrapped);
    handlers.set(event, set);
    return () => {
      set.delete(wrapped);
    };
  },
};

// The app menu's requests for a PNG, heard by whichever part of the page shows the view.
const snapshotRequests = new Set<() => void>();
ipcRenderer.on(SNAPSHOT_REQUEST_CHANNEL, () => {
  for (const handler of snapshotRequests) handler();
});

const snapshot: SnapshotBridge = {
  savePng: (fileName) =>
    ipcRenderer.invoke(SNAPSHOT_SAVE_CHANNEL, fileName) as Promise<SnapshotOutcome>,
  onRequest(handler) {
    const wrapped = () => handler();
    snapshotRequests.add(wrapped);
    return () => {
      snapshotRequests.delete(wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('lagebild', api);
contextBridge.exposeInMainWorld('lagebildSnapshot', snapshot);
