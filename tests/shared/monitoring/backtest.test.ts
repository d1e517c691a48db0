import { describe, expect, it } from 'vitest';
import { backtest, slotBreaches, slotValues, type BacktestConditions } from '../../../shared/monitoring/backtest';
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

describe('backtest', () => {
  it('1 of 1: every breaching run is one episode, ending one period after its last slot', () => {
    // breaching: F T T F T
    const r = backtest(series([1, 5, 5, 1, 5]), win(5), cond());
    expect(r).toEqual({
      threshold: 3,
      evaluations: 5,
      breaches: 2,
      episodes: [
        { start: 1 * MIN, end: 3 * MIN },
        { start: 4 * MIN, end: 5 * MIN },
      ],
    });
  });

  it('gt excludes the threshold itself, gte includes it', () => {
    const points = series([3, 3, 1]);
    expect(backtest(points, win(3), cond()).breaches).toBe(0);
    expect(backtest(points, win(3), cond({ comparison: 'gte' })).episodes).toEqual([{ start: 0, end: 2 * MIN }]);
  });

  it('2 of 3: evaluates from the 3rd slot on over the last three slots', () => {
    // breaching: T F T F F T T → windows at i=2..6: TFT(2) FTF(1) TFF(1) FFT(1) FTT(2)
    const r = backtest(series([5, 1, 5, 1, 1, 5, 5]), win(7), cond({ evaluationPeriods: 3, datapointsToAlarm: 2 }));
    expect(r.evaluations).toBe(5);
    expect(r.episodes).toEqual([
      { start: 2 * MIN, end: 3 * MIN },
      { start: 6 * MIN, end: 7 * MIN },
    ]);
    expect(r.breaches).toBe(2);
  });

  it('a long spike under 2 of 3 makes one episode from its 2nd slot to one slot after it', () => {
    // breaching: F T T T F F → i=2: FTT(2) A, i=3: TTT A, i=4: TTF(2) A, i=5: TFF(1) OK
    const r = backtest(series([1, 5, 5, 5, 1, 1]), win(6), cond({ evaluationPeriods: 3, datapointsToAlarm: 2 }));
    expect(r).toMatchObject({ evaluations: 4, breaches: 1, episodes: [{ start: 2 * MIN, end: 5 * MIN }] });
  });

  it('missing data is not breaching by default, and breaching when asked', () => {
    // slots: 5 5 _ 5 with 3 of 3
    const points = series([5, 5, null, 5]);
    const c = { evaluationPeriods: 3, datapointsToAlarm: 3 };
    expect(backtest(points, win(4), cond({ ...c, treatMissing: 'notBreaching' }))).toMatchObject({ evaluations: 2, breaches: 0 });
    expect(backtest(points, win(4), cond({ ...c, treatMissing: 'missing' }))).toMatchObject({ evaluations: 2, breaches: 0 });
    expect(backtest(points, win(4), cond({ ...c, treatMissing: 'ignore' }))).toMatchObject({ evaluations: 2, breaches: 0 });
    expect(backtest(points, win(4), cond({ ...c, treatMissing: 'breaching' })).episodes).toEqual([{ start: 2 * MIN, end: 4 * MIN }]);
  });

  it('empty slots at the window edges still count as slots', () => {
    // window of 5 slots, only slot 4 has data; 1 of 1 → 5 evaluations, one episode
    const r = backtest([{ t: 4 * MIN, v: 9 }], win(5), cond());
    expect(r).toEqual({ threshold: 3, evaluations: 5, breaches: 1, episodes: [{ start: 4 * MIN, end: 5 * MIN }] });
    // all missing treated as breaching: one episode over the whole window
    expect(backtest([], win(5), cond({ treatMissing: 'breaching' })).episodes).toEqual([{ start: 0, end: 5 * MIN }]);
  });

  it('no evaluation when the window is shorter than N periods', () => {
    expect(backtest(series([9, 9]), win(2), cond({ evaluationPeriods: 3, datapointsToAlarm: 1 }))).toEqual({
      threshold: 3,
      evaluations: 0,
      breaches: 0,
      episodes: [],
    });
  });

  it('uses period-aligned slots from the window start and drops datapoints outside the window', () => {
    const w = { start: 10 * MIN, end: 15 * MIN, period: 300 };
    const { origin, values } = slotValues([{ t: 5 * MIN, v: 1 }, { t: 10 * MIN, v: 2 }, { t: 15 * MIN, v: 3 }], w);
    expect(origin).toBe(10 * MIN);
    expect(values).toEqual([2]);
  });

  it('slotBreaches follows the comparison and the missing-data treatment', () => {
    expect(slotBreaches(null, { threshold: 0, comparison: 'gte', treatMissing: 'missing' })).toBe(false);
    expect(slotBreaches(null, { threshold: 0, comparison: 'gte', treatMissing: 'breaching' })).toBe(true);
    expect(slotBreaches(0, { threshold: 0, comparison: 'gte', treatMissing: 'missing' })).toBe(true);
    expect(slotBreaches(0, { threshold: 0, comparison: 'gt', treatMissing: 'missing' })).toBe(false);
  });
});
