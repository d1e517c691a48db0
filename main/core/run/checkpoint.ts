import { AppError } from '../../../shared/errors';

/** How a long run is controlled: its AbortSignal, fired by the run module's cancel (the UI's Cancel, the CLI's Ctrl-C). */
export interface RunOptions {
  signal?: AbortSignal;
}

/** The error a cancelled run stops with (after the step in flight). */
export function cancelledError(message = 'Cancelled by the user.'): AppError {
  return new AppError('Cancelled', message);
}

/**
 * Stop here if the run was cancelled: the one checkpoint of the core. Called between steps, never
 * inside one: a request in flight is allowed to finish (its answer tells what it changed), then the
 * run stops and undoes its changes.
 */
export function checkpoint(run: RunOptions): void {
  if (run.signal?.aborted) throw cancelledError();
}

/** True for the error a cancelled run stops with. */
export function isCancelled(err: unknown): boolean {
  return err instanceof AppError && err.code === 'Cancelled';
}
