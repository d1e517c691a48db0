import { useEffect, useRef, useState } from 'react';
import type { RunProgress } from '../../../../shared/contract/runs';
import type { AppErrorShape } from '../../../../shared/errors';
import { followRun } from './follow';

/** What a screen knows about one run it follows. */
export interface RunView {
  run: RunProgress | null;
  /** runs:progress failed; following stopped. */
  error: AppErrorShape | null;
}

/**
 * Follow one run while the component is mounted (a dialog's run: sign-in, delete); `onProgress`
 * hears every answer. A run that must outlive its screen belongs in a `useRun` place instead.
 */
export function useRunProgress(runId: string | null, onProgress?: (run: RunProgress) => void): RunView {
  const [view, setView] = useState<RunView & { runId: string | null }>({ runId: null, run: null, error: null });
  const latest = useRef(onProgress);
  latest.current = onProgress;
  useEffect(() => {
    if (!runId) return;
    return followRun(runId, {
      onProgress: (run) => {
        setView({ runId, run, error: null });
        latest.current?.(run);
      },
      onError: (error) => setView((v) => ({ runId, run: v.runId === runId ? v.run : null, error })),
    });
  }, [runId]);
  return view.runId === runId ? { run: view.run, error: view.error } : { run: null, error: null };
}
