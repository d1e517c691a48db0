import type { COST_CHANNELS } from '../../shared/contract/cost.channels';
import { costRefreshMs } from '../../shared/contract/settings';
import type { CostPeriodQuery } from '../../shared/cost/period';
import type { CostCache, CostDeps } from '../core/cost';
import { SettingsStore } from '../core/settings/settings-store';
import type { HandlerSlice, RunningDeps } from './types';

// The cost core (and with it the Cost Explorer and Budgets clients) loads on first use.
const core = () => import('../core/cost');

/** The period a cost request asks for. */
export function periodQuery(req: { month?: string; months?: number }): CostPeriodQuery {
  if (req.month !== undefined) return { kind: 'month', month: req.month };
  if (req.months !== undefined) return { kind: 'months', count: req.months };
  return { kind: 'month-to-date' };
}

/** "this month", "2026-10", "the last 3 months": a refresh run's subject. */
function periodLabel(q: CostPeriodQuery): string {
  switch (q.kind) {
    case 'month-to-date':
      return 'this month';
    case 'month':
      return q.month;
    case 'months':
      return `the last ${q.count} months`;
  }
}

/** Actual spend from Cost Explorer: the cached answer (no request), or a refresh run. Typed against COST_CHANNELS. */
export function costHandlers(deps: RunningDeps): HandlerSlice<(typeof COST_CHANNELS)[number]> {
  // One cache for the app's lifetime, so concurrent views share one answer and one set of requests.
  let cache: Promise<CostCache> | null = null;
  const costCache = () => (cache ??= core().then(({ CostCache }) => new CostCache(deps.dataDir)));
  const settings = () => deps.settings ?? new SettingsStore(deps.dataDir);
  const costDeps = async (): Promise<CostDeps> => {
    const session = deps.session.require();
    return { aws: session.aws, account: session.info.account, cache: await costCache(), refreshMs: costRefreshMs(await settings().get()), now: deps.now };
  };
  return {
    'cost:report': async (req) => (await core()).cachedCostReport(await costDeps(), periodQuery(req)),
    'cost:refresh': async (req) => {
      const d = await costDeps();
      const { costReport, planOrRefuse, withSteps } = await core();
      const query = periodQuery(req);
      // A month not begun yet is refused here, before a run starts.
      planOrRefuse(query, (deps.now ?? Date.now)());
      const { runId } = deps.runs.start({
        kind: 'cost-refresh',
        subject: periodLabel(query),
        fields: {},
        work: (run) => withSteps(run, (report) => costReport(d, query, { refresh: req.force, signal: run.signal, report })),
      });
      return { runId };
    },
  };
}
