import { useCallback } from 'react';
import type { BudgetConfigInput, CreateBudgetResult } from '../../../../shared/contract/budgets';
import type { RunOf, RunProgress } from '../../../../shared/contract/runs';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { useRun, type RunNotice } from '../../components/runs';
import { EMPTY_BUDGET_FORM, type BudgetForm } from './budget-form';

/** The Cost screen's place: the period chosen, kept with its refresh run across navigation. */
export interface CostPlace {
  period: string;
}

const isRefresh = (run: RunProgress | null): run is RunOf<'cost-refresh'> => run?.kind === 'cost-refresh';

/** The Cost screen's place and its refresh run (null outside a RunsProvider). */
export function useCostRun() {
  const place = useRun<CostPlace>('cost', () => ({ period: 'mtd' }), {
    // After a reload: follow a refresh main is still running.
    adopt: (run, value) => (isRefresh(run) ? value : null),
  });
  if (!place) return null;
  return { ...place, refresh: isRefresh(place.run) ? place.run : null };
}

/** The new-budget form's place: open or not, what is typed, and why main refused to start. */
export interface BudgetPlace {
  open: boolean;
  form: BudgetForm;
  starting: boolean;
  startError: AppErrorShape | null;
}

type CreateRun = RunOf<'budget-create'>;
const isCreate = (run: RunProgress | null): run is CreateRun => run?.kind === 'budget-create';

/** The toast said when a budget create ends, wherever the user is by then. */
export function budgetNotice(run: CreateRun): RunNotice | null {
  if (run.state === 'running') return null;
  if (run.state === 'succeeded' && run.result) return { title: run.result.created ? 'Budget created' : 'Budget already in place', color: 'teal', message: run.result.name };
  return { title: run.state === 'cancelled' ? 'Budget create stopped' : 'Budget create failed', color: 'red', message: run.error?.message ?? `Creating budget ${run.subject} ${run.state}.` };
}

/** The new-budget form's place and its create run (null outside a RunsProvider): leaving the screen mid-create loses nothing. */
export function useBudgetRun() {
  const place = useRun<BudgetPlace>('budget', () => ({ open: false, form: EMPTY_BUDGET_FORM, starting: false, startError: null }), {
    notice: (run) => (isCreate(run) ? budgetNotice(run) : null),
    adopt: (run, value) => (isCreate(run) ? { ...value, open: true } : null),
  });
  const set = place?.set;
  const update = useCallback((fn: (p: BudgetPlace) => BudgetPlace) => set?.(fn), [set]);
  if (!place) return null;
  const run = isCreate(place.run) ? place.run : null;
  const creating = place.value.starting || place.running;
  return {
    value: place.value,
    update,
    creating,
    cancelling: place.cancelling,
    error: place.value.startError ?? (run && run.state !== 'running' && run.state !== 'succeeded' ? run.error : null),
    result: run?.state === 'succeeded' ? (run.result as CreateBudgetResult) : null,
    /** The steps of the run in flight (or the last one), for its progress line. */
    steps: run?.steps ?? [],
    /** Start a create run; the run outlives the screen. */
    create: async (config: BudgetConfigInput) => {
      if (creating) return;
      update((v) => ({ ...v, starting: true, startError: null }));
      const r = await call(() => api().budgets.create({ config }));
      update((v) => ({ ...v, starting: false, startError: r.ok ? null : r.error }));
      if (r.ok) place.track(r.value.runId);
    },
    cancel: place.cancel,
    /** Close the form (a new one starts empty). */
    close: () => place.reset({ open: false, form: EMPTY_BUDGET_FORM, starting: false, startError: null }),
    open: () => update((v) => ({ ...v, open: true })),
  };
}
