import { useEffect } from 'react';
import type { RunOf, RunProgress } from '../../../../shared/contract/runs';
import type { CloudConfiguration } from '../../../../shared/contract/setup';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { showNotice } from '../../components/notice';
import { useRun, type RunNotice } from '../../components/runs';
import { initialForm, type SetupForm, type WizardStep } from './model';

/** A setup run the wizard follows: an apply (or repair), or the finish or undo of an interrupted run. */
export type SetupRun = RunOf<'setup-apply'> | RunOf<'setup-recover'>;

/** True for the runs the setup wizard shows. */
export function isSetupRun(run: RunProgress | null): run is SetupRun {
  return run?.kind === 'setup-apply' || run?.kind === 'setup-recover';
}

/** The setup wizard's place: its step and form, kept across navigation with its run. */
export interface SetupPlace {
  step: WizardStep;
  form: SetupForm;
}

/** Title and colour of the "finished" notification for a setup run's end state. */
export function finishedNotice(job: SetupRun): RunNotice {
  switch (job.state) {
    case 'succeeded':
      return { title: 'Setup finished', color: 'teal', message: `Cloud Configuration ${job.subject} is in place.` };
    case 'cancelled':
      return { title: 'Setup cancelled', color: 'gray', message: job.manual.length ? `${job.subject}: some changes could not be undone; see the setup screen.` : `${job.subject}: this run's changes were undone.` };
    case 'failed':
      return { title: 'Setup failed', color: 'red', message: job.error?.message ?? `${job.subject} failed.` };
    case 'running':
      return { title: 'Setup running', color: 'blue', message: job.subject };
  }
}

/** The setup wizard's place and run (the app's RunsProvider keeps them; null outside one). */
export function useSetupRun(initialRegion?: string) {
  const place = useRun<SetupPlace>('setup', () => ({ step: 'form', form: initialForm(initialRegion) }), {
    // Said when the user is elsewhere; on the setup screen the run's end shows in place, and no toast
    // is drawn over it.
    notice: (run) => (isSetupRun(run) ? { ...finishedNotice(run), about: 'setup', action: { label: run.state === 'succeeded' ? 'Show the result' : 'Show the setup', screen: 'setup' } } : null),
    // After a reload, a setup run main still runs opens on its progress.
    adopt: (run, value) => (isSetupRun(run) ? { ...value, step: 'create' } : null),
  });
  if (!place) return null;
  const run = isSetupRun(place.run) ? place.run : null;
  const job: SetupRun | null = run && { ...run, cancelling: place.cancelling };
  const result: CloudConfiguration | null = job?.state === 'succeeded' ? job.result : null;
  const pollError: AppErrorShape | null = place.pollError;
  return {
    step: place.value.step,
    form: place.value.form,
    job,
    pollError,
    result,
    setStep: (step: WizardStep) => place.set((p) => ({ ...p, step })),
    setForm: (form: SetupForm) => place.set((p) => ({ ...p, form })),
    /** Follow a started run (apply, repair, finish or undo of an interrupted run) on the Create step. */
    track: (runId: string) => {
      place.track(runId);
      place.set((p) => ({ ...p, step: 'create' }));
    },
    /** Ask the running run to stop (it undoes what it created). */
    cancel: place.cancel,
    reset: (region?: string) => place.reset({ step: 'form', form: initialForm(region) }),
    /** True while a run goes on: disconnecting then asks first. */
    running: place.running,
    /** The run the wizard follows (running or ended), or null. */
    runId: place.runId,
  };
}

/** The app's setup run, as the screens use it. */
export type SetupRunPlace = NonNullable<ReturnType<typeof useSetupRun>>;

/** At start-up, say when an earlier setup run was interrupted (the wizard offers Finish and Undo). */
export function useInterruptedRunsNotice(): void {
  useEffect(() => {
    let mounted = true;
    void call(() => api().setup.interrupted({})).then((r) => {
      if (!mounted || !r.ok || r.value.runs.length === 0) return;
      const names = [...new Set(r.value.runs.map((x) => x.configuration))].join(', ');
      showNotice({ color: 'orange', title: 'An earlier setup run did not finish', message: `${names}: open New setup to finish or undo it.`, autoClose: false });
    });
    return () => {
      mounted = false;
    };
  }, []);
}
