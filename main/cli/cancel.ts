import type { RunProgress } from '../../shared/contract/runs';
import { createRuns, type Runs, type Started } from '../core/app/runs';
import { EXIT, type CliIo } from './io';

/** What a cancellable command says on the first and on a second Ctrl-C. */
export interface CancelMessages {
  cancelling: string;
  quitting: string;
}

/** The runs a CLI command starts its long operation in (the same module the app's handlers use). */
export type CliRuns = Runs<RunProgress>;

/**
 * Run a command's long operation through the core's run module, with Ctrl-C as its cancel: the first
 * Ctrl-C cancels the run (its signal fires: it stops after the step in flight, then undoes what it
 * made); a second quits at once with exit 130. Resolves or rejects as the run's work did; after it,
 * a Ctrl-C is the terminal's again.
 */
export async function runCancellable<T>(io: CliIo, messages: CancelMessages, start: (runs: CliRuns) => Started<T>): Promise<T> {
  const runs: CliRuns = createRuns();
  const { runId, done } = start(runs);
  let asked = false;
  const off = io.onInterrupt?.(() => {
    if (!asked) {
      asked = true;
      io.stderr(`onramp: ${messages.cancelling}\n`);
      runs.cancel(runId);
      return;
    }
    io.stderr(`onramp: ${messages.quitting}\n`);
    process.exit(EXIT.cancelled);
  });
  try {
    return await done;
  } finally {
    off?.();
  }
}
