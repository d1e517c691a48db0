/**
 * The app's watcher: one watcher (watcher.ts) for the connected profile — or, after a start at login
 * with nothing connected yet, the profile used last — over every supported region, every
 * `refreshIntervalSeconds`. It watches when the user turned watching on, or, until they choose, once
 * there is something to watch (a saved configuration, a budget Onramp made, an alarm created in this
 * session). Electron-free: the Electron layer attaches the tray, notifications and login items
 * through `attach`, and calls `wake` on resume from sleep. The handlers answer the watch channels
 * from `status`, `update` and `pause`.
 */
import type { RunProgress } from '../../../shared/contract/runs';
import { DEFAULT_SETTINGS, costRefreshMs } from '../../../shared/contract/settings';
import type { WatchStatus, WatchUpdate } from '../../../shared/contract/watch';
import { SUPPORTED_REGIONS } from '../../../shared/regions';
import type { WatchEvent, WatchSummary } from '../../../shared/watch/events';
import { DEFAULT_WATCH_SETTINGS, watchingOn, type WatchSettings } from '../../../shared/watch/settings';
import type { Runs } from '../app/runs';
import type { ScheduleClock } from '../app/run-schedule';
import type { AwsContext } from '../aws/context';
import { toAppError } from '../aws/errors';
import { BudgetRecords } from '../cost/budget-records';
import type { Logger } from '../logging/logger';
import { contextForProfile, whoAmI, type Session } from '../profiles/session';
import type { SettingsStore } from '../settings/settings-store';
import type { ConfigurationStore } from '../store/configurations';
import { credentialExpiry, driftSource, spendSource } from './sources';
import { WatchStateStore } from './state';
import { createWatcher, SYSTEM_CLOCK, type Watcher } from './watcher';

/** What the Electron layer hooks in. */
export interface AppWatchHooks {
  /** Each pass's changes (already deduplicated) and summary. */
  onEvents?: (events: WatchEvent[], summary: WatchSummary) => void;
  /** The status changed (watching, pause, a pass ended): the tray redraws. */
  onChange?: (status: WatchStatus) => void;
  /** Apply start at login (login items, or the XDG autostart file). */
  startAtLogin?: (enabled: boolean) => Promise<{ method: 'login-items' | 'xdg-autostart'; note: string | null }>;
}

/** What the app's watcher is built from. */
export interface AppWatchDeps {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  settings: SettingsStore;
  session: { current(): Session | null };
  store: ConfigurationStore;
  runs: Runs<RunProgress>;
  logger?: Logger;
  clock?: ScheduleClock;
  /** How often it re-checks whether to watch and which profile (default a minute). */
  recheckMs?: number;
}

/** The app's watcher. */
export interface AppWatch {
  /** Begin: decide whether to watch, and re-decide every `recheckMs` (and on connect). */
  start(): Promise<void>;
  stop(): void;
  attach(hooks: AppWatchHooks): void;
  /** Decide again now (after a connect, a create). */
  recheck(): Promise<WatchStatus>;
  /** True while watching (the window then hides on close instead of quitting). */
  watching(): boolean;
  status(): Promise<WatchStatus>;
  update(patch: WatchUpdate): Promise<WatchStatus>;
  pause(until: number | null): Promise<WatchStatus>;
  /** After the computer woke up: poll at once if due. */
  wake(): void;
}

