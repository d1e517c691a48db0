import { AppError } from '../../../shared/errors';
import { toAppError } from '../aws/errors';

/** The error a cancelled run stops with (after the step in flight). */
export function cancelledError(): AppError {
  return new AppError('Cancelled', 'Cancelled by the user.');
}

/** Resolve after `ms`, or reject as cancelled as soon as the signal fires. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelledError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Poll `check` every `everyMs` until true; Timeout past `deadline`; Cancelled when the signal fires. */
export async function pollUntil(
  check: () => Promise<boolean>,
  opts: { deadline: number; everyMs: number; message: string; signal?: AbortSignal; now?: () => number },
): Promise<void> {
  const now = opts.now ?? Date.now;
  for (;;) {
    if (await check()) return;
    if (now() + opts.everyMs > opts.deadline) throw new AppError('Timeout', `${opts.message}.`);
    await pause(opts.everyMs, opts.signal);
  }
}

/**
 * Call `fn`, retrying with exponential backoff (0.5 s doubling to 8 s) while `retryable(err)` holds
 * and the deadline allows. Used for IAM's eventual consistency after CreateRole — Terraform's AWS
 * provider retries the same errors for up to 2 minutes (docs/aws-facts.md#iam) — and for rollback steps.
 */
export async function retrying<T>(
  fn: () => Promise<T>,
  retryable: (err: unknown) => boolean,
  opts: { deadline: number; what: string; signal?: AbortSignal; now?: () => number },
): Promise<T> {
  const now = opts.now ?? Date.now;
  let delay = 500;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (!retryable(err) || now() + delay > opts.deadline) throw toAppError(err, opts.what);
      await pause(delay, opts.signal);
      delay = Math.min(delay * 2, 8_000);
    }
  }
}
