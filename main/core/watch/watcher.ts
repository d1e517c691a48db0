/**
 * The watcher: a run that repeats (run-schedule.ts). Each pass is a run of kind `watch-pass` in the
 * run module, so the app can show and cancel it like any other; the next pass is due `everyMs` after
 * the last one ended, by the injected clock's wall time, also across restarts (the state file keeps
 * when it ended). `wake()` is for the computer's resume from sleep (timers do not fire while it
 * sleeps), `pause(until)` for the tray's "Pause watching" (kept in the state file too).
 */
import type { RunProgress } from '../../../shared/contract/runs';
import type { WatchEvent, WatchPassResult, WatchSummary } from '../../../shared/watch/events';
import type { Runs } from '../app/runs';
import { schedulePasses, type Schedule, type ScheduleClock } from '../app/run-schedule';
import { runPass, type PassDeps } from './pass';
import type { WatchState, WatchStateStore } from './state';

/** What a watcher is built from. */
export interface WatcherDeps {
  clock: ScheduleClock;
  /** Time between the end of one pass and the start of the next. */
  everyMs: number;
  runs: Runs<RunProgress>;
  store: WatchStateStore;
  /** What the pass reads (asked before each pass: the session may have changed). */
  pass: () => PassDeps | Promise<PassDeps>;
  /** After each pass: its changes, once each (after the state that records them was saved), and what it saw. */
  onEvents?: (events: WatchEvent[], summary: WatchSummary) => void;
  /** A pass failed (it is tried again when the next one is due). */
  onPassFailed?: (error: Error) => void;
  /** Pause or resume changed (the tray redraws). */
  onPauseChanged?: (pausedUntil: number | null) => void;
  /** The runs' subject (the profile watched). */
  subject: string;
}

/** A watcher. */
export interface Watcher {
  /** Load the state and schedule passes (the first at once unless one ended less than `everyMs` ago). */
  start(): Promise<void>;
  /** No more passes; a pass in flight is cancelled through its run. */
  stop(): void;
  /** After sleep: run a pass at once if one is due, and end a pause that has run out. */
  wake(): void;
  /** No passes until `until` (epoch ms); null resumes now. */
  pause(until: number | null): Promise<void>;
  /** Until when it is paused, or null. */
  pausedUntil(): number | null;
  /** One pass now, through the run module (for `--once`): its changes since the last pass. */
  passNow(): Promise<WatchPassResult>;
  /** What the last pass saw, or null before the first. */
  summary(): WatchSummary | null;
  /** When the next pass is due, or null (paused, stopped or running). */
  nextAt(): number | null;
  /** The run id of the pass in flight, or null. */
  currentRun(): string | null;
}

/** Build a watcher (nothing runs until start or passNow). */
export function createWatcher(deps: WatcherDeps): Watcher {
  let state: WatchState | null = null;
  let schedule: Schedule | null = null;
  let cancelUnpause: (() => void) | null = null;
  let running: string | null = null;
  let stopped = false;

  const load = async () => (state ??= await deps.store.load());

  async function passNow(): Promise<WatchPassResult> {
    const prev = await load();
    const passDeps = await deps.pass();
    const started = deps.runs.start({
      kind: 'watch-pass',
      subject: deps.subject,
      fields: {},
      work: async (run) => {
        const { state: next, result } = await runPass(passDeps, prev, deps.clock.now, run.signal);
        // The pause may have changed while the pass ran; it is not the pass's to undo.
        next.pausedUntil = state?.pausedUntil ?? null;
        await deps.store.save(next);
        state = next;
        return result;
      },
    });
    running = started.runId;
    try {
      const result = await started.done;
      deps.onEvents?.(result.events, result.summary);
      return result;
    } finally {
      running = null;
    }
  }

  function arm(): void {
    schedule?.stop();
    schedule = null;
    cancelUnpause?.();
    cancelUnpause = null;
    if (stopped || !state) return;
    const until = state.pausedUntil;
    if (until !== null && deps.clock.now() < until) {
      cancelUnpause = deps.clock.after(until - deps.clock.now(), () => void pause(null));
      return;
    }
    schedule = schedulePasses({
      clock: deps.clock,
      everyMs: deps.everyMs,
      lastEndedAt: state.lastEndedAt,
      pass: () =>
        passNow().catch((err: unknown) => {
          deps.onPassFailed?.(err as Error);
          throw err;
        }),
    });
    // A pass due now starts now, not on the next tick of the clock's timers.
    schedule.check();
  }

  async function pause(until: number | null): Promise<void> {
    const s = await load();
    s.pausedUntil = until !== null && until > deps.clock.now() ? until : null;
    await deps.store.save(s).catch(() => undefined);
    deps.onPauseChanged?.(s.pausedUntil);
    arm();
  }

  return {
    async start() {
      stopped = false;
      await load();
      arm();
    },
    stop() {
      stopped = true;
      schedule?.stop();
      schedule = null;
      cancelUnpause?.();
      cancelUnpause = null;
      if (running) deps.runs.cancel(running);
    },
    wake() {
      if (stopped || !state) return;
      if (state.pausedUntil !== null && deps.clock.now() >= state.pausedUntil) return void pause(null);
      schedule?.check();
    },
    pause,
    pausedUntil: () => state?.pausedUntil ?? null,
    passNow,
    summary: () => state?.summary ?? null,
    nextAt: () => (state?.pausedUntil != null ? null : (schedule?.nextAt() ?? null)),
    currentRun: () => running,
  };
}

/** The real clock with wall-clock due times: timers wake at least once a minute, so a jump of the clock (or a sleep) is caught. */
export const SYSTEM_CLOCK: ScheduleClock = {
  now: () => Date.now(),
  after(ms, fn) {
    let timer: NodeJS.Timeout;
    const due = Date.now() + ms;
    const tick = () => {
      const left = due - Date.now();
      if (left <= 0) return fn();
      timer = setTimeout(tick, Math.min(left, 60_000));
    };
    timer = setTimeout(tick, Math.min(Math.max(0, ms), 60_000));
    return () => clearTimeout(timer);
  },
};
