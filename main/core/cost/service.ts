/**
 * The cost report: from the data folder's cache while it is fresh (no request at all), else from
 * Cost Explorer (3 GetCostAndUsage requests, each page counted, plus a GetCostForecast for a period
 * reaching today), then cached. The one function the app, the CLI and the watcher use.
 */
import type { CostReport, Forecast } from '../../../shared/contract/cost';
import { planPeriod, type CostPeriodQuery } from '../../../shared/cost/period';
import { AppError } from '../../../shared/errors';
import type { AwsContext } from '../aws/context';
import { COST_EXPLORER_USD_PER_REQUEST } from '../aws/request-log';
import { CostCache, type StoredReport } from './cache';
import { askCostExplorer, type ReadControl, type RequestCounter } from './explorer';
import { monthForecast } from './forecast';
import { buildFigures } from './report';

/** What a cost report needs. */
export interface CostDeps {
  aws: AwsContext;
  /** The connected account (cache key; shown in the report). */
  account: string;
  cache: CostCache;
  /** How long an answer is reused (the `costRefreshHours` setting, 6 h by default). */
  refreshMs: number;
  now?: () => number;
}

/** Options of one report: `refresh` asks Cost Explorer even when the cached answer is fresh. */
export interface CostReportOptions extends ReadControl {
  refresh?: boolean;
}

const cents = (requests: number) => Math.round(requests * COST_EXPLORER_USD_PER_REQUEST * 100) / 100;

function served(stored: StoredReport, refreshMs: number, cached: boolean, requests: number): CostReport {
  return { ...stored, cached, freshUntil: stored.fetchedAt + refreshMs, requests: { costExplorer: requests, estimatedCostUsd: cents(requests) } };
}

/** Plan a query's period; a month in the future or a bad count is invalid input naming the field. */
export function planOrRefuse(query: CostPeriodQuery, now: number) {
  try {
    return planPeriod(query, now);
  } catch (err) {
    throw new AppError('InvalidInput', (err as Error).message, query.kind === 'months' ? 'months' : 'month');
  }
}

/** The cost report of a period: cached while fresh, else asked of Cost Explorer and cached. */
export async function costReport(deps: CostDeps, query: CostPeriodQuery, opts: CostReportOptions = {}): Promise<CostReport> {
  const now = (deps.now ?? Date.now)();
  const period = planOrRefuse(query, now);
  const key = CostCache.key(deps.account, deps.aws.endpointUrl, period);
  const stored = await deps.cache.get(key);
  if (!opts.refresh && stored && now - stored.fetchedAt < deps.refreshMs && now >= stored.fetchedAt) {
    opts.report?.({ message: 'From the cache: no Cost Explorer request.', requests: 0 });
    return served(stored, deps.refreshMs, true, 0);
  }
  const counter: RequestCounter = { count: 0 };
  const fresh = await deps.cache.once(`${key}|${opts.refresh ? 'refresh' : 'fill'}`, async () => {
    const answers = await askCostExplorer(deps.aws, period, counter, opts);
    const figures = buildFigures(deps.account, period, answers);
    const forecast: Forecast = await monthForecast(deps.aws, period, figures.daily, figures.currency, counter, opts);
    const report: StoredReport = { ...figures, forecast, fetchedAt: (deps.now ?? Date.now)() };
    await deps.cache.put(key, report);
    return report;
  });
  return served(fresh, deps.refreshMs, false, counter.count);
}

/** A period's report from the cache when it is still fresh, else null: never a request. */
export async function cachedCostReport(deps: CostDeps, query: CostPeriodQuery): Promise<CostReport | null> {
  const now = (deps.now ?? Date.now)();
  const stored = await deps.cache.get(CostCache.key(deps.account, deps.aws.endpointUrl, planOrRefuse(query, now)));
  return stored && now - stored.fetchedAt < deps.refreshMs && now >= stored.fetchedAt ? served(stored, deps.refreshMs, true, 0) : null;
}

/** Month-to-date spend and where the month is heading, the part a background watcher needs. */
export interface MonthToDate {
  month: string;
  currency: string;
  total: string;
  platform: string;
  infrastructure: string;
  forecast: Forecast;
  fetchedAt: number;
  cached: boolean;
}

/**
 * Month-to-date spend and forecast from the cache when it is fresh (no request); when it is stale or
 * missing, asked of Cost Explorer only if `fetchIfStale`, else null.
 */
export async function monthToDate(deps: CostDeps, opts: { fetchIfStale: boolean } & ReadControl): Promise<MonthToDate | null> {
  const query: CostPeriodQuery = { kind: 'month-to-date' };
  let report: CostReport;
  if (opts.fetchIfStale) {
    report = await costReport(deps, query, opts);
  } else {
    const cached = await cachedCostReport(deps, query);
    if (!cached) return null;
    report = cached;
  }
  return {
    month: report.period.start.slice(0, 7),
    currency: report.currency,
    total: report.total,
    platform: report.platform,
    infrastructure: report.infrastructure,
    forecast: report.forecast,
    fetchedAt: report.fetchedAt,
    cached: report.cached,
  };
}
