/**
 * Choosing the period and aligned window of a history query so CloudWatch answers the whole range.
 * Retention (docs/aws-facts.md#cloudwatch-metrics): 1-minute data for 15 days, 5-minute for 63 days,
 * 1-hour for 455 days; a start time older than 3 h / 15 d / 63 d needs a period that is a multiple
 * of 60 / 300 / 3600 s, or no data comes back. GetMetricData returns at most 100,800 datapoints.
 */

const HOUR = 3600;
const DAY = 86_400;

/** The history ranges offered by the wizard, with their length in seconds. */
export const RANGES = {
  '1h': HOUR,
  '3h': 3 * HOUR,
  '12h': 12 * HOUR,
  '1d': DAY,
  '3d': 3 * DAY,
  '1w': 7 * DAY,
  '2w': 14 * DAY,
  '30d': 30 * DAY,
  '63d': 63 * DAY,
} as const;
/** One of the offered ranges. */
export type RangeId = keyof typeof RANGES;
/** Range ids in display order. */
export const RANGE_IDS = Object.keys(RANGES) as RangeId[];
/** The range shown first. */
export const DEFAULT_RANGE: RangeId = '1w';

/** Chart period per range: fine enough to see spikes, coarse enough for a readable chart. */
export const DEFAULT_PERIODS: Readonly<Record<RangeId, number>> = {
  '1h': 60,
  '3h': 60,
  '12h': 60,
  '1d': 60,
  '3d': 300,
  '1w': 300,
  '2w': 300,
  '30d': 300,
  '63d': 300,
};

/** GetMetricData's datapoint cap per request. */
export const MAX_DATAPOINTS = 100_800;
/** The oldest data CloudWatch keeps (1-hour resolution). */
export const MAX_HISTORY_SECONDS = 455 * DAY;
/**
 * Slack added to a start time's age: the request leaves a moment after planning, and a start
 * exactly on a tier boundary would otherwise fall into the coarser tier and come back empty.
 */
export const AGE_MARGIN_SECONDS = 300;

/** The period multiple CloudWatch requires for data starting `ageSeconds` ago (1 = any allowed period). */
export function requiredPeriodMultiple(ageSeconds: number): number {
  if (ageSeconds > 63 * DAY) return 3600;
  if (ageSeconds > 15 * DAY) return 300;
  if (ageSeconds > 3 * HOUR) return 60;
  return 1;
}

/** True for a period CloudWatch accepts for metrics and alarms: 10, 20, 30 or a multiple of 60 s. */
export function isValidPeriod(period: number): boolean {
  return Number.isInteger(period) && period > 0 && (period === 10 || period === 20 || period === 30 || period % 60 === 0);
}

/** A planned query window: [start, end) in epoch ms, with the period in seconds. */
export interface QueryWindow {
  start: number;
  end: number;
  period: number;
  /** Why the period differs from the one asked for, or null. */
  note: string | null;
}

/** What to plan: the window ends at `now` (rounded up to the period) and lasts `durationSeconds`. */
export interface PlanWindowInput {
  now: number;
  durationSeconds: number;
  /** The period asked for; defaults to a readable one for the duration. */
  period?: number;
  /** When true, a period CloudWatch cannot answer for this window is an error instead of being raised. */
  strict?: boolean;
}

/** Thrown by planWindow in strict mode; the message says what would work. */
export class WindowPlanError extends Error {}

/** How old a start time may be for a period to be answered (the finest retention tier it fits). */
export function maxAgeForPeriod(period: number): number {
  if (period % 3600 === 0) return MAX_HISTORY_SECONDS;
  if (period % 300 === 0) return 63 * DAY;
  if (period % 60 === 0) return 15 * DAY;
  return 3 * HOUR;
}

/** The smallest period ≥ `period` that CloudWatch accepts and that is a multiple of `multiple`. */
function raisePeriod(period: number, multiple: number): number {
  if (multiple <= 1) return period;
  return Math.ceil(period / multiple) * multiple;
}

