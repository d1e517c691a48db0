/** The device-flow state machine (RFC 8628 polling) with a fake clock: intervals, slow_down, denial, expiry. */
import { describe, expect, it } from 'vitest';
import { initialPollState, nextPollStep, outOfTime, pollForToken, SLOW_DOWN_INCREMENT_MS, type Attempt, type PollClock } from '../../../main/core/sso/device-flow';

const pending: Attempt<string> = { ok: false, code: 'authorization_pending', error: new Error('pending') };
const slowDown: Attempt<string> = { ok: false, code: 'slow_down', error: new Error('slow') };

/** A clock whose sleeps advance time instantly, recording each wait. */
function fakeClock(start = 1_000_000): PollClock & { waits: number[] } {
  let now = start;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  };
}

describe('nextPollStep', () => {
  const state = initialPollState(0, 5, 600);

  it('starts from the service’s interval and the code’s lifetime', () => {
    expect(state).toEqual({ intervalMs: 5000, deadline: 600_000, attempts: 0 });
    expect(initialPollState(0, 0, 10).intervalMs).toBe(1000);
  });

  it('keeps the interval while authorization is pending', () => {
    expect(nextPollStep(state, pending, 5000)).toEqual({ kind: 'wait', state: { intervalMs: 5000, deadline: 600_000, attempts: 1 } });
  });

  it('adds 5 seconds to the interval on slow_down, for every later attempt', () => {
    const slower = nextPollStep(state, slowDown, 5000);
    expect(slower).toEqual({ kind: 'wait', state: { intervalMs: 5000 + SLOW_DOWN_INCREMENT_MS, deadline: 600_000, attempts: 1 } });
    const after = nextPollStep((slower as { state: typeof state }).state, pending, 15_000);
    expect(after).toMatchObject({ kind: 'wait', state: { intervalMs: 10_000, attempts: 2 } });
    const twice = nextPollStep((after as { state: typeof state }).state, slowDown, 25_000);
    expect(twice).toMatchObject({ kind: 'wait', state: { intervalMs: 15_000 } });
  });

  it('ends on access_denied, expired_token and any other error', () => {
    expect(nextPollStep(state, { ok: false, code: 'access_denied', error: null }, 1)).toEqual({ kind: 'denied' });
    expect(nextPollStep(state, { ok: false, code: 'expired_token', error: null }, 1)).toEqual({ kind: 'expired' });
    const boom = new Error('invalid_client');
    expect(nextPollStep(state, { ok: false, code: 'invalid_client', error: boom }, 1)).toEqual({ kind: 'failed', error: boom });
  });

  it('returns the token', () => {
    expect(nextPollStep(state, { ok: true, token: 't' }, 1)).toEqual({ kind: 'done', token: 't' });
  });

  it('gives up when the next wait would pass the deadline', () => {
    expect(outOfTime(state, 595_000)).toBe(false);
    expect(outOfTime(state, 595_001)).toBe(true);
    expect(nextPollStep(state, pending, 596_000)).toEqual({ kind: 'expired' });
    // slow_down's longer wait is what counts.
    expect(nextPollStep(state, slowDown, 591_000)).toEqual({ kind: 'expired' });
  });
});

describe('pollForToken', () => {
  it('waits the interval before each attempt and returns the token', async () => {
    const clock = fakeClock();
    const answers = [pending, pending, { ok: true as const, token: 'tok' }];
    const attempts: number[] = [];
    const result = await pollForToken(async () => (attempts.push(clock.now()), answers.shift()!), initialPollState(clock.now(), 2, 600), clock);
    expect(result).toEqual({ token: 'tok' });
    expect(clock.waits).toEqual([2000, 2000, 2000]);
    expect(attempts).toEqual([1_002_000, 1_004_000, 1_006_000]);
  });

  it('slows down by 5 s per slow_down and never speeds up again', async () => {
    const clock = fakeClock();
    const answers = [slowDown, pending, slowDown, { ok: true as const, token: 'tok' }];
    await pollForToken(async () => answers.shift()!, initialPollState(clock.now(), 1, 600), clock);
    expect(clock.waits).toEqual([1000, 6000, 6000, 11_000]);
  });

  it('stops at the deadline without another attempt', async () => {
    const clock = fakeClock(0);
    let count = 0;
    const result = await pollForToken(async () => (count++, pending), initialPollState(0, 5, 12), clock);
    expect(result).toEqual({ kind: 'expired' });
    // Attempts at 5 s and 10 s; a third would be at 15 s, past the 12 s lifetime.
    expect(count).toBe(2);
  });

  it('reports denial and errors', async () => {
    const clock = fakeClock();
    await expect(pollForToken(async () => ({ ok: false, code: 'access_denied', error: null }), initialPollState(clock.now(), 1, 60), clock)).resolves.toEqual({ kind: 'denied' });
    const err = new Error('unreachable');
    await expect(pollForToken(async () => ({ ok: false, code: 'error', error: err }), initialPollState(clock.now(), 1, 60), clock)).resolves.toEqual({ kind: 'failed', error: err });
  });

  it('rejects when the signal aborts the wait', async () => {
    const controller = new AbortController();
    const clock: PollClock = {
      now: () => 0,
      sleep: (_ms, signal) => new Promise((_r, reject) => signal?.addEventListener('abort', () => reject(new Error('cancelled')))),
    };
    const polling = pollForToken(async () => pending, initialPollState(0, 5, 600), clock, controller.signal);
    controller.abort();
    await expect(polling).rejects.toThrow('cancelled');
  });
});
