import { app, BrowserWindow, clipboard, dialog, Menu, screen, shell } from 'electron';
import { join } from 'node:path';
import type { HandlerTable } from '../handlers';
import { createMainProcess } from '../composition';
import { createFileLogger } from '../core/logging/logger';
import type { SettingsStore } from '../core/settings/settings-store';
import { restoreBounds } from '../core/settings/window-bounds';
import { registerIpc } from './ipc';
import { safeStorageCipher } from './secret-cipher';
import { registerAppScheme, serveRenderer } from './protocol';
import { applySecurityPolicies, openVerificationPage } from './security';
import { APP_ORIGIN } from './origin';
import { aboutText, buildMenuTemplate } from './menu-template';
import { DEFAULT_BOUNDS, MIN_SIZE } from './window-options';
import { installKeepWatching } from './keep-watching';
import { HIDDEN_FLAG } from './login-items';
import { WATCH_NAVIGATE_EVENT } from '../../shared/contract/watch.channels';
import type { WatchScreen } from '../../shared/watch/events';

// The Vite dev server's URL in `npm start` (electron-vite dev); unset in a packaged app.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

registerAppScheme();
app.enableSandbox();

// One instance: a second launch (from the menu, or start at login while running) focuses the first.
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.quit();
// "Quit" (menu, tray, Cmd-Q) really quits; closing the window while watching only hides it.
let quitting = false;
let mainWindow: BrowserWindow | null = null;

/** Create the main window at its remembered place (if still on a display), showing it once its first frame is ready. */
async function createWindow(settings: SettingsStore, keepRunning: () => boolean, show = true): Promise<BrowserWindow> {
  const saved = await settings.getWindowState().catch(() => null);
  const bounds = restoreBounds(saved, screen.getAllDisplays().map((d) => d.workArea), DEFAULT_BOUNDS, MIN_SIZE);
  const win = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Onramp',
    backgroundColor: '#ffffff',
    // Electron's security checklist, written out literally so reviewers and Electronegativity see it.
    webPreferences: {
      // Waived: the app's own bundled preload, which exposes only the contract-derived API (preload/index.ts).
      preload: join(__dirname, '../preload/index.js'), /* eng-disable PRELOAD_JS_CHECK */
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click would otherwise open links in a new window (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  if (saved?.maximized) win.maximize();
  if (show) win.once('ready-to-show', () => win.show());
  // Remember the un-maximised geometry, so restoring a maximised window still has a sensible size.
  win.on('close', (event?: Electron.Event) => {
    void settings.setWindowState({ ...win.getNormalBounds(), maximized: win.isMaximized() }).catch(() => undefined);
    // While watching, closing hides the window: the app keeps running in the tray.
    if (!quitting && keepRunning()) {
      event?.preventDefault();
      win.hide();
    }
  });
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
}

/** The application menu, with About, Copy diagnostics and Open logs folder wired to the handlers. */
function installMenu(table: HandlerTable, dataDir: string, appInfo: { name: string; version: string }): void {
  const template = buildMenuTemplate(
    {
      about: () => {
        const { message, detail } = aboutText(appInfo, process.versions);
        void dialog.showMessageBox({ type: 'info', title: `About ${appInfo.name}`, message, detail, buttons: ['OK'] });
      },
      copyDiagnostics: () => {
        void table['diagnostics:get']({}).then(async (d) => {
          await clipboard.writeText(d.text);
          return dialog.showMessageBox({ type: 'info', message: 'Diagnostics copied', detail: 'Paste them into your bug report. They contain no secrets.' });
        });
      },
      openLogsFolder: () => void shell.openPath(dataDir),
    },
    { platform: process.platform, appName: appInfo.name, devTools: !app.isPackaged },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

void app.whenReady().then(async () => {
  if (!firstInstance) return;
  applySecurityPolicies(devServerUrl);
  serveRenderer(join(__dirname, '../renderer'));
  const dataDir = app.getPath('userData');
  const logger = createFileLogger(dataDir);
  const appInfo = { name: 'Onramp', version: app.getVersion() };
  logger.info(`${appInfo.name} ${appInfo.version} starting (Electron ${process.versions.electron ?? 'n/a'}, ${process.platform})`);
  process.on('unhandledRejection', (reason) => logger.error(`Unhandled rejection: ${String(reason)}`));
  // The same composition the e2e harness uses (main/composition.ts): stores, session, request log, series cache, settings.
  const main = createMainProcess({
    env: process.env,
    dataDir,
    appInfo,
    logger,
    openExternal: openVerificationPage,
    // The Bodo Platform API token: encrypted with the OS keychain (safeStorage), never plain text on disk.
    secretCipher: safeStorageCipher(),
  });
  const { table, deps: { settings, seriesCache, watch } } = main;
  app.on('before-quit', () => {
    quitting = true;
    watch.stop();
    void seriesCache.flush();
  });
  registerIpc(table, devServerUrl, logger);
  installMenu(table, dataDir, appInfo);
  const keepRunning = () => watch.watching();
  /** Show the window (making it again if it was closed) and, from a notification, open its screen. */
  const showWindow = (screen: WatchScreen | null) => {
    const navigate = (win: BrowserWindow) => {
      if (screen) win.webContents.send(WATCH_NAVIGATE_EVENT, screen);
    };
    if (mainWindow && !mainWindow.isDestroyed()) {
      mainWindow.show();
      mainWindow.focus();
      navigate(mainWindow);
      return;
    }
    void createWindow(settings, keepRunning).then((win) => {
      mainWindow = win;
      win.webContents.once('did-finish-load', () => navigate(win));
    });
  };
  app.on('second-instance', () => showWindow(null));
  installKeepWatching({ watch, showWindow, quit: () => app.quit() });
  await watch.start().catch((err: unknown) => logger.warn(`The watcher did not start: ${String(err)}`));
  // Started at login (--hidden) while watching: only the tray, until the user opens the window.
  const hidden = process.argv.includes(HIDDEN_FLAG) && watch.watching();
  if (!hidden) mainWindow = await createWindow(settings, keepRunning);
  app.on('activate', () => showWindow(null));
  // Quit only after the window's geometry has been written; while watching, the app stays in the tray.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' && !watch.watching()) void settings.flush().finally(() => app.quit());
  });
});
