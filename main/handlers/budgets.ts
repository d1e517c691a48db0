import type { BUDGETS_CHANNELS } from '../../shared/contract/budgets.channels';
import type { BudgetRecords } from '../core/cost/budget-records';
import type { HandlerSlice, RunningDeps } from './types';

// The cost core (and with it the Budgets and SNS clients) loads on first use.
const core = () => import('../core/cost');

/** AWS Budgets: list, create (a run), delete. Typed against BUDGETS_CHANNELS. */
export function budgetsHandlers(deps: RunningDeps): HandlerSlice<(typeof BUDGETS_CHANNELS)[number]> {
  let records: Promise<BudgetRecords> | null = null;
  const budgetDeps = async () => {
    const session = deps.session.require();
    records ??= core().then(({ BudgetRecords }) => new BudgetRecords(deps.dataDir));
    return { aws: session.aws, account: session.info.account, records: await records };
  };
  return {
    'budgets:list': async () => (await core()).listBudgets(await budgetDeps()),
    'budgets:create': async ({ config }) => {
      const d = await budgetDeps();
      const { createBudget, withSteps } = await core();
      const { runId } = deps.runs.start({
        kind: 'budget-create',
        subject: config.name,
        fields: {},
        work: (run) => withSteps(run, (report) => createBudget(d, config, { signal: run.signal, report })),
      });
      return { runId };
    },
    'budgets:delete': async ({ name }) => (await core()).deleteBudget(await budgetDeps(), name),
  };
}
