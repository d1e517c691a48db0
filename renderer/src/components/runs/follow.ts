import type { IpcResult } from '../../../../shared/contract';
import type { RunKind, RunOf, RunProgress } from '../../../../shared/contract/runs';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';

/** How often a running run is polled. */
export const RUN_POLL_MS = 300;

/** True once a run has stopped, successfully or not. */
export function isEnded(run: RunProgress | null): boolean {
  return run !== null && run.state !== 'running';
}

/** What following a run reports. */
export interface FollowHandlers {
  /** Each answer of runs:progress, the last one once the run has ended. */
  onProgress: (run: RunProgress) => void;
  /** runs:progress failed (the run was forgotten, or main is gone): following stops. */
  onError?: (error: AppErrorShape) => void;
}

/**
 * Poll `runs:progress` for one run until it ends (or an answer is an error); returns a function that
 * stops following. Main keeps the run whether or not anyone follows it.
 */
export function followRun(runId: string, handlers: FollowHandlers, pollMs = RUN_POLL_MS): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    const r = await call(() => api().runs.progress({ runId }));
    if (stopped) return;
    if (!r.ok) return handlers.onError?.(r.error);
    handlers.onProgress(r.value);
    if (!isEnded(r.value)) timer = setTimeout(() => void tick(), pollMs);
  };
  void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** Follow a run of kind `kind` to its end: its last progress, or why it could not be followed. */
export function waitForRun<K extends RunKind>(runId: string, kind: K, pollMs = RUN_POLL_MS): Promise<IpcResult<RunOf<K>>> {
  return new Promise((resolve) => {
    followRun(
      runId,
      {
        onProgress: (run) => {
          if (!isEnded(run)) return;
          if (run.kind === kind) resolve({ ok: true, value: run as RunOf<K> });
          else resolve({ ok: false, error: { code: 'Internal', message: `Run ${runId} is a ${run.kind}, not a ${kind}.` } });
        },
        onError: (error) => resolve({ ok: false, error }),
      },
      pollMs,
    );
  });
}

/** A run's outcome as a call result: its result when it succeeded, else its error. */
export function outcomeOf<R extends RunProgress>(run: R): IpcResult<NonNullable<R['result']>> {
  if (run.state === 'succeeded' && run.result !== null) return { ok: true, value: run.result as NonNullable<R['result']> };
  return { ok: false, error: run.error ?? { code: 'Internal', message: `The run ended ${run.state} without saying why.` } };
}
