/**
 * The backtest's bookkeeping around CloudWatch's evaluation (slots, which evaluations run, episodes,
 * the timeline). The evaluation itself is checked against the CloudWatch User Guide's tables in
 * evaluation.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { backtest, slotKind, slotValues, type BacktestConditions } from '../../../shared/monitoring/backtest';
import type { Datapoint } from '../../../shared/monitoring/metric';

const MIN = 60_000;
/** Values per one-minute slot from t=0; null = no datapoint. */
function series(values: (number | null)[]): Datapoint[] {
  return values.flatMap((v, i) => (v === null ? [] : [{ t: i * MIN, v }]));
}
const win = (slots: number) => ({ start: 0, end: slots * MIN, period: 60 });
const cond = (over: Partial<BacktestConditions> = {}): BacktestConditions => ({
  threshold: 3,
  comparison: 'gt',
  evaluationPeriods: 1,
  datapointsToAlarm: 1,
  treatMissing: 'notBreaching',
  ...over,
});
const states = (values: (number | null)[], over: Partial<BacktestConditions> = {}) => backtest(series(values), win(values.length), cond(over)).timeline.map((e) => e.state);

describe('backtest', () => {
  it('1 of 1 on complete data: evaluations start once the range (N + 2 = 3 periods) is in the window; each breaching run is one episode', () => {
    // slots: 1 5 5 1 5 1 → evaluations end at slots 2..5: 5, 1, 5, 1
    const r = backtest(series([1, 5, 5, 1, 5, 1]), win(6), cond());
    expect(r).toEqual({
      threshold: 3,
      evaluations: 4,
      breaches: 2,
      episodes: [
        { start: 2 * MIN, end: 3 * MIN },
        { start: 4 * MIN, end: 5 * MIN },
      ],
      insufficient: [],
      timeline: [
        { t: 2 * MIN, state: 'ALARM' },
        { t: 3 * MIN, state: 'OK' },
        { t: 4 * MIN, state: 'ALARM' },
        { t: 5 * MIN, state: 'OK' },
      ],
      evaluationRange: 3,
    });
  });

  it('gt excludes the threshold itself, gte includes it', () => {
    expect(backtest(series([3, 3, 3, 1]), win(4), cond()).breaches).toBe(0);
    expect(backtest(series([3, 3, 3, 1]), win(4), cond({ comparison: 'gte' })).episodes).toEqual([{ start: 2 * MIN, end: 3 * MIN }]);
  });

  it('2 of 3 on complete data: the three most recent points, from the 5th slot on', () => {
    // slots 5 1 5 1 1 5 5 → ranges end at 4..6; last three: 5 1 1 (1), 1 1 5 (1), 1 5 5 (2)
    expect(states([5, 1, 5, 1, 1, 5, 5], { evaluationPeriods: 3, datapointsToAlarm: 2 })).toEqual(['OK', 'OK', 'ALARM']);
  });

  it('a long spike under 2 of 3 makes one episode', () => {
    const r = backtest(series([1, 1, 1, 5, 5, 5, 1, 1, 1]), win(9), cond({ evaluationPeriods: 3, datapointsToAlarm: 2 }));
    // last three at 4: 1 5 5 (A), 5: 5 5 5 (A), 6: 5 5 1 (A), 7: 5 1 1 (OK), 8: 1 1 1 (OK)
    expect(r.timeline.map((e) => e.state)).toEqual(['ALARM', 'ALARM', 'ALARM', 'OK', 'OK']);
    expect(r).toMatchObject({ evaluations: 5, breaches: 1, episodes: [{ start: 4 * MIN, end: 7 * MIN }] });
  });

  it('missing data under each treatment: 5 5 _ 5 _ with 3 of 3', () => {
    // the only range ends at slot 4: "X X - X -": three real points, all breaching → ALARM whatever the treatment
    for (const treatMissing of ['missing', 'notBreaching', 'breaching', 'ignore'] as const) {
      expect(states([5, 5, null, 5, null], { evaluationPeriods: 3, datapointsToAlarm: 3, treatMissing }), treatMissing).toEqual(['ALARM']);
    }
    // "1 - X - -": two real points, one of them not breaching
    expect(states([1, null, 5, null, null], { evaluationPeriods: 3, datapointsToAlarm: 3, treatMissing: 'missing' })).toEqual(['OK']);
    // breaching fills the one missing point: X + fill = 2 breaches, enough for 2 of 3 but not 3 of 3
    expect(states([1, null, 5, null, null], { evaluationPeriods: 3, datapointsToAlarm: 3, treatMissing: 'breaching' })).toEqual(['OK']);
    expect(states([1, null, 5, null, null], { evaluationPeriods: 3, datapointsToAlarm: 2, treatMissing: 'breaching' })).toEqual(['ALARM']);
  });

  it('INSUFFICIENT_DATA runs are reported like episodes, and ALARM after INSUFFICIENT_DATA is a new episode', () => {
    const r = backtest(series([9, null, null, null, 9, null]), win(6), cond({ treatMissing: 'missing' }));
    // 1 of 1, range 3; ends at 2..5: [9 - -] A, [- - -] I, [- - 9] A, [- 9 -] A
    expect(r.timeline.map((e) => e.state)).toEqual(['ALARM', 'INSUFFICIENT_DATA', 'ALARM', 'ALARM']);
    expect(r.insufficient).toEqual([{ start: 3 * MIN, end: 4 * MIN }]);
    expect(r.episodes).toEqual([
      { start: 2 * MIN, end: 3 * MIN },
      { start: 4 * MIN, end: 6 * MIN },
    ]);
    expect(r.breaches).toBe(2);
  });

  it('all missing treated as breaching: one episode over every evaluation', () => {
    expect(backtest([], win(5), cond({ treatMissing: 'breaching' })).episodes).toEqual([{ start: 2 * MIN, end: 5 * MIN }]);
  });

  it('no evaluation when the window is shorter than the evaluation range', () => {
    expect(backtest(series([9, 9, 9, 9]), win(4), cond({ evaluationPeriods: 3, datapointsToAlarm: 1 }))).toMatchObject({
      evaluations: 0,
      breaches: 0,
      episodes: [],
      timeline: [],
      evaluationRange: 5,
    });
  });

  it('uses period-aligned slots from the window start and drops datapoints outside the window', () => {
    const w = { start: 10 * MIN, end: 15 * MIN, period: 300 };
    const { origin, values } = slotValues([{ t: 5 * MIN, v: 1 }, { t: 10 * MIN, v: 2 }, { t: 15 * MIN, v: 3 }], w);
    expect(origin).toBe(10 * MIN);
    expect(values).toEqual([2]);
  });

  it('slotKind follows the comparison; no datapoint is missing whatever the treatment', () => {
    expect(slotKind(null, { threshold: 0, comparison: 'gte' })).toBe('missing');
    expect(slotKind(0, { threshold: 0, comparison: 'gte' })).toBe('breaching');
    expect(slotKind(0, { threshold: 0, comparison: 'gt' })).toBe('ok');
  });

  it('replays 105,120 one-minute slots with N = 60 through the prefix-count fast path', () => {
    const points = Array.from({ length: 105_120 }, (_, i) => ({ t: i * MIN, v: (i * 7919) % 100 }));
    const r = backtest(points, win(105_120), cond({ threshold: 98, evaluationPeriods: 60, datapointsToAlarm: 2, treatMissing: 'missing' }));
    expect(r.evaluations).toBe(105_120 - 61);
  });
});
