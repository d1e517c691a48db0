import type { ScheduleClock } from '../../main/core/app/run-schedule';

/** A clock whose timers fire only when the test moves time (as a sleeping computer's do not). */
export function fakeClock(start = 0) {
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
    now: () => t,
    /** Move time on, firing the timers that come due (as a computer that stays awake). */
    advance(ms: number) {
      const end = t + ms;
      for (;;) {
        const due = timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((x) => x !== due);
        t = due.at;
        due.fn();
      }
      t = end;
    },
    /** Move time on without firing anything (the computer slept). */
    sleep: (ms: number) => void (t += ms),
    pending: () => timers.length,
  };
}
