/**
 * The IPC transport with Electron replaced by a small stand-in: a call from
 * the app's own window reaches the core; a call from another window, from a
 * subframe, from a page that is not the app's, or one too large or not
 * expressible as JSON, is refused with a result, logged, and never reaches
 * the core.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../../../shared/api';
import type { ApiEndpoint } from '../../../main/core/api-types';
import { logFilePath } from '../../../main/core/log';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const handlers = new Map<string, Handler>();
  const owners = new Map<object, object>();

  /** Web contents as far as the transport and the window registry use them. */
  class FakeContents {
    url = 'lagebild://app/index.html';
    mainFrame = { frameToken: 'main-frame' };
    on() {
      return this;
    }
    getURL() {
      return this.url;
    }
    isDestroyed() {
      return false;
    }
    send() {}
  }

  class BrowserWindow {
    webContents = new FakeContents();
    constructor() {
      owners.set(this.webContents, this);
    }
    static fromWebContents(contents: object) {
      return owners.get(contents) ?? null;
    }
    on() {
      return this;
    }
    once() {
      return this;
    }
    loadURL() {
      return Promise.resolve();
    }
  }

  const ipcMain = {
    handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  };
  return { handlers, BrowserWindow, FakeContents, ipcMain };
});

vi.mock('electron', () => ({
  BrowserWindow: electron.BrowserWindow,
  ipcMain: electron.ipcMain,
  app: { getPath: () => '/nonexistent' },
  dialog: {},
}));

// The shell's electron-log instance loads the real Electron; the core's logger is enough here.
vi.mock('../../../main/electron/logging', () => ({ logRendererConsole: () => undefined }));

const { wireIpc, DESKTOP_CLIENT } = await import('../../../main/electron/ipc');
const { createMainWindow } = await import('../../../main/electron/window');
const { CALL_CHANNEL } = await import('../../../main/electron/channels');

const endpoint: ApiEndpoint = {
  call: vi.fn(async () => ({ ok: true as const, value: 'answered' })),
  subscribe: () => () => undefined,
};

function logSince(mark: number): string {
  return existsSync(logFilePath())
    ? readFileSync(logFilePath()).subarray(mark).toString('utf8')
    : '';
}

function logMark(): number {
  return existsSync(logFilePath()) ? statSync(logFilePath()).size : 0;
}

/** A call on the IPC channel as Electron would hand it over. */
function invoke(
  sender: { mainFrame: { frameToken: string } },
  frame: { frameToken: string; url: string } | null,
  method: unknown,
  params: unknown,
) {
  const handler = electron.handlers.get(CALL_CHANNEL)!;
  return handler({ sender, senderFrame: frame }, method, params);
}

const appWindow = createMainWindow('/preload.cjs') as unknown as {
  webContents: InstanceType<typeof electron.FakeContents>;
};
const transport = wireIpc(endpoint);
transport.attach(appWindow as never, DESKTOP_CLIENT);
const appFrame = { frameToken: 'main-frame', url: 'lagebild://app/index.html' };

beforeEach(() => vi.mocked(endpoint.call).mockClear());

describe('IPC transport', () => {
  it('hands a call from the app window to the core as the desktop user', async () => {
    const answer = await invoke(appWindow.webContents, appFrame, 'getInfo', {});
    expect(answer).toEqual({ ok: true, value: 'answered' });
    expect(endpoint.call).toHaveBeenCalledWith('getInfo', {}, DESKTOP_CLIENT);
  });

  it.each([
    ['a window it did not create', new electron.FakeContents(), appFrame],
    ['a subframe', undefined, { ...appFrame, frameToken: 'child-frame' }],
    ['a frame already gone', undefined, null],
    ['a page that is not the app', undefined, { ...appFrame, url: 'https://evil.example/' }],
  ])('refuses and logs a call from %s', async (_what, sender, frame) => {
    const mark = logMark();
    const answer = await invoke(sender ?? appWindow.webContents, frame, 'getInfo', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(endpoint.call).not.toHaveBeenCalled();
    expect(logSince(mark)).toMatch(/\[warn\].*\(ipc\).*refused a call from an untrusted sender/);
  });

  it.each([
    ['an oversized message', { message: 'x'.repeat(MAX_MESSAGE_BYTES) }],
    ['a message JSON cannot carry', { id: 1n }],
  ])('refuses and logs %s', async (_what, params) => {
    const mark = logMark();
    const answer = await invoke(appWindow.webContents, appFrame, 'log', params);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(endpoint.call).not.toHaveBeenCalled();
    expect(logSince(mark)).toMatch(/\[warn\].*\(ipc\).*refused an oversized call to log/);
  });
});
