/**
 * A background job is a run that repeats: each pass is a run of its own (started through runs.ts,
 * so it has an id, progress and cancel like any other), and the next pass is due `everyMs` after the
 * previous one ended. Time comes from an injected clock with timers; when the last pass ended is
 * given (persisted by the caller), a restart waits for the next due time instead of repeating itself.
 * Timers do not fire while a computer sleeps, so the caller calls `check()` on resume (Electron's
 * powerMonitor "resume": https://www.electronjs.org/docs/latest/api/power-monitor).
 */

/** A clock with one-shot timers (tests pass a fake one). */
export interface ScheduleClock {
  now(): number;
  /** Call `fn` after `ms`; returns a function that cancels it. */
  after(ms: number, fn: () => void): () => void;
}

/** How a repeating job runs. */
export interface ScheduleSpec {
  clock: ScheduleClock;
  everyMs: number;
  /** When the last pass ended (epoch ms), from the caller's store; null when there was none. */
  lastEndedAt: number | null;
  /** Start one pass and resolve when it ends (`runs.start(...).done`); a failed pass does not stop the schedule. */
  pass: () => Promise<unknown>;
  /** A pass ended at `at` (the caller persists it). */
  onPassEnded?: (at: number, outcome: 'succeeded' | 'failed') => void;
}

/** A started schedule. */
export interface Schedule {
  /** When the next pass is due (epoch ms), or null while one runs or once stopped. */
  nextAt(): number | null;
  /** Start the pass now if it is due (after a resume from sleep); never a second pass at once. */
  check(): void;
  /** No more passes (a running one ends on its own; cancel it through its run). */
  stop(): void;
}

/** Start repeating `spec.pass`: the first pass when due, then `everyMs` after each pass ends. */
export function schedulePasses(spec: ScheduleSpec): Schedule {
  let due: number | null = spec.lastEndedAt === null ? spec.clock.now() : spec.lastEndedAt + spec.everyMs;
  let running = false;
  let stopped = false;
  let cancelTimer: (() => void) | null = null;

  const arm = () => {
    cancelTimer?.();
    cancelTimer = null;
    if (stopped || running || due === null) return;
    cancelTimer = spec.clock.after(Math.max(0, due - spec.clock.now()), check);
  };

  function check(): void {
    if (stopped || running || due === null) return;
    if (spec.clock.now() < due) return arm();
    running = true;
    due = null;
    cancelTimer?.();
    cancelTimer = null;
    const ended = (outcome: 'succeeded' | 'failed') => {
      running = false;
      const at = spec.clock.now();
      spec.onPassEnded?.(at, outcome);
      if (stopped) return;
      due = at + spec.everyMs;
      arm();
    };
    // A pass that throws at once ends like one that fails later.
    void Promise.resolve()
      .then(() => spec.pass())
      .then(
        () => ended('succeeded'),
        () => ended('failed'),
      );
  }

  arm();
  return {
    nextAt: () => (stopped ? null : due),
    check,
    stop() {
      stopped = true;
      due = null;
      cancelTimer?.();
      cancelTimer = null;
    },
  };
}
