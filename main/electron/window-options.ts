/**
 * The BrowserWindow web preferences, per Electron's security checklist: isolated, sandboxed
 * renderer with no Node, web security on, no insecure content, no experimental or Blink features.
 * Plain data (no Electron import) so tests can check it directly.
 */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: true,
  } as const;
}

/** Window geometry to restore, validated so a bad saved value cannot place the window off-screen forever. */
export interface WindowBounds {
  width: number;
  height: number;
  x?: number;
  y?: number;
}

/** Default and minimum window size. */
export const DEFAULT_BOUNDS: WindowBounds = { width: 1200, height: 820 };
export const MIN_SIZE = { width: 900, height: 640 };
