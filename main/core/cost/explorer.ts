/**
 * The Cost Explorer requests behind one cost report, planned to be as few as possible: Cost
 * Explorer bills $0.01 per request and per page
 * (https://aws.amazon.com/aws-cost-management/aws-cost-explorer/pricing/). A report is three
 * GetCostAndUsage requests (plus a GetCostForecast for a period that reaches today, see forecast.ts):
 *   1. DAILY, grouped by SERVICE and RECORD_TYPE, unfiltered: every charge per day and service, with
 *      credits and refunds told apart by their record type;
 *   2. the same, filtered on BILLING_ENTITY = "AWS Marketplace": the platform's charges. Billing
 *      entity is a filter dimension, not a GroupBy key, so the split needs its own request;
 *   3. MONTHLY, grouped by SERVICE and USAGE_TYPE, filtered on the EC2 services and RECORD_TYPE =
 *      Usage: the largest EC2 usage types.
 * Every NextPageToken is followed; every page is counted.
 */
import { GetCostAndUsageCommand, type Expression, type GetCostAndUsageCommandInput, type GetCostAndUsageCommandOutput } from '@aws-sdk/client-cost-explorer';
import { COST_METRIC } from '../../../shared/contract/cost';
import type { CostPeriod } from '../../../shared/cost/period';
import { EC2_SERVICES } from '../../../shared/cost/usage-types';
import { AppError } from '../../../shared/errors';
import type { AwsContext } from '../aws/context';
import { costExplorerError } from './errors';

/** The billing entity of the platform's charges (Cost Explorer's BILLING_ENTITY dimension). */
export const MARKETPLACE = 'AWS Marketplace';

/** One grouped amount as Cost Explorer returned it. */
export interface GroupedAmount {
  /** The period's start (YYYY-MM-DD). */
  start: string;
  keys: string[];
  amount: string;
  unit: string;
}

/** What the three requests returned. */
export interface ExplorerAnswers {
  /** Per day: [service, record type]. */
  all: GroupedAmount[];
  /** Per day, AWS Marketplace only: [service, record type]. */
  marketplace: GroupedAmount[];
  /** Per month, EC2 services' usage: [service, usage type]. */
  ec2: GroupedAmount[];
  /** True when Cost Explorer marked any figure as estimated (the month is still open). */
  estimated: boolean;
}

/** How a long read reports and stops: progress lines and an AbortSignal. */
export interface ReadControl {
  signal?: AbortSignal;
  report?: (progress: { message: string; requests: number }) => void;
}

/** Counts the Cost Explorer requests one report makes. */
export interface RequestCounter {
  count: number;
}

/** Stop between requests when cancelled (a request in flight is never half-counted). */
export function stopIfCancelled(control: ReadControl): void {
  if (control.signal?.aborted) throw new AppError('Cancelled', 'Cancelled: nothing was cached from this refresh.');
}

/** Send one GetCostAndUsage and every page after it, counting each. */
async function allPages(aws: AwsContext, input: GetCostAndUsageCommandInput, what: string, counter: RequestCounter, control: ReadControl): Promise<GetCostAndUsageCommandOutput[]> {
  const ce = await aws.costExplorer();
  const pages: GetCostAndUsageCommandOutput[] = [];
  let token: string | undefined;
  do {
    stopIfCancelled(control);
    control.report?.({ message: `Asking Cost Explorer for ${what}${pages.length ? ` (page ${pages.length + 1})` : ''}…`, requests: counter.count + 1 });
    counter.count++;
    try {
      const page = await ce.send(new GetCostAndUsageCommand({ ...input, NextPageToken: token }), { abortSignal: control.signal });
      pages.push(page);
      token = page.NextPageToken || undefined;
    } catch (err) {
      if (control.signal?.aborted) throw new AppError('Cancelled', 'Cancelled: nothing was cached from this refresh.');
      throw costExplorerError(err, 'GetCostAndUsage');
    }
  } while (token);
  return pages;
}

function flatten(pages: GetCostAndUsageCommandOutput[]): { groups: GroupedAmount[]; estimated: boolean } {
  const groups: GroupedAmount[] = [];
  let estimated = false;
  for (const page of pages) {
    for (const r of page.ResultsByTime ?? []) {
      estimated ||= Boolean(r.Estimated);
      const start = r.TimePeriod?.Start ?? '';
      for (const g of r.Groups ?? []) {
        const m = g.Metrics?.[COST_METRIC];
        if (m?.Amount !== undefined) groups.push({ start, keys: g.Keys ?? [], amount: m.Amount, unit: m.Unit ?? 'USD' });
      }
    }
  }
  return { groups, estimated };
}

const byBillingEntity = (entity: string): Expression => ({ Dimensions: { Key: 'BILLING_ENTITY', Values: [entity] } });

/** The three GetCostAndUsage inputs of a period (exported so tests and docs can state the plan). */
export function plannedRequests(period: Pick<CostPeriod, 'start' | 'end'>): { all: GetCostAndUsageCommandInput; marketplace: GetCostAndUsageCommandInput; ec2: GetCostAndUsageCommandInput } {
  const base = { TimePeriod: { Start: period.start, End: period.end }, Metrics: [COST_METRIC] };
  const serviceAndRecord = [
    { Type: 'DIMENSION' as const, Key: 'SERVICE' },
    { Type: 'DIMENSION' as const, Key: 'RECORD_TYPE' },
  ];
  return {
    all: { ...base, Granularity: 'DAILY', GroupBy: serviceAndRecord },
    marketplace: { ...base, Granularity: 'DAILY', GroupBy: serviceAndRecord, Filter: byBillingEntity(MARKETPLACE) },
    ec2: {
      ...base,
      Granularity: 'MONTHLY',
      GroupBy: [
        { Type: 'DIMENSION', Key: 'SERVICE' },
        { Type: 'DIMENSION', Key: 'USAGE_TYPE' },
      ],
      Filter: { And: [{ Dimensions: { Key: 'SERVICE', Values: [...EC2_SERVICES] } }, { Dimensions: { Key: 'RECORD_TYPE', Values: ['Usage'] } }] },
    },
  };
}

/** Ask Cost Explorer the three questions of a report, one after another (so a refused first one costs one request). */
export async function askCostExplorer(aws: AwsContext, period: Pick<CostPeriod, 'start' | 'end'>, counter: RequestCounter, control: ReadControl = {}): Promise<ExplorerAnswers> {
  const plan = plannedRequests(period);
  const all = flatten(await allPages(aws, plan.all, 'daily spend by service', counter, control));
  const marketplace = flatten(await allPages(aws, plan.marketplace, 'the AWS Marketplace (platform) charges', counter, control));
  const ec2 = flatten(await allPages(aws, plan.ec2, 'the EC2 usage types', counter, control));
  return { all: all.groups, marketplace: marketplace.groups, ec2: ec2.groups, estimated: all.estimated || marketplace.estimated };
}
