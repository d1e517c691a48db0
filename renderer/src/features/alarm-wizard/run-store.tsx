import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CreateAlarmResult } from '../../../../shared/contract/monitoring';
import type { AlarmConfigInput } from '../../../../shared/monitoring/alarm-config';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { showNotice } from '../../components/notice';
// Types only: the provider sits in the app shell, so the wizard's model (and the schemas it
// validates with) stay in the wizard's own chunk, loaded when the wizard first opens.
import type { AlarmForm, AlarmStep } from './model';

/**
 * The alarm wizard's place and its create run, kept above the screens (like the setup wizard's
 * run-store) so navigating away mid-create or after the result and coming back loses nothing.
 */
export interface AlarmRunState {
  form: AlarmForm;
  step: AlarmStep;
  /** The user set the threshold (it no longer follows the suggestion). */
  thresholdTouched: boolean;
  /** The alarm form the dashboard's Edit handed in, or null for a new alarm. */
  editing: AlarmForm | null;
  /** The id of the create run in flight (its Cancel reaches it), or null. */
  runId: string | null;
  cancelling: boolean;
  createError: AppErrorShape | null;
  result: CreateAlarmResult | null;
}

interface AlarmRunContext {
  /** Null until the wizard first opens (it then begins with the session's region). */
  state: AlarmRunState | null;
  /** Start over on `form`: a new alarm (editing null) or the dashboard's Edit of one. */
  begin: (form: AlarmForm, editing: AlarmForm | null) => void;
  /** The user changed the form (a new threshold stops following the suggestion). */
  change: (form: AlarmForm) => void;
  /** Follow the history's suggested threshold until the user sets one. */
  suggest: (threshold: number) => void;
  setStep: (step: AlarmStep) => void;
  /** Create (or save again) the alarm: `config` is the form as a request; the run outlives the screen. */
  create: (config: AlarmConfigInput) => Promise<void>;
  /** Ask the create run in flight to stop (it undoes what it made). */
  cancel: () => Promise<void>;
}

const Ctx = createContext<AlarmRunContext | null>(null);

/** An id for one create run, so its Cancel reaches that run. */
function newRunId(): string {
  return `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Holds the alarm wizard's state and its create run for the whole app. */
export function AlarmRunProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AlarmRunState | null>(null);
  const current = useRef<AlarmRunState | null>(null);
  current.current = state;

  const begin = useCallback((form: AlarmForm, editing: AlarmForm | null) => {
    setState({ form, step: editing ? 'history' : 'metric', thresholdTouched: editing !== null, editing, runId: null, cancelling: false, createError: null, result: null });
  }, []);
  const change = useCallback((form: AlarmForm) => setState((s) => (s ? { ...s, form, thresholdTouched: s.thresholdTouched || form.threshold !== s.form.threshold } : s)), []);
  const suggest = useCallback(
    (threshold: number) => setState((s) => (s && !s.thresholdTouched && s.form.threshold !== String(threshold) ? { ...s, form: { ...s.form, threshold: String(threshold) } } : s)),
    [],
  );
  const setStep = useCallback((step: AlarmStep) => setState((s) => (s ? { ...s, step } : s)), []);

  const create = useCallback(async (config: AlarmConfigInput) => {
    const s = current.current;
    if (!s || s.runId) return;
    const runId = newRunId();
    setState((x) => (x ? { ...x, runId, cancelling: false, createError: null } : x));
    const r = await call(() => api().alarms.create({ config, runId }));
    // A wizard started over meanwhile keeps its own state.
    setState((x) => (x && x.runId === runId ? { ...x, runId: null, cancelling: false, result: r.ok ? r.value : x.result, createError: r.ok ? null : r.error } : x));
    // Said wherever the user is by then: the run may have finished while another screen was open.
    showNotice(
      r.ok
        ? { title: 'Alarm created', color: 'teal', message: `${r.value.alarmName} is in place in ${r.value.regions.map((g) => g.region).join(', ')}.` }
        : { title: r.error.code === 'Cancelled' ? 'Alarm create stopped' : 'Alarm create failed', color: 'red', message: r.error.message },
    );
  }, []);

  const cancel = useCallback(async () => {
    const runId = current.current?.runId;
    if (!runId) return;
    setState((x) => (x && x.runId === runId ? { ...x, cancelling: true } : x));
    await call(() => api().alarms.cancel({ runId }));
  }, []);

  const value = useMemo(() => ({ state, begin, change, suggest, setStep, create, cancel }), [state, begin, change, suggest, setStep, create, cancel]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** The app's alarm wizard run (null outside a provider). */
export function useAlarmRun(): AlarmRunContext | null {
  return useContext(Ctx);
}