/** A readable default period for a window of this length (the matching range's, or one that fits the tiers). */
export function defaultPeriodFor(durationSeconds: number): number {
  const match = RANGE_IDS.find((id) => RANGES[id] >= durationSeconds);
  return match ? DEFAULT_PERIODS[match] : 3600;
}

/**
 * Plan a query: choose the period (raising the requested one to the retention tier's multiple and
 * under the datapoint cap) and align start and end to it so every slot is a whole period. Start is
 * `end - duration` rounded down to the period, so it is never older than the duration plus one period.
 */
export function planWindow(input: PlanWindowInput): QueryWindow {
  const duration = input.durationSeconds;
  if (!Number.isFinite(duration) || duration <= 0) throw new WindowPlanError('The range must be longer than zero.');
  if (duration > MAX_HISTORY_SECONDS) throw new WindowPlanError('CloudWatch keeps at most 455 days of history.');
  const asked = input.period ?? defaultPeriodFor(duration);
  if (!isValidPeriod(asked)) throw new WindowPlanError(`Period ${asked} s is not one CloudWatch accepts (10, 20, 30 or a multiple of 60).`);
  // First raise the period to the finest retention tier whose age covers the whole range.
  let candidate = asked;
  for (const multiple of [60, 300, 3600]) {
    if (duration <= maxAgeForPeriod(candidate)) break;
    candidate = raisePeriod(candidate, multiple);
  }
  // A range exactly as long as that tier (63 days at 5 minutes, 15 days at 1 minute, 3 hours at
  // 10 s) keeps the period: the start moves forward by the safety margin instead of the whole
  // series dropping to the next coarser tier.
  const tierAge = maxAgeForPeriod(candidate);
  if (duration <= tierAge && duration + AGE_MARGIN_SECONDS > tierAge && Math.ceil(duration / candidate) + 1 <= MAX_DATAPOINTS && !(input.strict && candidate !== asked)) {
    const p = candidate * 1000;
    const end = Math.ceil(input.now / p) * p;
    const start = Math.ceil((input.now - (tierAge - AGE_MARGIN_SECONDS) * 1000) / p) * p;
    const trimmedNote = candidate === asked ? null : `Period raised from ${asked} s to ${candidate} s: CloudWatch keeps data this old only at ${candidate} s resolution or coarser.`;
    return { start, end, period: candidate, note: trimmedNote };
  }
  let period = asked;
  for (let i = 0; i < 6; i++) {
    const { start } = align(input.now, duration, period);
    const multiple = requiredPeriodMultiple((input.now - start) / 1000 + AGE_MARGIN_SECONDS);
    let next = raisePeriod(period, multiple);
    const points = Math.ceil(duration / next) + 1;
    if (points > MAX_DATAPOINTS) next = raisePeriod(Math.ceil(duration / (MAX_DATAPOINTS - 1)), Math.max(multiple, 60));
    if (next === period) break;
    period = next;
  }
  if (period !== asked && input.strict) {
    throw new WindowPlanError(
      `CloudWatch cannot answer a ${asked} s period over ${describeDuration(duration)} (older data is kept at coarser resolution); use a period of ${period} s or a shorter range.`,
    );
  }
  const { start, end } = align(input.now, duration, period);
  const note =
    period === asked
      ? null
      : `Period raised from ${asked} s to ${period} s: CloudWatch keeps data this old only at ${period} s resolution or coarser.`;
  return { start, end, period, note };
}

function align(now: number, duration: number, period: number): { start: number; end: number } {
  const p = period * 1000;
  const end = Math.ceil(now / p) * p;
  const start = Math.floor((end - duration * 1000) / p) * p;
  return { start, end };
}

/** "7 days", "3 hours", "90 minutes". */
export function describeDuration(seconds: number): string {
  if (seconds % DAY === 0) return `${seconds / DAY} day${seconds === DAY ? '' : 's'}`;
  if (seconds % HOUR === 0) return `${seconds / HOUR} hour${seconds === HOUR ? '' : 's'}`;
  return `${Math.round(seconds / 60)} minutes`;
}
