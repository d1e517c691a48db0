import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApplyJob } from '../../../../shared/contract/jobs';
import type { CloudConfiguration } from '../../../../shared/contract/setup';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { showNotice } from '../../components/notice';
import { initialForm, isFinished, type SetupForm, type WizardStep } from './model';

/** How often a running job is polled. */
export const POLL_MS = 300;

/** The wizard's place and its run, kept above the screens so navigating away and back loses nothing. */
export interface SetupRunState {
  step: WizardStep;
  form: SetupForm;
  jobId: string | null;
  job: ApplyJob | null;
  pollError: AppErrorShape | null;
  result: CloudConfiguration | null;
}

interface SetupRunContext {
  state: SetupRunState;
  setStep: (step: WizardStep) => void;
  setForm: (form: SetupForm) => void;
  /** Follow a started job (apply, repair, finish or undo of an interrupted run). */
  track: (jobId: string) => void;
  /** Ask the running job to stop (it undoes what it created). */
  cancel: () => Promise<void>;
  reset: (region?: string) => void;
  /** True while a job runs: disconnecting then asks first. */
  running: boolean;
}

const Ctx = createContext<SetupRunContext | null>(null);

/** Title and colour of the "finished" notification for a job's end state. */
export function finishedNotice(job: ApplyJob): { title: string; color: string; message: string } {
  switch (job.state) {
    case 'succeeded':
      return { title: 'Setup finished', color: 'teal', message: `Cloud Configuration ${job.configuration} is in place.` };
    case 'cancelled':
      return { title: 'Setup cancelled', color: 'gray', message: job.manual.length ? `${job.configuration}: some changes could not be undone; see the setup screen.` : `${job.configuration}: this run's changes were undone.` };
    case 'failed':
      return { title: 'Setup failed', color: 'red', message: job.error?.message ?? `${job.configuration} failed.` };
    case 'running':
      return { title: 'Setup running', color: 'blue', message: job.configuration };
  }
}

/** Holds the setup wizard's state and polls its job for the whole app, notifying when it ends. */
export function SetupRunProvider({ children, initialRegion }: { children: ReactNode; initialRegion?: string }) {
  const [state, setState] = useState<SetupRunState>(() => ({ step: 'form', form: initialForm(initialRegion), jobId: null, job: null, pollError: null, result: null }));
  const jobId = state.jobId;
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // At start-up: say so when an earlier run was interrupted (the wizard offers Finish and Undo).
  useEffect(() => {
    void call(() => api().setup.interrupted({})).then((r) => {
      if (!mounted.current || !r.ok || r.value.runs.length === 0) return;
      const names = [...new Set(r.value.runs.map((x) => x.configuration))].join(', ');
      showNotice({ color: 'orange', title: 'An earlier setup run did not finish', message: `${names}: open New setup to finish or undo it.`, autoClose: false });
    });
  }, []);

  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const r = await call(() => api().setup.progress({ jobId }));
      if (stopped) return;
      if (!r.ok) return setState((s) => ({ ...s, pollError: r.error }));
      const job = r.value;
      setState((s) => (s.jobId === jobId ? { ...s, job, pollError: null, result: job.state === 'succeeded' ? job.result : s.result } : s));
      if (!isFinished(job)) timer = setTimeout(() => void tick(), POLL_MS);
      else {
        // Said when the user is elsewhere; on the setup screen the run's end shows in place, and no
        // toast is drawn over it.
        const n = finishedNotice(job);
        showNotice({ ...n, about: 'setup', action: { label: job.state === 'succeeded' ? 'Show the result' : 'Show the setup', screen: 'setup' } });
      }
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId]);

  const setStep = useCallback((step: WizardStep) => setState((s) => ({ ...s, step })), []);
  const setForm = useCallback((form: SetupForm) => setState((s) => ({ ...s, form })), []);
  const track = useCallback((id: string) => setState((s) => ({ ...s, jobId: id, job: null, pollError: null, result: null, step: 'create' })), []);
  const reset = useCallback((region?: string) => setState({ step: 'form', form: initialForm(region), jobId: null, job: null, pollError: null, result: null }), []);
  const cancel = useCallback(async () => {
    if (!jobId) return;
    setState((s) => (s.job ? { ...s, job: { ...s.job, cancelling: true } } : s));
    await call(() => api().setup.cancel({ jobId }));
  }, [jobId]);
  const running = Boolean(jobId && (!state.job || !isFinished(state.job)));

  const value = useMemo(() => ({ state, setStep, setForm, track, cancel, reset, running }), [state, setStep, setForm, track, cancel, reset, running]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** The app's setup run (null outside a provider). */
export function useSetupRun(): SetupRunContext | null {
  return useContext(Ctx);
}
