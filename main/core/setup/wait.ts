import { AppError } from '../../../shared/errors';
import { toAppError } from '../aws/errors';

/** Resolve after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Poll `check` every `everyMs` until it returns true; Timeout error past `deadline` (epoch ms). */
export async function pollUntil(check: () => Promise<boolean>, deadline: number, everyMs: number, timeoutMessage: string): Promise<void> {
  for (;;) {
    if (await check()) return;
    if (Date.now() + everyMs > deadline) throw new AppError('Timeout', `${timeoutMessage}.`);
    await sleep(everyMs);
  }
}

/**
 * Call `fn`, retrying with exponential backoff (0.5 s doubling to 8 s) while `retryable(err)` holds
 * and the deadline allows. Used for IAM's eventual consistency after CreateRole — Terraform's AWS
 * provider retries the same errors for up to 2 minutes (FACTS.md) — and for rollback steps.
 */
export async function retrying<T>(fn: () => Promise<T>, retryable: (err: unknown) => boolean, deadline: number, what: string): Promise<T> {
  let delay = 500;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (!retryable(err) || Date.now() + delay > deadline) throw toAppError(err, what);
      await sleep(delay);
      delay = Math.min(delay * 2, 8_000);
    }
  }
}