/** Build the app's watcher; nothing runs before `start`. */
export function createAppWatch(deps: AppWatchDeps): AppWatch {
  const clock = deps.clock ?? SYSTEM_CLOCK;
  const recheckMs = deps.recheckMs ?? 60_000;
  let hooks: AppWatchHooks = {};
  let watcher: Watcher | null = null;
  let watchedKey: string | null = null;
  let profile: string | null = null;
  let on = false;
  let reason = 'Not started.';
  let cancelRecheck: (() => void) | null = null;
  let started = false;
  let loginState: WatchStatus['startAtLogin'] = null;

  const settingsOf = async (): Promise<WatchSettings> => (await deps.settings.get()).watch ?? DEFAULT_WATCH_SETTINGS;

  async function somethingToWatch(): Promise<string | null> {
    if ((await deps.store.list()).length > 0) return 'a saved configuration';
    const budgets = new BudgetRecords(deps.dataDir);
    const session = deps.session.current();
    if (session && (await budgets.list(session.info.account)).length > 0) return 'a budget';
    if (deps.runs.list().some((r) => (r.kind === 'alarm-create' || r.kind === 'budget-create') && r.state === 'succeeded')) return 'an alarm or budget created';
    return null;
  }

  async function status(): Promise<WatchStatus> {
    return {
      watching: on,
      reason,
      profile,
      pausedUntil: watcher?.pausedUntil() ?? null,
      nextAt: watcher?.nextAt() ?? null,
      last: watcher?.summary() ?? null,
      runId: watcher?.currentRun() ?? null,
      settings: await settingsOf(),
      startAtLogin: loginState,
    };
  }
  const changed = () => void status().then((s) => hooks.onChange?.(s), () => undefined);

  function contextFor(name: string, session: Session | null): { aws: () => Promise<AwsContext>; account: () => Promise<string> } {
    if (session && session.info.profile === name) return { aws: async () => session.aws, account: async () => session.info.account };
    let made: Promise<AwsContext> | null = null;
    const aws = () => (made ??= contextForProfile({ profile: name, env: deps.env }).catch((err: unknown) => {
      made = null;
      throw err;
    }));
    let account: Promise<string> | null = null;
    return { aws, account: () => (account ??= aws().then(whoAmI).then((w) => w.account).catch((err: unknown) => {
      account = null;
      throw err;
    })) };
  }

  async function recheck(): Promise<WatchStatus> {
    const all = await deps.settings.get().catch(() => DEFAULT_SETTINGS);
    const settings = all.watch ?? DEFAULT_WATCH_SETTINGS;
    const session = deps.session.current();
    profile = session?.info.profile ?? all.lastProfile ?? null;
    const what = settings.enabled === null ? await somethingToWatch().catch(() => null) : null;
    const wanted = watchingOn(settings, what !== null);
    reason = !wanted
      ? settings.enabled === false
        ? 'Watching is off in Settings.'
        : 'Nothing to watch yet: watching starts once you create an alarm, a budget or a configuration.'
      : !profile
        ? 'Connect to a profile to start watching.'
        : settings.enabled
          ? `Watching profile ${profile}.`
          : `Watching profile ${profile} (on by default since there is ${what}).`;
    on = wanted;
    // Before start (the e2e harness, tests) it only says what it would do.
    const key = started && wanted && profile ? `${profile}|${session?.aws.endpointUrl ?? deps.env.AWS_ENDPOINT_URL ?? 'aws'}|${all.refreshIntervalSeconds}` : null;
    if (key !== watchedKey) {
      watcher?.stop();
      watcher = null;
      watchedKey = key;
      if (key && profile) {
        const name = profile;
        const ctx = contextFor(name, session);
        const refreshMs = costRefreshMs(all);
        watcher = createWatcher({
          clock,
          everyMs: all.refreshIntervalSeconds * 1000,
          runs: deps.runs,
          store: new WatchStateStore(deps.dataDir, `app|${key.split('|').slice(0, 2).join('|')}`, (p) => deps.logger?.warn(p)),
          pass: async () => {
            const aws = await ctx.aws();
            return {
              aws,
              profile: name,
              regions: SUPPORTED_REGIONS,
              credentials: () => credentialExpiry(deps.env, name),
              spend: spendSource({ aws, account: ctx.account, dataDir: deps.dataDir, refreshMs }),
              verify: driftSource({ aws, account: ctx.account, profile: name, dataDir: deps.dataDir, store: deps.store, now: clock.now }),
            };
          },
          onEvents: (events, summary) => {
            hooks.onEvents?.(events, summary);
            changed();
          },
          onPassFailed: (err) => {
            deps.logger?.warn(`Watch pass failed: ${toAppError(err).message}`);
            changed();
          },
          onPauseChanged: changed,
          subject: name,
        });
        await watcher.start();
      }
      changed();
    }
    return status();
  }

  function scheduleRecheck(): void {
    cancelRecheck?.();
    if (!started) return;
    cancelRecheck = clock.after(recheckMs, () => {
      void recheck()
        .catch((err: unknown) => deps.logger?.warn(`Watch check failed: ${toAppError(err).message}`))
        .finally(scheduleRecheck);
    });
  }

  return {
    async start() {
      started = true;
      const settings = await settingsOf();
      // When on, written again at each start (the app may have moved); off is the default and leaves nothing to remove.
      if (hooks.startAtLogin && settings.startAtLogin) loginState = await hooks.startAtLogin(true).catch(() => null);
      await recheck();
      scheduleRecheck();
    },
    stop() {
      started = false;
      cancelRecheck?.();
      watcher?.stop();
      watcher = null;
      watchedKey = null;
    },
    attach(h) {
      hooks = { ...hooks, ...h };
    },
    recheck,
    watching: () => on,
    status,
    async update(patch) {
      const current = await settingsOf();
      const next = { ...current, ...patch };
      await deps.settings.update({ watch: next });
      if (patch.startAtLogin !== undefined && hooks.startAtLogin) loginState = await hooks.startAtLogin(next.startAtLogin);
      return started ? recheck() : status();
    },
    async pause(until) {
      await watcher?.pause(until);
      return status();
    },
    wake: () => watcher?.wake(),
  };
}
