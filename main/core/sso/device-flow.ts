/**
 * The polling half of the OAuth device authorization flow (RFC 8628 §3.4–3.5), as the AWS CLI runs
 * it against SSO-OIDC CreateToken: wait `interval` seconds between attempts; on `slow_down` add 5 s
 * to the interval for this and every later attempt; keep going on `authorization_pending`; stop on
 * `access_denied`, `expired_token`, any other error, or when the device code's lifetime is over.
 */

/** The RFC's increment on slow_down. */
export const SLOW_DOWN_INCREMENT_MS = 5_000;

/** Where a poll stands. */
export interface PollState {
  /** Wait this long before the next CreateToken. */
  intervalMs: number;
  /** When the device code expires (epoch ms): no attempt is made after it. */
  deadline: number;
  attempts: number;
}

/** What one CreateToken attempt gave. */
export type Attempt<T> = { ok: true; token: T } | { ok: false; code: string; error: unknown };

/** What to do next. */
export type PollStep<T> =
  | { kind: 'done'; token: T }
  | { kind: 'wait'; state: PollState }
  | { kind: 'denied' }
  | { kind: 'expired' }
  | { kind: 'failed'; error: unknown };

/** The first state, from StartDeviceAuthorization's interval and expiresIn. */
export function initialPollState(now: number, intervalSeconds: number, expiresInSeconds: number): PollState {
  return { intervalMs: Math.max(1, intervalSeconds) * 1000, deadline: now + expiresInSeconds * 1000, attempts: 0 };
}

/** True when waiting one more interval would pass the deadline: the code expires before the next attempt. */
export function outOfTime(state: PollState, now: number): boolean {
  return now + state.intervalMs > state.deadline;
}

/** The transition after one attempt. */
export function nextPollStep<T>(state: PollState, attempt: Attempt<T>, now: number): PollStep<T> {
  if (attempt.ok) return { kind: 'done', token: attempt.token };
  const counted = { ...state, attempts: state.attempts + 1 };
  switch (attempt.code) {
    case 'authorization_pending':
      return outOfTime(counted, now) ? { kind: 'expired' } : { kind: 'wait', state: counted };
    case 'slow_down': {
      const slower = { ...counted, intervalMs: counted.intervalMs + SLOW_DOWN_INCREMENT_MS };
      return outOfTime(slower, now) ? { kind: 'expired' } : { kind: 'wait', state: slower };
    }
    case 'access_denied':
      return { kind: 'denied' };
    case 'expired_token':
      return { kind: 'expired' };
    default:
      return { kind: 'failed', error: attempt.error };
  }
}

/** How the driver waits and tells time; tests pass a fake clock. */
export interface PollClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock: setTimeout, cancellable by the signal. */
export const REAL_CLOCK: PollClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** How polling ended when it did not yield a token. */
export type PollEnd = { kind: 'denied' } | { kind: 'expired' } | { kind: 'failed'; error: unknown };

/**
 * Poll `attempt` until it yields a token or the flow ends: sleep the interval, try, transition.
 * Resolves with the token, or with how it ended; rejects only when `signal` aborts the wait.
 */
export async function pollForToken<T>(
  attempt: () => Promise<Attempt<T>>,
  start: PollState,
  clock: PollClock,
  signal?: AbortSignal,
): Promise<{ token: T } | PollEnd> {
  let state = start;
  for (;;) {
    if (outOfTime(state, clock.now())) return { kind: 'expired' };
    await clock.sleep(state.intervalMs, signal);
    const step = nextPollStep(state, await attempt(), clock.now());
    if (step.kind === 'done') return { token: step.token };
    if (step.kind !== 'wait') return step;
    state = step.state;
  }
}
