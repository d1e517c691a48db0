/**
 * Shaping Cost Explorer's grouped answers into the report: exact decimal sums (shared/cost/decimal),
 * credits and refunds apart from the charges, the platform's Marketplace charges apart from the
 * infrastructure. Pure: the same answers always give the same report.
 */
import { COST_METRIC, type CostReport } from '../../../shared/contract/cost';
import { add, compare, parseDecimal, subtract, toDecimalString, ZERO, type Decimal } from '../../../shared/cost/decimal';
import { addDays, type CostPeriod } from '../../../shared/cost/period';
import { EC2_COMPUTE_SERVICE, usageKind } from '../../../shared/cost/usage-types';
import { AppError } from '../../../shared/errors';
import type { ExplorerAnswers, GroupedAmount } from './explorer';

/** Record types shown apart, never netted into the charges (RECORD_TYPE values, https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_GetDimensionValues.html). */
const CREDIT = 'Credit';
const REFUND = 'Refund';
const isCreditOrRefund = (recordType: string | undefined) => recordType === CREDIT || recordType === REFUND;

/** How many EC2 usage types the report lists. */
export const TOP_USAGE_TYPES = 10;

/** The report's figures (what Cost Explorer said), before the forecast and the cache's fields. */
export type ReportFigures = Omit<CostReport, 'forecast' | 'fetchedAt' | 'cached' | 'freshUntil' | 'requests'>;

class Sums {
  private map = new Map<string, Decimal>();
  add(key: string, amount: Decimal): void {
    this.map.set(key, add(this.map.get(key) ?? ZERO, amount));
  }
  get(key: string): Decimal {
    return this.map.get(key) ?? ZERO;
  }
  entries(): [string, Decimal][] {
    return [...this.map.entries()];
  }
}

const text = toDecimalString;
const largestFirst = <T extends { amount: Decimal; name: string }>(a: T, b: T) => compare(b.amount, a.amount) || a.name.localeCompare(b.name);

/** The one currency of every amount, or an error naming them all when Cost Explorer mixed currencies. */
function currencyOf(groups: readonly GroupedAmount[]): string {
  const units = [...new Set(groups.map((g) => g.unit))];
  if (units.length > 1) {
    throw new AppError('AwsError', `Cost Explorer answered in more than one currency (${units.sort().join(', ')}); Onramp adds up amounts of one currency only, so it shows no total. Look at this period in the Cost Explorer console.`);
  }
  return units[0] ?? 'USD';
}

/** Build the report's figures from the three answers. */
export function buildFigures(account: string, period: CostPeriod, answers: ExplorerAnswers): ReportFigures {
  const currency = currencyOf([...answers.all, ...answers.marketplace, ...answers.ec2]);
  const lastDay = period.current ? period.today : addDays(period.end, -1);
  let total = ZERO;
  let platform = ZERO;
  let credits = ZERO;
  let refunds = ZERO;
  const byService = new Sums();
  const creditsByService = new Sums();
  const dayTotal = new Sums();
  const dayPlatform = new Sums();
  const dayEc2 = new Sums();
  const monthTotal = new Sums();
  const monthPlatform = new Sums();
  const monthCredits = new Sums();
  for (const g of answers.all) {
    const [service = '', recordType] = g.keys;
    const amount = parseDecimal(g.amount);
    const month = g.start.slice(0, 7);
    if (isCreditOrRefund(recordType)) {
      if (recordType === CREDIT) credits = add(credits, amount);
      else refunds = add(refunds, amount);
      creditsByService.add(service, amount);
      monthCredits.add(month, amount);
      continue;
    }
    total = add(total, amount);
    byService.add(service, amount);
    dayTotal.add(g.start, amount);
    monthTotal.add(month, amount);
    if (service === EC2_COMPUTE_SERVICE && recordType === 'Usage') dayEc2.add(g.start, amount);
  }
  const platformServices = new Set<string>();
  for (const g of answers.marketplace) {
    const [service = '', recordType] = g.keys;
    if (isCreditOrRefund(recordType)) continue;
    const amount = parseDecimal(g.amount);
    platform = add(platform, amount);
    platformServices.add(service);
    dayPlatform.add(g.start, amount);
    monthPlatform.add(g.start.slice(0, 7), amount);
  }
  const daily: ReportFigures['daily'] = [];
  for (let d = period.start; d <= lastDay && d < period.end; d = addDays(d, 1)) {
    daily.push({ date: d, total: text(dayTotal.get(d)), platform: text(dayPlatform.get(d)), ec2Instances: text(dayEc2.get(d)) });
  }
  const ec2 = new Sums();
  for (const g of answers.ec2) ec2.add(JSON.stringify([g.keys[0] ?? '', g.keys[1] ?? '']), parseDecimal(g.amount));
  const ec2UsageTypes = ec2
    .entries()
    .map(([key, amount]) => {
      const [service, usageType] = JSON.parse(key) as [string, string];
      return { name: usageType, service, amount };
    })
    .filter((u) => compare(u.amount, ZERO) > 0)
    .sort(largestFirst)
    .slice(0, TOP_USAGE_TYPES)
    .map((u) => ({ usageType: u.name, service: u.service, kind: usageKind(u.name), amount: text(u.amount) }));
  const creditTotal = add(credits, refunds);
  const notes: string[] = [];
  if (currency !== 'USD') {
    notes.push(`Cost Explorer reports these amounts in ${currency}, not USD: the vCPU-hour estimate (priced in USD) is not compared with them, and a budget's amount is in ${currency} too.`);
  }
  if (answers.estimated) notes.push('AWS marks the figures of an open month as estimated: they can still change until the bill is final.');
  return {
    account,
    period: { start: period.start, end: period.end },
    months: period.months.map((month) => ({
      month,
      total: text(monthTotal.get(month)),
      platform: text(monthPlatform.get(month)),
      infrastructure: text(subtract(monthTotal.get(month), monthPlatform.get(month))),
      credits: text(monthCredits.get(month)),
    })),
    current: period.current,
    metric: COST_METRIC,
    currency,
    total: text(total),
    platform: text(platform),
    infrastructure: text(subtract(total, platform)),
    credits: {
      total: text(creditTotal),
      credits: text(credits),
      refunds: text(refunds),
      byService: creditsByService
        .entries()
        .map(([name, amount]) => ({ name, amount }))
        .sort((a, b) => compare(a.amount, b.amount) || a.name.localeCompare(b.name))
        .map((c) => ({ service: c.name, amount: text(c.amount) })),
    },
    net: text(add(total, creditTotal)),
    byService: byService
      .entries()
      .map(([name, amount]) => ({ name, amount }))
      .sort(largestFirst)
      .map((s) => ({ service: s.name, amount: text(s.amount), platform: platformServices.has(s.name) })),
    daily,
    ec2UsageTypes,
    notes,
  };
}
