/**
 * The time periods a cost report covers, in Cost Explorer's terms: whole UTC days written
 * YYYY-MM-DD, the start inclusive and the end EXCLUSIVE (GetCostAndUsage TimePeriod,
 * https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_DateInterval.html).
 * Month to date therefore ends tomorrow, so the 1st of a month is a one-day period, never an empty
 * (start = end) one that Cost Explorer would refuse.
 */

/** Which spend to show: this month so far, one calendar month, or the last N months (this one included). */
export type CostPeriodQuery = { kind: 'month-to-date' } | { kind: 'month'; month: string } | { kind: 'months'; count: number };

/** How many months back `--months` may reach: Cost Explorer keeps the last 13 months (and this one). */
export const MAX_MONTHS = 13;

/** A planned period. */
export interface CostPeriod {
  /** First day, inclusive. */
  start: string;
  /** The day after the last, exclusive (as AWS has it). */
  end: string;
  /** Today in UTC, when the report was planned. */
  today: string;
  /** True when the period reaches today (so its figures are still growing and a forecast applies). */
  current: boolean;
  /** The calendar months it covers, oldest first (YYYY-MM). */
  months: string[];
}

const DAY_MS = 86_400_000;

/** YYYY-MM-DD of an epoch-ms instant, in UTC. */
export function isoDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** Epoch ms of the start (00:00 UTC) of a YYYY-MM-DD day. */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

/** The day `n` days after `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  return isoDay(dayStart(day) + n * DAY_MS);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayStart(b) - dayStart(a)) / DAY_MS);
}

/** The first day of the month `offset` months from the month of `day`. */
export function monthStart(day: string, offset = 0): string {
  const d = new Date(dayStart(day));
  return isoDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));
}

/** Days in the month of `day`. */
export function daysInMonth(day: string): number {
  return daysBetween(monthStart(day), monthStart(day, 1));
}

/** A YYYY-MM month that exists (01–12), or a message saying what is wrong. */
export function monthProblem(month: string): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return `"${month.slice(0, 20)}" is not a month: write it as YYYY-MM, e.g. 2026-11.`;
  const mm = Number(m[2]);
  if (mm < 1 || mm > 12) return `"${month}" has no month ${m[2]}: months are 01 to 12.`;
  return null;
}

/** The months from the month of `start` to the month of the day before `end`, inclusive. */
function monthsOf(start: string, end: string): string[] {
  const out: string[] = [];
  for (let m = monthStart(start); m < end; m = monthStart(m, 1)) out.push(m.slice(0, 7));
  return out;
}

/** Plan the period of a query at `now`; throws an Error with a readable message for a month in the future or a bad count. */
export function planPeriod(query: CostPeriodQuery, now: number): CostPeriod {
  const today = isoDay(now);
  const tomorrow = addDays(today, 1);
  const thisMonth = monthStart(today);
  let start: string;
  let end: string;
  switch (query.kind) {
    case 'month-to-date':
      start = thisMonth;
      end = tomorrow;
      break;
    case 'month': {
      const problem = monthProblem(query.month);
      if (problem) throw new Error(problem);
      start = `${query.month}-01`;
      if (start > thisMonth) throw new Error(`${query.month} has not begun yet (today is ${today} UTC).`);
      end = start === thisMonth ? tomorrow : monthStart(start, 1);
      break;
    }
    case 'months':
      if (!Number.isInteger(query.count) || query.count < 1 || query.count > MAX_MONTHS) {
        throw new Error(`Months must be a whole number from 1 to ${MAX_MONTHS} (Cost Explorer keeps the last ${MAX_MONTHS} months).`);
      }
      start = monthStart(today, -(query.count - 1));
      end = tomorrow;
      break;
  }
  return { start, end, today, current: end > today, months: monthsOf(start, end) };
}
