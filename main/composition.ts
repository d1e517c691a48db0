/**
 * The main process's one composition root: the stores, the session holder, the request log, the
 * series cache, the settings, the logger and the handler table, built the same way for the app
 * (main/electron/index.ts) and the end-to-end harness (tests/e2e/harness.ts). Electron-free: what
 * only Electron can give (the keychain cipher, opening the user's browser) comes in as arguments, so
 * what the tests see is what the app does, request log included.
 */
import type { IpcResult } from '../shared/contract';
import { RequestLog } from './core/aws/request-log';
import { createFileLogger, type Logger } from './core/logging/logger';
import { SeriesCache } from './core/monitoring/series-cache';
import { PlatformCredentialStore, type SecretCipher } from './core/platform/credential-store';
import { SettingsStore } from './core/settings/settings-store';
import { ConfigurationStore } from './core/store/configurations';
import { createHandlers, createSessionHolder, type HandlerDeps, type HandlerTable } from './handlers';
import { dispatch } from './handlers/dispatch';
import { createRuns } from './core/app/runs';
import { createAppWatch } from './core/watch/app-watch';
import type { RunProgress } from '../shared/contract/runs';
import { rememberLastSession } from './handlers/settings';

/** What the caller brings: where the data lives, the environment, and Electron's few abilities. */
export interface MainProcessOptions {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  /** The app's name and version (About, diagnostics). */
  appInfo?: { name: string; version: string };
  /** The logger (defaults to the rotating `onramp.log` in the data folder). */
  logger?: Logger;
  /** Opens an https page in the user's browser (the IAM Identity Center verification page). */
  openExternal?: HandlerDeps['openExternal'];
  /** Encrypts the Bodo Platform token with the OS keychain; null keeps it in memory only. */
  secretCipher?: SecretCipher | null;
  /** The clock (defaults to Date.now). */
  now?: () => number;
  /** Setup timing and lock folder (tests make them fast and private). */
  setup?: HandlerDeps['setup'];
}

/** The composed main process. */
export interface MainProcess {
  /** Everything the handlers were built from (the same objects, so callers can inspect them). */
  deps: HandlerDeps & Required<Pick<HandlerDeps, 'requestLog' | 'seriesCache' | 'settings' | 'logger' | 'runs' | 'watch'>>;
  /** The handler table, with "remember the last profile" on connect. */
  table: HandlerTable;
  /** Validate, run and wrap one IPC call, exactly as the app's ipcMain handler does. */
  invoke(channel: unknown, payload: unknown): Promise<IpcResult<unknown>>;
  /** Write what is kept in memory (metric series, settings) before quitting. */
  flush(): Promise<void>;
}

/** Build the main process's handlers and everything they use. */
export function createMainProcess(opts: MainProcessOptions): MainProcess {
  const { env, dataDir } = opts;
  const logger = opts.logger ?? createFileLogger(dataDir);
  const settings = new SettingsStore(dataDir, (problem) => logger.warn(problem));
  // Metric series survive restarts, so the dashboard's refreshes ask CloudWatch only for new points.
  const seriesCache = new SeriesCache(dataDir);
  const store = new ConfigurationStore(dataDir);
  const session = createSessionHolder();
  const runs = createRuns<RunProgress>({ now: opts.now });
  // The background watcher: built here so the watch channels answer; only the Electron layer starts it.
  const watch = createAppWatch({ env, dataDir, settings, session, store, runs, logger });
  const deps = {
    env,
    dataDir,
    store,
    session,
    runs,
    watch,
    requestLog: new RequestLog(),
    seriesCache,
    settings,
    logger,
    appInfo: opts.appInfo,
    openExternal: opts.openExternal,
    now: opts.now,
    setup: opts.setup,
    platformCredentials: new PlatformCredentialStore(dataDir, opts.secretCipher ?? null, (problem) => logger.warn(problem)),
  };
  const remembered = rememberLastSession(createHandlers(deps), settings, logger);
  // The watcher follows the connected profile at once (it also re-checks every minute).
  const table: HandlerTable = {
    ...remembered,
    'session:connect': async (request) => {
      const info = await remembered['session:connect'](request);
      void watch.recheck().catch(() => undefined);
      return info;
    },
  };
  return {
    deps,
    table,
    invoke: (channel, payload) => dispatch(table, channel, payload),
    flush: async () => {
      await Promise.all([seriesCache.flush(), settings.flush()]);
    },
  };
}
