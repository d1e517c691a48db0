/**
 * Planning a history query's window, without any AWS client: the CLI refuses a window CloudWatch
 * cannot answer before it loads the monitoring core.
 */
import { AppError } from '../../../shared/errors';
import { BILLING_REGION, type MetricSpec, type Stat } from '../../../shared/monitoring/metric';
import { planWindow, WindowPlanError } from '../../../shared/monitoring/range';

/** What history to show: a metric over the last `durationSeconds`, ending now. */
export interface HistoryQuery {
  region: string;
  metric: MetricSpec;
  stat: Stat;
  durationSeconds: number;
  /** The period asked for; raised to what CloudWatch keeps unless `strict`. */
  period?: number;
  /** Refuse (InvalidInput) instead of raising a period CloudWatch cannot answer. */
  strict?: boolean;
  /** For all usage classes: also return each class's own series. */
  breakdown?: boolean;
}

/** Plan the window of a history query; a window CloudWatch cannot answer is InvalidInput. */
export function planHistoryWindow(q: HistoryQuery, now: number) {
  if (q.metric.kind === 'billing' && q.region !== BILLING_REGION) {
    throw new AppError('InvalidInput', 'Billing metrics exist only in us-east-1.', 'region');
  }
  try {
    return planWindow({ now, durationSeconds: q.durationSeconds, period: q.period, strict: q.strict });
  } catch (err) {
    if (err instanceof WindowPlanError) throw new AppError('InvalidInput', err.message, 'period');
    throw err;
  }
}

