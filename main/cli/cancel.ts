import { EXIT, type CliIo } from './io';

/** What a cancellable command says on the first and on a second Ctrl-C. */
export interface CancelMessages {
  cancelling: string;
  quitting: string;
}

/**
 * Ctrl-C cancels a command: the first stops the run after the step in flight (it then undoes what
 * it made); a second quits at once with exit 130. Call `done()` when the command ends, so a Ctrl-C
 * after it is the terminal's again.
 */
export function cancellable(io: CliIo, messages: CancelMessages): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  const off = io.onInterrupt?.(() => {
    if (!controller.signal.aborted) {
      io.stderr(`onramp: ${messages.cancelling}\n`);
      controller.abort();
      return;
    }
    io.stderr(`onramp: ${messages.quitting}\n`);
    process.exit(EXIT.cancelled);
  });
  return { signal: controller.signal, done: () => off?.() };
}
