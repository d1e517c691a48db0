import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createHandlers, createSessionHolder } from '../handlers';
import { ConfigurationStore } from '../core/store/configurations';
import { registerIpc } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { applySecurityPolicies } from './security';
import { APP_ORIGIN } from './origin';
import { DEFAULT_BOUNDS, MIN_SIZE } from './window-options';

// The Vite dev server's URL in `npm start` (electron-vite dev); unset in a packaged app.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

registerAppScheme();
app.enableSandbox();

/** Create the main window, showing it once its first frame is ready. */
function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    ...DEFAULT_BOUNDS,
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
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
}

void app.whenReady().then(() => {
  applySecurityPolicies(devServerUrl);
  serveRenderer(join(__dirname, '../renderer'));
  const dataDir = app.getPath('userData');
  registerIpc(
    createHandlers({ env: process.env, dataDir, store: new ConfigurationStore(dataDir), session: createSessionHolder() }),
    devServerUrl,
  );
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
