import type { BUDGETS_CHANNELS } from '../../shared/contract/budgets-channels';
import type { BudgetRecords } from '../core/cost/budget-records';
import type { HandlerDeps, HandlerSlice } from './types';

// The cost core (and with it the Budgets and SNS clients) loads on first use.
const core = () => import('../core/cost');

/** AWS Budgets: list, create (a cancellable run), delete. Typed against BUDGETS_CHANNELS. */
export function budgetsHandlers(deps: HandlerDeps): HandlerSlice<(typeof BUDGETS_CHANNELS)[number]> {
  let records: Promise<BudgetRecords> | null = null;
  const budgetDeps = async () => {
    const session = deps.session.require();
    records ??= core().then(({ BudgetRecords }) => new BudgetRecords(deps.dataDir));
    return { aws: session.aws, account: session.info.account, records: await records };
  };
  // Creates in flight, by the run id the renderer gave them, so budgets:cancel can stop one.
  const running = new Map<string, AbortController>();
  return {
    'budgets:list': async () => (await core()).listBudgets(await budgetDeps()),
    'budgets:create': async ({ config, runId }) => {
      const d = await budgetDeps();
      const { createBudget } = await core();
      const controller = new AbortController();
      if (runId) running.set(runId, controller);
      try {
        return await createBudget(d, config, { signal: controller.signal });
      } finally {
        if (runId) running.delete(runId);
      }
    },
    'budgets:cancel': async ({ runId }) => {
      const controller = running.get(runId);
      controller?.abort();
      return { cancelled: Boolean(controller) };
    },
    'budgets:delete': async ({ name }) => (await core()).deleteBudget(await budgetDeps(), name),
  };
}
