/**
 * Where the month is heading. First choice: Cost Explorer's GetCostForecast from today to the end
 * of the month with an 80% prediction interval
 * (https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_GetCostForecast.html),
 * added to the actual spend of the days before today. Cost Explorer cannot forecast for a new account
 * or one with too little history (DataUnavailableException), nor for an identity without
 * ce:GetCostForecast: then Onramp gives its own estimate, labelled as such with its method (the
 * average of the month's complete days, times the days in the month), or nothing on the 1st.
 */
import { GetCostForecastCommand } from '@aws-sdk/client-cost-explorer';
import type { CostReport, Forecast } from '../../../shared/contract/cost';
import { add, formatMoney, parseDecimal, scaleBy, sum, toDecimalString } from '../../../shared/cost/decimal';
import { addDays, daysBetween, daysInMonth, monthStart, type CostPeriod } from '../../../shared/cost/period';
import { AppError } from '../../../shared/errors';
import type { AwsContext } from '../aws/context';
import { costExplorerError } from './errors';
import { stopIfCancelled, type ReadControl, type RequestCounter } from './explorer';

/** The prediction interval asked for (Cost Explorer accepts 51–99). */
export const PREDICTION_INTERVAL_LEVEL = 80;

/** The forecast of the month containing `period.today`, or `none` for a period that does not reach today. */
export async function monthForecast(
  aws: AwsContext,
  period: CostPeriod,
  daily: CostReport['daily'],
  currency: string,
  counter: RequestCounter,
  control: ReadControl = {},
): Promise<Forecast> {
  if (!period.current) return { source: 'none', reason: 'A past period has no forecast: its figures are final.' };
  const today = period.today;
  const first = monthStart(today);
  const month = today.slice(0, 7);
  const before = sum(daily.filter((d) => d.date >= first && d.date < today).map((d) => d.total));
  const ce = await aws.costExplorer();
  stopIfCancelled(control);
  control.report?.({ message: 'Asking Cost Explorer for the month-end forecast…', requests: counter.count + 1 });
  counter.count++;
  let reason: string;
  try {
    const out = await ce.send(
      new GetCostForecastCommand({
        TimePeriod: { Start: today, End: monthStart(today, 1) },
        Metric: 'UNBLENDED_COST',
        Granularity: 'MONTHLY',
        PredictionIntervalLevel: PREDICTION_INTERVAL_LEVEL,
        // The same charges as the report's total: credits and refunds are shown apart, not forecast into it.
        Filter: { Not: { Dimensions: { Key: 'RECORD_TYPE', Values: ['Credit', 'Refund'] } } },
      }),
      { abortSignal: control.signal },
    );
    const results = out.ForecastResultsByTime ?? [];
    const mean = out.Total?.Amount ?? (results.length ? toDecimalString(sum(results.map((r) => r.MeanValue ?? '0'))) : null);
    if (mean === null) throw new AppError('AwsError', 'Cost Explorer answered the forecast without an amount.');
    const lower = sum(results.map((r) => r.PredictionIntervalLowerBound ?? r.MeanValue ?? '0'));
    const upper = sum(results.map((r) => r.PredictionIntervalUpperBound ?? r.MeanValue ?? '0'));
    return {
      source: 'cost-explorer',
      month,
      monthEnd: toDecimalString(add(before, parseDecimal(mean))),
      lower: toDecimalString(add(before, lower)),
      upper: toDecimalString(add(before, upper)),
      predictionIntervalLevel: PREDICTION_INTERVAL_LEVEL,
      method: `Cost Explorer's forecast (GetCostForecast, ${PREDICTION_INTERVAL_LEVEL}% prediction interval) from ${today} to the month's end, added to the ${formatMoney(before, currency)} spent before today.`,
    };
  } catch (err) {
    if (control.signal?.aborted) throw new AppError('Cancelled', 'Cancelled: nothing was cached from this refresh.');
    reason = forecastRefusal(err);
  }
  const complete = daysBetween(first, today);
  if (complete === 0) return { source: 'none', reason: `${reason} It is the first day of the month, so there is no complete day to base an estimate on either.` };
  const days = daysInMonth(today);
  return {
    source: 'onramp-estimate',
    month,
    monthEnd: toDecimalString(scaleBy(before, days, complete, 2)),
    method: `Onramp's estimate, not AWS's: the average daily spend of the ${complete} complete day${complete === 1 ? '' : 's'} so far this month (${first} to ${addDays(today, -1)}, ${formatMoney(before, currency)} in all) times the ${days} days of the month.`,
    reason,
  };
}

/** Why Cost Explorer gave no forecast, in one sentence. */
function forecastRefusal(err: unknown): string {
  const e = costExplorerError(err, 'GetCostForecast');
  const name = (err as { name?: string } | null)?.name;
  if (name === 'DataUnavailableException') return 'Cost Explorer cannot forecast this account yet (too little history: a new account, or Cost Explorer enabled recently).';
  if (e.code === 'AccessDenied') return 'Cost Explorer refused the forecast (the identity lacks ce:GetCostForecast, or the account has no access).';
  if (e.code === 'NotEnabled') return 'Cost Explorer cannot forecast: it is not enabled for this account, or its data is not ready.';
  return `Cost Explorer gave no forecast (${e.message}).`;
}
