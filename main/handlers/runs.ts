import type { RUNS_CHANNELS } from '../../shared/contract/runs.channels';
import type { HandlerSlice, RunningDeps } from './types';

/** Every long operation's progress, cancel and list (thin adapters over core/app/runs). */
export function runsHandlers(deps: RunningDeps): HandlerSlice<(typeof RUNS_CHANNELS)[number]> {
  const runs = deps.runs;
  return {
    'runs:progress': async ({ runId }) => runs.progress(runId),
    'runs:cancel': async ({ runId }) => runs.cancel(runId),
    'runs:list': async () => runs.list(),
  };
}
