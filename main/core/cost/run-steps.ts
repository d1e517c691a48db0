import type { RunStep } from '../../../shared/contract/runs';

/**
 * A run's steps from the progress lines a cost or budget operation reports: each line is a step,
 * running until the next one starts (then done); `finish` marks the last one as the run ended.
 */
export function stepsReporter(run: { step(step: RunStep): void }): { report: (p: { message: string }) => void; finish: (state: 'done' | 'failed') => void } {
  let n = 0;
  let last: RunStep | null = null;
  return {
    report: ({ message }) => {
      if (last) run.step({ ...last, state: 'done' });
      last = { id: `step-${++n}`, label: message, state: 'running', detail: null };
      run.step(last);
    },
    finish: (state) => {
      if (last) run.step({ ...last, state });
    },
  };
}

/** Run `work` with a step reporter, marking the last step done or failed as it ends. */
export async function withSteps<T>(run: { step(step: RunStep): void }, work: (report: (p: { message: string }) => void) => Promise<T>): Promise<T> {
  const steps = stepsReporter(run);
  try {
    const value = await work(steps.report);
    steps.finish('done');
    return value;
  } catch (err) {
    steps.finish('failed');
    throw err;
  }
}
