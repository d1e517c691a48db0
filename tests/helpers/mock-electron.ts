/**
 * A stand-in for the `electron` module: Electron's binary cannot run on these machines, so the
 * Electron layer is exercised against this mock, which records what the layer asks of Electron.
 * Use it from a test file as
 *   const rec = await vi.hoisted(async () => (await import('../../helpers/mock-electron')).electronRecorder({ … }));
 *   vi.mock('electron', async () => (await import('../../helpers/mock-electron')).mockElectron(rec));
 * (vi.mock factories run before imports, hence the dynamic imports). This module never imports electron.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** One BrowserWindow the layer opened. */
export interface MockWindow {
  options: Record<string, unknown>;
  listeners: Map<string, () => void>;
  loaded: string[];
}

type IpcHandler = (event: unknown, payload: unknown) => Promise<unknown>;
type PermissionRequest = (wc: unknown, permission: string, cb: (ok: boolean) => void, details: { requestingUrl?: string }) => void;
type PermissionCheck = (wc: unknown, permission: string, origin: string) => boolean;

/** What the mocked electron module was asked, and how it answers. */
export interface ElectronRecorder {
  /** app.getPath(…) answers this (may be set later, before main/electron/index.ts is imported). */
  dataDir: string;
  /** app.getVersion(). */
  version: string;
  /** BrowserWindow#getNormalBounds(). */
  normalBounds: { x: number; y: number; width: number; height: number };
  menu: unknown;
  dialogs: Record<string, unknown>[];
  clipboard: string[];
  opened: string[];
  openExternal: string[];
  windows: MockWindow[];
  handlers: Map<string, IpcHandler>;
  appListeners: Map<string, (...args: unknown[]) => void>;
  schemes: unknown[];
  permissionRequest: PermissionRequest | null;
  permissionCheck: PermissionCheck | null;
  protocolHandler: ((req: Request) => Promise<Response>) | null;
  sandboxEnabled: boolean;
  quit: number;
  /** Called by app.quit() (after counting it), e.g. to see what was on disk at that moment. */
  onQuit?: () => void;
  /** safeStorage: its backend name, whether encryption is available, what it encrypted, how often it decrypted. */
  keychain: { backend: string; available: boolean; encrypted: string[]; decrypted: number };
}

/** A fresh recorder; `init` sets the data folder, version or window bounds. */
export function electronRecorder(init: Partial<Pick<ElectronRecorder, 'dataDir' | 'version' | 'normalBounds'>> = {}): ElectronRecorder {
  return {
    dataDir: '/tmp/onramp-electron-test',
    version: '0.0.0-test',
    normalBounds: { x: 0, y: 0, width: 1200, height: 820 },
    ...init,
    menu: null,
    dialogs: [],
    clipboard: [],
    opened: [],
    openExternal: [],
    windows: [],
    handlers: new Map(),
    appListeners: new Map(),
    schemes: [],
    permissionRequest: null,
    permissionCheck: null,
    protocolHandler: null,
    sandboxEnabled: false,
    quit: 0,
    keychain: { backend: 'gnome_libsecret', available: true, encrypted: [], decrypted: 0 },
  };
}

/**
 * safeStorage as the OS keychain would behave: AES-256-GCM with a key only this mock holds; the
 * deprecated synchronous API throws.
 */
function mockSafeStorage(rec: ElectronRecorder) {
  const key = randomBytes(32);
  return {
    isAsyncEncryptionAvailable: async () => rec.keychain.available,
    getSelectedStorageBackend: () => rec.keychain.backend,
    async encryptStringAsync(plain: string) {
      rec.keychain.encrypted.push(plain);
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    async decryptStringAsync(blob: Buffer) {
      rec.keychain.decrypted++;
      const d = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12));
      d.setAuthTag(blob.subarray(12, 28));
      return { result: Buffer.concat([d.update(blob.subarray(28)), d.final()]).toString('utf8'), shouldReEncrypt: false };
    },
    encryptString: () => {
      throw new Error('the deprecated synchronous API must not be used');
    },
    decryptString: () => {
      throw new Error('the deprecated synchronous API must not be used');
    },
  };
}

/** The mocked `electron` module, recording into `rec`. */
export function mockElectron(rec: ElectronRecorder): Record<string, unknown> {
  class BrowserWindow {
    static getAllWindows = () => rec.windows;
    private entry: MockWindow;
    constructor(options: Record<string, unknown>) {
      this.entry = { options, listeners: new Map(), loaded: [] };
      rec.windows.push(this.entry);
    }
    once() {}
    on(event: string, fn: () => void) {
      this.entry.listeners.set(event, fn);
    }
    show() {}
    maximize() {}
    isMaximized() {
      return false;
    }
    getNormalBounds() {
      return rec.normalBounds;
    }
    loadURL(url: string) {
      this.entry.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    app: {
      isPackaged: true,
      enableSandbox: () => {
        rec.sandboxEnabled = true;
      },
      whenReady: () => Promise.resolve(),
      getPath: () => rec.dataDir,
      getVersion: () => rec.version,
      on: (event: string, fn: (...args: unknown[]) => void) => rec.appListeners.set(event, fn),
      quit: () => {
        rec.quit++;
        rec.onQuit?.();
      },
    },
    BrowserWindow,
    Menu: {
      buildFromTemplate: (t: unknown) => t,
      setApplicationMenu: (m: unknown) => {
        rec.menu = m;
      },
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    dialog: {
      showMessageBox: async (opts: Record<string, unknown>) => {
        rec.dialogs.push(opts);
        return { response: 0 };
      },
    },
    clipboard: { writeText: (t: string) => rec.clipboard.push(t) },
    ipcMain: { handle: (channel: string, fn: IpcHandler) => rec.handlers.set(channel, fn) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => rec.schemes.push(...schemes),
      handle: (_scheme: string, fn: (req: Request) => Promise<Response>) => {
        rec.protocolHandler = fn;
      },
    },
    net: { fetch: async () => new Response('<html></html>', { status: 200, headers: { 'content-type': 'text/html' } }) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: PermissionRequest) => {
          rec.permissionRequest = fn;
        },
        setPermissionCheckHandler: (fn: PermissionCheck) => {
          rec.permissionCheck = fn;
        },
      },
    },
    shell: {
      openExternal: async (url: string) => {
        rec.openExternal.push(url);
      },
      openPath: async (p: string) => {
        rec.opened.push(p);
        return '';
      },
    },
    safeStorage: mockSafeStorage(rec),
  };
}

/** The IPC event of a call from the app's own top frame. */
export const TRUSTED_SENDER = { senderFrame: { url: 'app://onramp/index.html', parent: null } };
