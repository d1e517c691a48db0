import { useCallback, useEffect } from 'react';
import type { CreateAlarmResult } from '../../../../shared/contract/alarms';
import type { RunOf, RunProgress } from '../../../../shared/contract/runs';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { showNotice } from '../../components/notice';
import { useRun, type RunNotice } from '../../components/runs';
import type { AlarmConfigInput } from '../../../../shared/monitoring/alarm-config';
// Types only: the wizard hands in its request, so its model (and the schemas it validates with) stay in its own chunk.
import type { AlarmForm, AlarmStep } from './model';

/** The alarm wizard's own place, kept across navigation with its create run (the app's RunsProvider keeps both). */
interface AlarmPlace {
  form: AlarmForm;
  step: AlarmStep;
  /** The user set the threshold (it no longer follows the suggestion). */
  thresholdTouched: boolean;
  /** The alarm form the dashboard's Edit handed in, or null for a new alarm. */
  editing: AlarmForm | null;
  /** The create is being started (main has not answered with its run yet). */
  starting: boolean;
  /** Main refused to start the create (invalid input, not connected). */
  startError: AppErrorShape | null;
}

/** What the wizard shows: its place, and where its create run stands. */
export interface AlarmRunState {
  form: AlarmForm;
  step: AlarmStep;
  thresholdTouched: boolean;
  editing: AlarmForm | null;
  /** A create is starting or running (its Cancel reaches it). */
  creating: boolean;
  cancelling: boolean;
  createError: AppErrorShape | null;
  result: CreateAlarmResult | null;
}

/** A create that finished: what it made and the form it was made from (kept when the wizard begins anew). */
export interface FinishedCreate {
  runId: string;
  form: AlarmForm;
  result: CreateAlarmResult;
}

/** The screen that shows a finished create's result (a notice's "Show result" opens it). */
export const ALARM_RESULT_SCREEN = 'alarm-result';

type CreateRun = RunOf<'alarm-create'>;
const isCreateRun = (run: RunProgress | null): run is CreateRun => run?.kind === 'alarm-create';

/**
 * The notice said when a create ends while the user is elsewhere (on the wizard itself the result
 * shows in place, so no toast is drawn over it), with a link to the screen that shows it.
 */
export function createdNotice(run: CreateRun): RunNotice | null {
  if (run.state === 'running') return null;
  if (run.state === 'succeeded' && run.result) {
    const updated = run.result.regions.every((g) => g.updated);
    return {
      title: updated ? 'Alarm updated' : 'Alarm created',
      color: 'teal',
      message: `${run.result.alarmName} is in place in ${run.result.regions.map((g) => g.region).join(', ')}.`,
      about: 'new-alarm',
      action: { label: 'Show result', screen: ALARM_RESULT_SCREEN },
    };
  }
  return {
    title: run.state === 'cancelled' ? 'Alarm create stopped' : 'Alarm create failed',
    color: 'red',
    message: run.error?.message ?? `Creating alarm ${run.subject} ${run.state}.`,
    about: 'new-alarm',
    action: { label: 'Show the alarm wizard', screen: 'new-alarm' },
  };
}

/**
 * The alarm wizard's place and create run (null outside a RunsProvider), so navigating away mid-create
 * or after the result and coming back loses nothing.
 */
export function useAlarmRun() {
  const place = useRun<AlarmPlace | null>('alarm', () => null, {
    notice: (run) => (isCreateRun(run) ? createdNotice(run) : null),
  });
  const set = place?.set;
  const reset = place?.reset;
  const update = useCallback((fn: (p: AlarmPlace) => AlarmPlace) => set?.((v) => (v ? fn(v) : v)), [set]);
  const begin = useCallback(
    (form: AlarmForm, editing: AlarmForm | null) => reset?.({ form, step: editing ? 'history' : 'metric', thresholdTouched: editing !== null, editing, starting: false, startError: null }),
    [reset],
  );
  const change = useCallback((form: AlarmForm) => update((v) => ({ ...v, form, thresholdTouched: v.thresholdTouched || form.threshold !== v.form.threshold })), [update]);
  const suggest = useCallback(
    (threshold: number) => update((v) => (!v.thresholdTouched && v.form.threshold !== String(threshold) ? { ...v, form: { ...v.form, threshold: String(threshold) } } : v)),
    [update],
  );
  const setStep = useCallback((step: AlarmStep) => update((v) => ({ ...v, step })), [update]);
  // The last create that finished here, kept in its own place: "New alarm" may begin anew after it,
  // and its result stays reachable (its notice's Show result, Monitoring).
  const last = useRun<FinishedCreate | null>('alarm-finished', () => null);
  const run = place && isCreateRun(place.run) ? place.run : null;
  const form = place?.value?.form;
  const setLast = last?.set;
  useEffect(() => {
    if (run?.state !== 'succeeded' || !run.result || !form) return;
    const result = run.result;
    setLast?.((f) => (f?.runId === run.runId ? f : { runId: run.runId, form, result }));
  }, [run, form, setLast]);
  if (!place) return null;
  const p = place.value;
  const creating = p !== null && (p.starting || place.running);
  const state: AlarmRunState | null = p && {
    form: p.form,
    step: p.step,
    thresholdTouched: p.thresholdTouched,
    editing: p.editing,
    creating,
    cancelling: place.cancelling,
    createError: p.startError ?? (run && run.state !== 'running' && run.state !== 'succeeded' ? run.error : null),
    result: run?.state === 'succeeded' ? run.result : null,
  };
  return {
    /** Null until the wizard first opens (it then begins with the session's region). */
    state,
    /** The last create that finished, reachable after "New alarm" began anew (its notice, Monitoring). */
    finished: last?.value ?? null,
    /** Leave the wizard's place unless a create runs: it begins a fresh new alarm when it next opens (the finished result stays). */
    clear: () => {
      if (!creating) reset?.(null);
    },
    /** Start over on `form`: a new alarm (editing null) or the dashboard's Edit of one. */
    begin,
    /** The user changed the form (a new threshold stops following the suggestion). */
    change,
    /** Follow the history's suggested threshold until the user sets one. */
    suggest,
    setStep,
    /** Create (or save again) the alarm: `config` is the form as a request; the run outlives the screen. */
    create: async (config: AlarmConfigInput) => {
      if (!p || creating) return;
      update((v) => ({ ...v, starting: true, startError: null }));
      const r = await call(() => api().alarms.create({ config }));
      update((v) => ({ ...v, starting: false, startError: r.ok ? null : r.error }));
      if (r.ok) place.track(r.value.runId);
      else showNotice({ title: 'Alarm create failed', color: 'red', message: r.error.message });
    },
    /** Ask the create run in flight to stop (it undoes what it made). */
    cancel: place.cancel,
  };
}
