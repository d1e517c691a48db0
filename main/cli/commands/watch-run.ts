import { costRefreshMs } from '../../../shared/contract/settings';
import { AppError } from '../../../shared/errors';
import { isSupportedRegion, SUPPORTED_REGIONS } from '../../../shared/regions';
import type { WatchEvent } from '../../../shared/watch/events';
import type { RunProgress } from '../../../shared/contract/runs';
import { createRuns } from '../../core/app/runs';
import { whoAmI } from '../../core/profiles/session';
import { SettingsStore } from '../../core/settings/settings-store';
import { ConfigurationStore } from '../../core/store/configurations';
import { defaultDataDir } from '../../core/store/data-dir';
import type { PassDeps } from '../../core/watch/pass';
import { credentialExpiry, driftSource, spendSource } from '../../core/watch/sources';
import { WatchStateStore } from '../../core/watch/state';
import { createWatcher, SYSTEM_CLOCK } from '../../core/watch/watcher';
import { parseFlags, type ParsedFlags } from '../args';
import { credentialFlags } from '../deps';
import { EXIT, type CliIo } from '../io';
import { WATCH_FLAGS } from './watch';
import type { Command } from './index';

/** The default and the least time between passes, in seconds. */
export const DEFAULT_INTERVAL_S = 300;
export const MIN_INTERVAL_S = 10;
/** How long a Ctrl-C waits for the pass in flight to stop before the process quits anyway. */
const STOP_GRACE_MS = 1_500;

/** `--region`: the regions named, or every supported one for `all` or none given. */
export function regionsFlag(flags: ParsedFlags): string[] {
  const raw = flags.region;
  if (raw === undefined || raw === 'all') return [...SUPPORTED_REGIONS];
  const list = String(raw)
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const bad = list.find((r) => !isSupportedRegion(r));
  if (bad !== undefined || list.length === 0) {
    throw new AppError('InvalidInput', `--region: "${(bad ?? String(raw)).slice(0, 40)}" is not a supported region (${SUPPORTED_REGIONS.join(', ')}, or all).`, '--region');
  }
  return [...new Set(list)];
}

/** `--interval`: whole seconds, at least 10. */
export function intervalFlag(flags: ParsedFlags): number {
  const raw = flags.interval;
  if (raw === undefined) return DEFAULT_INTERVAL_S;
  const text = String(raw).trim();
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n)) throw new AppError('InvalidInput', `--interval: "${text.slice(0, 20)}" is not a whole number of seconds.`, '--interval');
  if (n < MIN_INTERVAL_S) throw new AppError('InvalidInput', `--interval: ${n} seconds is too short; it must be at least ${MIN_INTERVAL_S}.`, '--interval');
  return n;
}

/** One change as a line: JSON with --json, else time, kind and message. */
export function eventLine(e: WatchEvent, json: boolean): string {
  if (json) {
    const { screen: _screen, ...rest } = e;
    return JSON.stringify(rest);
  }
  return `${e.t.replace(/\.\d{3}Z$/, 'Z')}  ${e.kind.padEnd(12)} ${e.message}`;
}

function printProblems(io: CliIo, problems: string[]): void {
  for (const p of problems) io.stderr(`onramp: watch: ${p}\n`);
}

/** `onramp watch`: the watcher of the app, in a terminal or a service; one line per change. */
export const watch: Command = async (argv, io, deps) => {
  const flags = parseFlags(argv, WATCH_FLAGS);
  const credentials = credentialFlags(flags);
  const regions = regionsFlag(flags);
  const interval = intervalFlag(flags);
  const json = flags.json === true;
  const dataDir = defaultDataDir(io.env);
  const refreshMs = costRefreshMs(await new SettingsStore(dataDir).get());
  const aws = await deps.aws(credentials);
  let account: Promise<string> | null = null;
  const accountOf = () => (account ??= whoAmI(aws).then((w) => w.account));
  accountOf().catch(() => (account = null));
  const passDeps: PassDeps = {
    aws,
    profile: credentials.profile,
    regions,
    credentials: () => credentialExpiry(io.env, credentials.profile),
    spend: spendSource({ aws, account: accountOf, dataDir, refreshMs }),
    verify: driftSource({ aws, account: accountOf, profile: credentials.profile, dataDir, store: new ConfigurationStore(dataDir), now: Date.now }),
  };
  const watcher = createWatcher({
    clock: SYSTEM_CLOCK,
    everyMs: interval * 1000,
    runs: createRuns<RunProgress>(),
    // The CLI keeps its own memory apart from the app's, so neither swallows the other's news.
    store: new WatchStateStore(dataDir, `cli|${credentials.profile}|${aws.endpointUrl ?? 'aws'}`, (p) => io.stderr(`onramp: ${p}\n`)),
    pass: () => passDeps,
    onEvents: (events, summary) => {
      for (const e of events) io.stdout(`${eventLine(e, json)}\n`);
      printProblems(io, summary.problems);
    },
    onPassFailed: (err) => io.stderr(`onramp: watch: the pass failed (${err.message}); trying again in ${interval} s.\n`),
    subject: credentials.profile,
  });

  if (flags.once === true) {
    const result = await watcher.passNow();
    // Nothing could be read at all: say so in the exit code, so cron or CI notices.
    const unread = result.summary.problems.filter((p) => regions.some((r) => p.startsWith(`${r}:`))).length;
    return { json: null, human: '', exitCode: unread === regions.length ? EXIT.aws : EXIT.ok, streamed: true };
  }

  io.stderr(`onramp: watching profile ${credentials.profile} in ${regions.join(', ')} every ${interval} s; Ctrl-C stops.\n`);
  await new Promise<void>((resolve) => {
    const off = io.onInterrupt?.(() => {
      off?.();
      io.stderr('onramp: stopping.\n');
      const inFlight = watcher.currentRun();
      // The pass in flight is cancelled through its run's signal; a request still in flight is not waited for long.
      watcher.stop();
      if (!inFlight) return resolve();
      const poll = setInterval(() => {
        if (watcher.currentRun() === null) {
          clearInterval(poll);
          clearTimeout(quit);
          resolve();
        }
      }, 50);
      // A request that does not stop in time (the SDK's timeouts are longer) must not keep the process.
      const quit = setTimeout(() => process.exit(EXIT.ok), STOP_GRACE_MS);
    });
    void watcher.start();
  });
  return { json: null, human: '', exitCode: EXIT.ok, streamed: true };
};
