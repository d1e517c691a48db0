import type { IpcResult } from '../../../../shared/contract';
import type { RunOf, RunProgress, RunRef } from '../../../../shared/contract/runs';
import type { AppErrorShape } from '../../../../shared/errors';
import { call } from '../../api';
import { useRun, type RunNotice } from '../../components/runs';
import { applySummary, destroySummary, type OrgRunKind } from './run-model';

/** What the screen keeps with an org run: the CLI command of the apply it started (null for a destroy). */
interface OrgRunPlace {
  command: string | null;
}

/** The notice said when an org run ends while the user is elsewhere (on the screen its end shows in place). */
export function orgRunNotice(run: RunProgress): RunNotice | null {
  if (run.state === 'running' || (run.kind !== 'org-apply' && run.kind !== 'org-destroy')) return null;
  const about = { about: 'organization', action: { label: 'Show the roll-out', screen: 'organization' } };
  const verb = run.kind === 'org-apply' ? 'Roll-out' : 'Removal';
  if (run.state === 'succeeded' && run.kind === 'org-apply' && run.result) {
    const s = applySummary(run.result);
    return { title: `${run.subject}: ${s.title}`, color: s.color, message: s.lines.join(' '), ...about };
  }
  if (run.state === 'succeeded' && run.kind === 'org-destroy' && run.result) {
    const s = destroySummary(run.result);
    return { title: `${run.subject}: removal finished`, color: s.color, message: s.title, ...about };
  }
  return { title: `${verb} of ${run.subject} ${run.state === 'cancelled' ? 'cancelled' : 'failed'}`, color: 'red', message: run.error?.message ?? `${verb} ended ${run.state}.`, ...about };
}

/**
 * The apply or destroy run of the Organization screen, kept by the app's RunsProvider so leaving the
 * screen and coming back shows the same run (null outside a provider).
 */
export function useOrgRun<K extends OrgRunKind>(kind: K) {
  const place = useRun<OrgRunPlace>(kind, () => ({ command: null }), {
    notice: orgRunNotice,
    // After a reload, a run of this kind main still runs is followed again.
    adopt: (run, value) => (run.kind === kind ? value : null),
  });
  if (!place) return null;
  const run = place.run?.kind === kind ? (place.run as RunOf<K>) : null;
  return {
    runId: place.runId,
    run,
    running: place.running,
    cancelling: place.cancelling,
    pollError: place.pollError,
    command: place.value.command,
    /** Start the run through its channel and follow it; answers the channel's refusal, if any. */
    async start(starter: () => Promise<IpcResult<RunRef>>, command: string | null = null): Promise<AppErrorShape | null> {
      const r = await call(starter);
      if (!r.ok) return r.error;
      place.set(() => ({ command }));
      place.track(r.value.runId);
      return null;
    },
    cancel: place.cancel,
    /** Forget the ended run (the screen shows none). */
    clear: () => place.reset({ command: null }),
  };
}

/** What useOrgRun gives a screen. */
export type OrgRunHandle<K extends OrgRunKind> = NonNullable<ReturnType<typeof useOrgRun<K>>>;
