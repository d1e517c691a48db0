import type { Channel, RequestOf, ResponseOf } from '../../shared/contract';
import type { z } from 'zod';
import type { contract } from '../../shared/contract';
import type { Session } from '../core/profiles/session';
import type { ConfigurationStore } from '../core/store/configurations';
import type { Logger } from '../core/logging/logger';
import type { SettingsStore } from '../core/settings/settings-store';
import type { RequestLog } from '../core/aws/request-log';
import type { SeriesCache } from '../core/monitoring/series-cache';
import type { PlatformCredentialStore } from '../core/platform/credential-store';
import type { Runs } from '../core/app/runs';
import type { RunProgress } from '../../shared/contract/runs';
import type { AppWatch } from '../core/watch/app-watch';

/** Holds the connected profile for the app's lifetime (the CLI opens one per command instead). */
export interface SessionHolder {
  current(): Session | null;
  set(session: Session | null): void;
  /** The session, or a NotConnected error. */
  require(): Session;
}

/** The app's runs: every long operation, whichever handler started it. */
export type AppRuns = Runs<RunProgress>;

/** What every handler may use. Built by the Electron layer, the e2e harness, or tests. */
export interface HandlerDeps {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  store: ConfigurationStore;
  session: SessionHolder;
  /** Counts the connected session's AWS calls for the diagnostics panel (optional in tests). */
  requestLog?: RequestLog;
  /** Fetched metric series kept across refreshes and restarts (optional in tests). */
  seriesCache?: SeriesCache;
  /** The user's settings (defaults to `<dataDir>/settings.json`). */
  settings?: SettingsStore;
  /** Where errors are logged and recent errors kept (optional in tests). */
  logger?: Logger;
  /** The app's name and version, for diagnostics and About. */
  appInfo?: { name: string; version: string };
  /** The clock (defaults to Date.now). */
  now?: () => number;
  /** Setup timing and lock folder (tests make them fast and private). */
  setup?: { lockDir?: string; tuning?: { pollMs?: number; iamPropagationMs?: number; rollbackMs?: number; timeoutMs?: number } };
  /** Roll-out timing: the wait between polls of a StackSet operation (tests make it short). */
  org?: { pollMs?: number };
  /**
   * Opens an https page in the user's browser (the Electron layer passes its allow-listed
   * shell.openExternal); used for the IAM Identity Center verification page. Absent in tests that
   * do not need it: the page is then only shown.
   */
  openExternal?: (url: string) => Promise<void>;
  /** The Bodo Platform API token's store (the app's is keychain-backed; defaults to memory only). */
  platformCredentials?: PlatformCredentialStore;
  /** The app's runs (createHandlers makes them when not given). */
  runs?: AppRuns;
  /** The background watcher (the composition root makes it; the Electron layer starts it). */
  watch?: AppWatch;
}

/** What a slice that starts or answers runs is given: the deps, with the app's runs always there. */
export type RunningDeps = HandlerDeps & { runs: AppRuns };

/** A handler receives the already-validated request. */
export type Handler<C extends Channel> = (request: z.output<(typeof contract)[C]['request']>) => Promise<ResponseOf<C>>;

/** One handler per channel: the table main registers. */
export type HandlerTable = { [C in Channel]: Handler<C> };

/** A domain's slice of the table. */
export type HandlerSlice<C extends Channel> = { [K in C]: Handler<K> };

export type { RequestOf };
