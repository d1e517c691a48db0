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
  listeners: Map<string, (event?: { preventDefault: () => void }) => void>;
  loaded: string[];
  /** How often it was hidden, shown and focused; what was sent to its page. */
  hidden: number;
  shown: number;
  focused: number;
  sent: [string, unknown][];
}

/** The tray icon the layer made. */
export interface MockTray {
  images: unknown[];
  tooltips: string[];
  /** Every menu template set, latest last. */
  menus: MenuItem[][];
  listeners: Map<string, () => void>;
}

/** A menu item as a template gives it. */
export interface MenuItem {
  label?: string;
  type?: string;
  enabled?: boolean;
  click?: () => void;
  submenu?: MenuItem[];
}

/** A desktop notification the layer showed. */
export interface MockNotification {
  options: { title?: string; body?: string };
  listeners: Map<string, () => void>;
  shown: boolean;
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
  trays: MockTray[];
  notifications: MockNotification[];
  /** app.setLoginItemSettings calls, and the status getLoginItemSettings answers. */
  loginItems: Record<string, unknown>[];
  loginItemStatus: string | undefined;
  appUserModelId: string | null;
  powerListeners: Map<string, () => void>;
  /** What app.requestSingleInstanceLock() answers (false: another instance runs). */
  singleInstance: boolean;
  singleInstanceAsked: number;
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
    trays: [],
    notifications: [],
    loginItems: [],
    loginItemStatus: undefined,
    appUserModelId: null,
    powerListeners: new Map(),
    singleInstance: true,
    singleInstanceAsked: 0,
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
    webContents: { send: (channel: string, payload: unknown) => void; once: (event: string, fn: () => void) => void };
    constructor(options: Record<string, unknown>) {
      this.entry = { options, listeners: new Map(), loaded: [], hidden: 0, shown: 0, focused: 0, sent: [] };
      rec.windows.push(this.entry);
      const entry = this.entry;
      this.webContents = { send: (channel, payload) => void entry.sent.push([channel, payload]), once: (_e, fn) => fn() };
    }
    once() {}
    on(event: string, fn: () => void) {
      this.entry.listeners.set(event, fn);
    }
    show() {
      this.entry.shown++;
    }
    hide() {
      this.entry.hidden++;
    }
    focus() {
      this.entry.focused++;
    }
    isDestroyed() {
      return false;
    }
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
  class Tray {
    private entry: MockTray;
    constructor(image: unknown) {
      this.entry = { images: [image], tooltips: [], menus: [], listeners: new Map() };
      rec.trays.push(this.entry);
    }
    setImage(image: unknown) {
      this.entry.images.push(image);
    }
    setToolTip(t: string) {
      this.entry.tooltips.push(t);
    }
    setContextMenu(menu: MenuItem[]) {
      this.entry.menus.push(menu);
    }
    on(event: string, fn: () => void) {
      this.entry.listeners.set(event, fn);
    }
  }
  class Notification {
    static isSupported = () => true;
    private entry: MockNotification;
    constructor(options: { title?: string; body?: string }) {
      this.entry = { options, listeners: new Map(), shown: false };
      rec.notifications.push(this.entry);
    }
    on(event: string, fn: () => void) {
      this.entry.listeners.set(event, fn);
    }
    show() {
      this.entry.shown = true;
    }
  }
  return {
    Tray,
    Notification,
    nativeImage: { createFromBuffer: (b: Buffer) => ({ png: b }) },
    powerMonitor: { on: (event: string, fn: () => void) => rec.powerListeners.set(event, fn) },
    app: {
      requestSingleInstanceLock: () => {
        rec.singleInstanceAsked++;
        return rec.singleInstance;
      },
      setAppUserModelId: (id: string) => {
        rec.appUserModelId = id;
      },
      setLoginItemSettings: (s: Record<string, unknown>) => void rec.loginItems.push(s),
      getLoginItemSettings: () => ({ openAtLogin: Boolean(rec.loginItems.at(-1)?.openAtLogin), status: rec.loginItemStatus }),
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
