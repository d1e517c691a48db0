import type { COST_CHANNELS } from '../../shared/contract/cost-channels';
import { costRefreshMs } from '../../shared/contract/settings';
import type { CostPeriodQuery } from '../../shared/cost/period';
import type { CostCache } from '../core/cost/cache';
import { SettingsStore } from '../core/settings/settings-store';
import type { HandlerDeps, HandlerSlice } from './types';

// The cost core (and with it the Cost Explorer and Budgets clients) loads on first use.
const core = () => import('../core/cost');

/** The period a cost request asks for. */
export function periodQuery(req: { month?: string; months?: number }): CostPeriodQuery {
  if (req.month !== undefined) return { kind: 'month', month: req.month };
  if (req.months !== undefined) return { kind: 'months', count: req.months };
  return { kind: 'month-to-date' };
}

/** Actual spend from Cost Explorer (cached in the data folder for the refresh interval). Typed against COST_CHANNELS. */
export function costHandlers(deps: HandlerDeps): HandlerSlice<(typeof COST_CHANNELS)[number]> {
  // One cache for the app's lifetime, so concurrent views share one answer and one set of requests.
  let cache: Promise<CostCache> | null = null;
  const costCache = () => (cache ??= core().then(({ CostCache }) => new CostCache(deps.dataDir)));
  const settings = () => deps.settings ?? new SettingsStore(deps.dataDir);
  // Refreshes in flight, by the run id the renderer gave them, so cost:cancel can stop one.
  const running = new Map<string, AbortController>();
  return {
    'cost:report': async (req) => {
      const session = deps.session.require();
      const { costReport } = await core();
      const controller = new AbortController();
      if (req.runId) running.set(req.runId, controller);
      try {
        return await costReport(
          { aws: session.aws, account: session.info.account, cache: await costCache(), refreshMs: costRefreshMs(await settings().get()), now: deps.now },
          periodQuery(req),
          { refresh: req.refresh, signal: controller.signal },
        );
      } finally {
        if (req.runId) running.delete(req.runId);
      }
    },
    'cost:cancel': async ({ runId }) => {
      const controller = running.get(runId);
      controller?.abort();
      return { cancelled: Boolean(controller) };
    },
  };
}
