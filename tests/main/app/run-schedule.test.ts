/**
 * A run that repeats: passes are due by the injected clock, the next one `everyMs` after the last
 * ended (never two at once), a restart waits for the due time the persisted last pass gives, a
 * failed pass does not stop the schedule, and check() catches up after a sleep in which timers did
 * not fire.
 */
import { describe, expect, it } from 'vitest';
import { schedulePasses, type ScheduleClock } from '../../../main/core/app/run-schedule';
import { createRuns } from '../../../main/core/app/runs';
import type { RunBase } from '../../../shared/contract/runs';

/** A clock whose timers fire only when the test moves time (as a sleeping computer's do not). */
function fakeClock(start = 0) {
  let t = start;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 0;
  const clock: ScheduleClock = {
    now: () => t,
    after(ms, fn) {
      const id = next++;
      timers.push({ at: t + ms, fn, id });
      return () => void (timers = timers.filter((x) => x.id !== id));
    },
  };
  return {
    clock,
    /** Move time on, firing the timers that come due (as a computer that stays awake). */
    async advance(ms: number) {
      const end = t + ms;
      for (;;) {
        const due = timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((x) => x !== due);
        t = due.at;
        due.fn();
        await flush();
      }
      t = end;
    },
    /** Move time on without firing anything (the computer slept). */
    sleep: (ms: number) => void (t += ms),
    pending: () => timers.length,
  };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

type Pass = RunBase & { kind: 'watch-pass'; result: { alarms: number } | null };

describe('schedulePasses', () => {
  it('runs the first pass at once when there was none, then everyMs after each pass ended, each pass a run of its own', async () => {
    const f = fakeClock(1_000);
    const runs = createRuns<Pass>({ now: f.clock.now });
    const ended: number[] = [];
    let finishPass: (() => void) | null = null;
    const schedule = schedulePasses({
      clock: f.clock,
      everyMs: 60_000,
      lastEndedAt: null,
      pass: () =>
        runs.start({ kind: 'watch-pass', subject: 'alarms', fields: {}, work: () => new Promise<{ alarms: number }>((resolve) => (finishPass = () => resolve({ alarms: 2 }))) }).done,
      onPassEnded: (at) => ended.push(at),
    });
    await f.advance(0);
    expect(runs.list()).toHaveLength(1);
    expect(schedule.nextAt()).toBeNull(); // a pass is running
    // A long pass: nothing else starts meanwhile, even when check() is called.
    await f.advance(90_000);
    schedule.check();
    await flush();
    expect(runs.list()).toHaveLength(1);
    finishPass!();
    await flush();
    expect(ended).toEqual([91_000]);
    expect(schedule.nextAt()).toBe(151_000);
    await f.advance(59_999);
    expect(runs.list()).toHaveLength(1);
    await f.advance(1);
    expect(runs.list().map((r) => r.state)).toEqual(['succeeded', 'running']);
    schedule.stop();
  });

  it('after a restart, waits for the due time the last pass gives instead of repeating itself', async () => {
    const f = fakeClock(100_000);
    let passes = 0;
    const schedule = schedulePasses({ clock: f.clock, everyMs: 60_000, lastEndedAt: 70_000, pass: async () => void passes++ });
    expect(schedule.nextAt()).toBe(130_000);
    await f.advance(29_999);
    expect(passes).toBe(0);
    await f.advance(1);
    expect(passes).toBe(1);
    schedule.stop();
  });

  it('a failed pass does not stop the schedule; the caller hears how each ended', async () => {
    const f = fakeClock(0);
    const outcomes: string[] = [];
    let n = 0;
    const schedule = schedulePasses({
      clock: f.clock,
      everyMs: 10,
      lastEndedAt: null,
      pass: () => (n++ === 0 ? Promise.reject(new Error('throttled')) : Promise.resolve()),
      onPassEnded: (_at, outcome) => outcomes.push(outcome),
    });
    await f.advance(25);
    expect(outcomes).toEqual(['failed', 'succeeded', 'succeeded']);
    schedule.stop();
  });

  it('check() after a sleep runs the overdue pass at once (timers did not fire); stop() ends the schedule', async () => {
    const f = fakeClock(0);
    let passes = 0;
    const schedule = schedulePasses({ clock: f.clock, everyMs: 60_000, lastEndedAt: 0, pass: async () => void passes++ });
    f.sleep(5 * 60_000);
    expect(passes).toBe(0);
    schedule.check();
    await flush();
    expect(passes).toBe(1);
    expect(schedule.nextAt()).toBe(6 * 60_000);
    schedule.stop();
    expect(schedule.nextAt()).toBeNull();
    expect(f.pending()).toBe(0);
    await f.advance(10 * 60_000);
    expect(passes).toBe(1);
  });
});
