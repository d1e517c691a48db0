/**
 * The Cost screen's pure model: the period choices, the forecast's words, the daily bars, and the
 * vCPU-hour estimate beside the actual EC2 instance spend for the same days. Amounts stay exact
 * decimal strings (shared/cost/decimal) until they are drawn.
 */
import type { CostQuery, CostReport, Forecast } from '../../../../shared/contract/cost';
import { formatMoney, parseDecimal, sum, toDecimalString, toNumber } from '../../../../shared/cost/decimal';
import { addDays, dayStart, monthStart } from '../../../../shared/cost/period';
import { vcpuHours } from '../../../../shared/monitoring/cost';
import type { Datapoint } from '../../../../shared/monitoring/metric';

/** One choice of the period picker. */
export interface PeriodOption {
  value: string;
  label: string;
  query: Pick<CostQuery, 'month' | 'months'>;
}

/** "This month", the twelve months before it, and the last 3, 6 and 13 months. */
export function periodOptions(today: string): PeriodOption[] {
  const name = (month: string) => new Date(`${month}-01T00:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const past = Array.from({ length: 12 }, (_, i) => monthStart(today, -(i + 1)).slice(0, 7)).map((m) => ({ value: m, label: name(m), query: { month: m } }));
  return [
    { value: 'mtd', label: `This month to date (${name(today.slice(0, 7))})`, query: {} },
    ...past,
    ...[3, 6, 13].map((n) => ({ value: `months:${n}`, label: `The last ${n} months`, query: { months: n } })),
  ];
}

/** The headline of a forecast and whose figure it is, in words that never pass an estimate off as AWS's. */
export function forecastText(f: Forecast, currency: string): { title: string; figure: string | null; detail: string } {
  const m = (v: string) => formatMoney(v, currency);
  switch (f.source) {
    case 'cost-explorer':
      return { title: `Month-end forecast (Cost Explorer, ${f.month})`, figure: m(f.monthEnd), detail: `${f.predictionIntervalLevel}% prediction interval ${m(f.lower)} – ${m(f.upper)}. ${f.method}` };
    case 'onramp-estimate':
      return { title: `Onramp's estimate for ${f.month} — not AWS's`, figure: m(f.monthEnd), detail: `${f.method} ${f.reason}` };
    case 'none':
      return { title: 'No forecast', figure: null, detail: f.reason };
  }
}

/** One day's bar: the platform's part and the infrastructure's, in the report's currency. */
export interface DayBar {
  date: string;
  platform: number;
  infrastructure: number;
  total: string;
}

/** The daily bars (numbers only for drawing; the labels keep the exact amounts). */
export function dayBars(report: Pick<CostReport, 'daily'>): DayBar[] {
  return report.daily.map((d) => {
    const platform = toNumber(parseDecimal(d.platform));
    return { date: d.date, platform, infrastructure: Math.max(0, toNumber(parseDecimal(d.total)) - platform), total: d.total };
  });
}

/** The vCPU-hour estimate and the actual EC2 instance spend over the same complete days. */
export interface EstimateVsActual {
  /** First and last day compared (inclusive), or null when there is no complete day to compare. */
  from: string | null;
  to: string | null;
  days: number;
  vcpuHours: number;
  /** vCPU-hours × the price per vCPU-hour from Settings (USD). */
  estimate: number;
  /** Cost Explorer's "Amazon Elastic Compute Cloud - Compute" usage over the same days, exact. */
  actual: string;
  /** Why nothing is compared, when nothing is. */
  reason: string | null;
}

/**
 * Compare over the report's complete days (before today) that the usage history reaches (it covers
 * `history.start` onward): vCPU-hours of every region's series (Average of all classes) within those
 * whole UTC days, priced, beside the actual EC2 instance spend of those days.
 */
export function estimateVsActual(
  report: Pick<CostReport, 'daily' | 'currency'>,
  history: { start: number; series: { points: Datapoint[]; period: number }[] },
  pricePerVcpuHour: number,
  today: string,
): EstimateVsActual {
  const empty = (reason: string): EstimateVsActual => ({ from: null, to: null, days: 0, vcpuHours: 0, estimate: 0, actual: '0', reason });
  if (report.currency !== 'USD') return empty(`Cost Explorer reports in ${report.currency}; the estimate is priced in USD, so the two are not compared.`);
  const days = report.daily.filter((d) => d.date < today && dayStart(d.date) >= history.start);
  if (days.length === 0) return empty('No complete day of this period is within the usage history yet (the comparison uses whole UTC days before today).');
  const from = days[0]!.date;
  const to = days.at(-1)!.date;
  const start = dayStart(from);
  const end = dayStart(addDays(to, 1));
  let hours = 0;
  for (const s of history.series) hours += vcpuHours(s.points.filter((p) => p.t >= start && p.t < end), s.period);
  return { from, to, days: days.length, vcpuHours: hours, estimate: hours * pricePerVcpuHour, actual: toDecimalString(sum(days.map((d) => d.ec2Instances))), reason: null };
}

/** "2 h ago", "just now". */
export function ago(then: number, now: number): string {
  const m = Math.round(Math.max(0, now - then) / 60_000);
  if (m < 1) return 'just now';
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 6) / 10;
  return `${h} h ago`;
}

/** Thresholds typed as "80, 100" (or empty): the numbers, or a message. */
export function parseThresholds(text: string, label: string): { ok: true; value: number[] } | { ok: false; message: string } {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const out: number[] = [];
  for (const p of parts) {
    const n = Number(p.replace(/%$/, ''));
    if (!Number.isFinite(n)) return { ok: false, message: `${label}: "${p.slice(0, 20)}" is not a percentage; write e.g. 80, 100.` };
    out.push(n);
  }
  return { ok: true, value: out };
}
