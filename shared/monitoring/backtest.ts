/**
 * Would-have-fired analysis of an alarm over past data. The UI and the CLI both call this, so they
 * give the same numbers. Semantics (issue 3, "Backtest semantics"):
 * - slots of one period are laid out from the window's first slot to its last;
 * - a slot breaches when its value is above the threshold (at or above it for `gte`);
 * - a slot without a datapoint is not breaching, except when missing data is treated as
 *   `breaching`. CloudWatch's `missing` and `ignore` keep the previous state rather than deciding
 *   either way; over a history that is closest to "not breaching", so they count as not breaching here;
 * - with N evaluation periods and M datapoints to alarm, an evaluation runs at every slot i from the
 *   N-th on, over slots i−N+1..i, and is ALARM when at least M of them breach, otherwise OK;
 * - an episode is a maximal run of consecutive ALARM evaluations; it starts at its first ALARM slot's
 *   timestamp and ends one period after its last. `breaches` is the number of episodes.
 */
import type { Datapoint } from './metric';

/** How an alarm treats missing data (CloudWatch's TreatMissingData). */
export type TreatMissing = 'missing' | 'notBreaching' | 'breaching' | 'ignore';
/** Greater than, or greater than or equal to. */
export type Comparison = 'gt' | 'gte';

/** The alarm conditions a backtest replays. */
export interface BacktestConditions {
  threshold: number;
  comparison: Comparison;
  evaluationPeriods: number;
  datapointsToAlarm: number;
  treatMissing: TreatMissing;
}

/** The slot layout: [start, end) in epoch ms, period in seconds. */
export interface SlotWindow {
  start: number;
  end: number;
  period: number;
}

/** One would-have-fired interval, in epoch ms. */
export interface Episode {
  start: number;
  end: number;
}

/** The backtest's answer. */
export interface BacktestResult {
  threshold: number;
  /** How many evaluations ran (slots from the N-th on). */
  evaluations: number;
  /** How many times the alarm would have fired (episodes). */
  breaches: number;
  episodes: Episode[];
}

/**
 * Place datapoints into slots. Slot k covers [origin + k·period, origin + (k+1)·period) with the
 * origin at the window's start rounded down to the period; a datapoint outside the window is dropped.
 * Two datapoints in one slot (which CloudWatch does not return for one period) keep the larger.
 */
export function slotValues(points: readonly Datapoint[], window: SlotWindow): { origin: number; values: (number | null)[] } {
  const p = window.period * 1000;
  const origin = Math.floor(window.start / p) * p;
  const count = Math.max(0, Math.ceil((window.end - origin) / p));
  const values: (number | null)[] = new Array<number | null>(count).fill(null);
  for (const { t, v } of points) {
    if (!Number.isFinite(v) || t < window.start || t >= window.end) continue;
    const k = Math.floor((t - origin) / p);
    const prev = values[k];
    values[k] = prev === null || prev === undefined ? v : Math.max(prev, v);
  }
  return { origin, values };
}

/** True when one slot's value breaches under the conditions. */
export function slotBreaches(value: number | null, c: Pick<BacktestConditions, 'threshold' | 'comparison' | 'treatMissing'>): boolean {
  if (value === null) return c.treatMissing === 'breaching';
  return c.comparison === 'gte' ? value >= c.threshold : value > c.threshold;
}

/** Replay the alarm over the window and report every interval in which it would have been in ALARM. */
export function backtest(points: readonly Datapoint[], window: SlotWindow, c: BacktestConditions): BacktestResult {
  const n = Math.max(1, Math.floor(c.evaluationPeriods));
  const m = Math.max(1, Math.floor(c.datapointsToAlarm));
  const p = window.period * 1000;
  const { origin, values } = slotValues(points, window);
  const breaching = values.map((v) => slotBreaches(v, c));
  const episodes: Episode[] = [];
  let evaluations = 0;
  let inWindow = 0; // breaching slots among the last n
  let current: Episode | null = null;
  for (let i = 0; i < breaching.length; i++) {
    if (breaching[i]) inWindow++;
    if (i >= n && breaching[i - n]) inWindow--;
    if (i < n - 1) continue;
    evaluations++;
    const slotStart = origin + i * p;
    if (inWindow >= m) {
      if (current) current.end = slotStart + p;
      else current = { start: slotStart, end: slotStart + p };
    } else if (current) {
      episodes.push(current);
      current = null;
    }
  }
  if (current) episodes.push(current);
  return { threshold: c.threshold, evaluations, breaches: episodes.length, episodes };
}
