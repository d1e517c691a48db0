import { AppError } from '../../../shared/errors';

/** How a long monitoring run is controlled: an AbortSignal from the UI's Cancel button or the CLI's Ctrl-C. */
export interface RunOptions {
  signal?: AbortSignal;
}

/**
 * Stop here if the run was cancelled. Called between steps, never inside one: a request in flight
 * is allowed to finish (its answer tells what it changed), then the run stops and undoes its changes.
 */
export function checkpoint(opts: RunOptions): void {
  if (opts.signal?.aborted) throw new AppError('Cancelled', 'Cancelled.');
}

/** True for the error checkpoint throws. */
export function isCancelled(err: unknown): boolean {
  return err instanceof AppError && err.code === 'Cancelled';
}
