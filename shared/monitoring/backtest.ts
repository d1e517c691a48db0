/**
 * Would-have-fired analysis of an alarm over past data. The UI and the CLI both call this, so they
 * give the same numbers. Each evaluation is CloudWatch's documented one (./evaluation.ts, with the
 * CloudWatch User Guide's text quoted there):
 * - slots of one period are laid out from the window's first slot to its last; a slot breaches when
 *   its value is above the threshold (at or above it for `gte`), and has no datapoint when none fell in it;
 * - an evaluation runs at every slot whose whole evaluation range (N + 2 periods) lies inside the
 *   window, over that range, starting from INSUFFICIENT_DATA (the state of a new alarm) and carrying
 *   the state from one evaluation to the next (`ignore` and the premature rule need it);
 * - CloudWatch evaluates every minute over a sliding period; this replays one evaluation per period on
 *   period-aligned slots, so a transition can be placed up to one period differently than CloudWatch would;
 * - an episode is a maximal run of ALARM evaluations (each is one transition into ALARM, so one
 *   notification); it starts at its first ALARM slot's start and ends one period after its last.
 *   `breaches` is the number of episodes; `insufficient` lists the INSUFFICIENT_DATA runs the same way.
 */
import type { Datapoint } from './metric';
import { decide, evaluationRangeFor, type AlarmState, type EvaluationRule, type RangeSummary, type SlotKind, type TreatMissing } from './evaluation';

export type { AlarmState, TreatMissing } from './evaluation';

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

/** One interval in epoch ms (an ALARM or INSUFFICIENT_DATA run). */
export interface Episode {
  start: number;
  end: number;
}

/** The state after one evaluation; `t` is the start of the newest period it evaluated (epoch ms). */
export interface TimelineEntry {
  t: number;
  state: AlarmState;
}

/** The backtest's answer. */
export interface BacktestResult {
  threshold: number;
  /** How many evaluations ran (one per slot whose evaluation range fits in the window). */
  evaluations: number;
  /** How many times the alarm would have fired (episodes). */
  breaches: number;
  episodes: Episode[];
  /** The INSUFFICIENT_DATA runs, as intervals. */
  insufficient: Episode[];
  /** Every evaluation's state, oldest first. */
  timeline: TimelineEntry[];
  /** Periods in each evaluation range (N + 2). */
  evaluationRange: number;
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

/** What one slot's value is under the conditions: breaching, not breaching, or missing. */
export function slotKind(value: number | null, c: Pick<BacktestConditions, 'threshold' | 'comparison'>): SlotKind {
  if (value === null) return 'missing';
  const breaches = c.comparison === 'gte' ? value >= c.threshold : value > c.threshold;
  return breaches ? 'breaching' : 'ok';
}

/**
 * Replay the alarm over the slots (oldest first) and return each evaluation's state, from the first
 * slot whose whole evaluation range is known on. Each range is summarised in O(1) from prefix counts
 * (a 100,000-slot history is replayed on every threshold move), then decided by the same `decide`
 * that `evaluateRange` uses; a test checks both agree on random histories.
 */
export function evaluateSlots(kinds: readonly SlotKind[], c: EvaluationRule, range = evaluationRangeFor(c.evaluationPeriods)): AlarmState[] {
  const n = Math.max(1, Math.floor(c.evaluationPeriods));
  // realBefore[i]: real points in slots [0, i); realPos[k]: slot of the k-th real point;
  // breachBefore[k]: breaching points among the first k real points.
  const realBefore = new Int32Array(kinds.length + 1);
  const realPos: number[] = [];
  const breachBefore: number[] = [0];
  kinds.forEach((kind, i) => {
    realBefore[i + 1] = realBefore[i]! + (kind === 'missing' ? 0 : 1);
    if (kind !== 'missing') {
      realPos.push(i);
      breachBefore.push(breachBefore[breachBefore.length - 1]! + (kind === 'breaching' ? 1 : 0));
    }
  });
  const states: AlarmState[] = [];
  let state: AlarmState = 'INSUFFICIENT_DATA';
  for (let i = range - 1; i < kinds.length; i++) {
    const first = realBefore[i - range + 1]!; // index (among real points) of the range's first real point
    const last = realBefore[i + 1]!; // one past its last
    const real = last - first;
    const summary: RangeSummary = {
      real,
      breachingReal: breachBefore[last]! - breachBefore[first]!,
      breachingRecent: breachBefore[last]! - breachBefore[Math.max(first, last - n)]!,
      oldestRealAge: real ? i - realPos[first]! + 1 : 0,
    };
    state = decide(summary, c, state);
    states.push(state);
  }
  return states;
}

/** Maximal runs of one state in a timeline, as [start of the first, end of the last period). */
function runsOf(timeline: readonly TimelineEntry[], state: AlarmState, periodMs: number): Episode[] {
  const runs: Episode[] = [];
  let current: Episode | null = null;
  for (const e of timeline) {
    if (e.state === state) {
      if (current) current.end = e.t + periodMs;
      else current = { start: e.t, end: e.t + periodMs };
    } else if (current) {
      runs.push(current);
      current = null;
    }
  }
  if (current) runs.push(current);
  return runs;
}

/** Replay the alarm over the window: every evaluation's state, the would-have-fired intervals and their count. */
export function backtest(points: readonly Datapoint[], window: SlotWindow, c: BacktestConditions): BacktestResult {
  const p = window.period * 1000;
  const { origin, values } = slotValues(points, window);
  const range = evaluationRangeFor(c.evaluationPeriods);
  const states = evaluateSlots(values.map((v) => slotKind(v, c)), c, range);
  const timeline = states.map((state, j) => ({ t: origin + (j + range - 1) * p, state }));
  const episodes = runsOf(timeline, 'ALARM', p);
  return {
    threshold: c.threshold,
    evaluations: timeline.length,
    breaches: episodes.length,
    episodes,
    insufficient: runsOf(timeline, 'INSUFFICIENT_DATA', p),
    timeline,
    evaluationRange: range,
  };
}
