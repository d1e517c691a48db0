/**
 * CloudWatch's documented evaluation, checked cell by cell against the two tables of the CloudWatch
 * User Guide, "Configuring how CloudWatch alarms treat missing data" (awsdocs/amazon-cloudwatch-user-guide,
 * doc_source/AlarmThatSendsEmail.md): "0 is a non-breaching data point, X is a breaching data point,
 * and - is a missing data point", the most recent on the right, evaluation range 5, Evaluation
 * Periods 3, Datapoints to Alarm 3 (first table) and 2 (second table).
 */
import { describe, expect, it } from 'vitest';
import { backtest, evaluateSlots, type BacktestConditions } from '../../../shared/monitoring/backtest';
import { evaluateRange, evaluationRangeFor, type AlarmState, type SlotKind, type TreatMissing } from '../../../shared/monitoring/evaluation';

const RETAIN = 'Retain current state';
type Cell = AlarmState | typeof RETAIN;
interface Row {
  points: string;
  filled: number;
  MISSING: Cell;
  IGNORE: Cell;
  BREACHING: Cell;
  'NOT BREACHING': Cell;
}

// The first table, as printed (Datapoints to Alarm = Evaluation Periods = 3).
const TABLE_3_OF_3: Row[] = [
  { points: '0 - X - X', filled: 0, MISSING: 'OK', IGNORE: 'OK', BREACHING: 'OK', 'NOT BREACHING': 'OK' },
  { points: '0 - - - -', filled: 2, MISSING: 'OK', IGNORE: 'OK', BREACHING: 'OK', 'NOT BREACHING': 'OK' },
  { points: '- - - - -', filled: 3, MISSING: 'INSUFFICIENT_DATA', IGNORE: RETAIN, BREACHING: 'ALARM', 'NOT BREACHING': 'OK' },
  { points: '0 X X - X', filled: 0, MISSING: 'ALARM', IGNORE: 'ALARM', BREACHING: 'ALARM', 'NOT BREACHING': 'ALARM' },
  { points: '- - X - -', filled: 2, MISSING: 'ALARM', IGNORE: RETAIN, BREACHING: 'ALARM', 'NOT BREACHING': 'OK' },
];

// The second table, as printed (Datapoints to Alarm 2, Evaluation Periods 3).
const TABLE_2_OF_3: Row[] = [
  { points: '0 - X - X', filled: 0, MISSING: 'ALARM', IGNORE: 'ALARM', BREACHING: 'ALARM', 'NOT BREACHING': 'ALARM' },
  { points: '0 0 X 0 X', filled: 0, MISSING: 'ALARM', IGNORE: 'ALARM', BREACHING: 'ALARM', 'NOT BREACHING': 'ALARM' },
  { points: '0 - X - -', filled: 1, MISSING: 'OK', IGNORE: 'OK', BREACHING: 'ALARM', 'NOT BREACHING': 'OK' },
  { points: '- - - - 0', filled: 2, MISSING: 'OK', IGNORE: 'OK', BREACHING: 'ALARM', 'NOT BREACHING': 'OK' },
  { points: '- - - X -', filled: 2, MISSING: 'ALARM', IGNORE: RETAIN, BREACHING: 'ALARM', 'NOT BREACHING': 'OK' },
];

const TREATMENT: Record<Exclude<keyof Row, 'points' | 'filled'>, TreatMissing> = {
  MISSING: 'missing',
  IGNORE: 'ignore',
  BREACHING: 'breaching',
  'NOT BREACHING': 'notBreaching',
};
const COLUMNS = Object.keys(TREATMENT) as (keyof typeof TREATMENT)[];
const PRIOR_STATES: AlarmState[] = ['OK', 'ALARM', 'INSUFFICIENT_DATA'];

/** "0 - X" → slot kinds. */
function kinds(points: string): SlotKind[] {
  return points.split(/\s+/).map((c) => (c === 'X' ? 'breaching' : c === '0' || c === 'O' ? 'ok' : 'missing'));
}

/** The guide's notation as a datapoint series: X = 5, 0 = 1 (threshold 3), one per minute from t = 0. */
function series(points: string) {
  return kinds(points).flatMap((k, i) => (k === 'missing' ? [] : [{ t: i * 60_000, v: k === 'breaching' ? 5 : 1 }]));
}

const cond = (n: number, m: number, treatMissing: TreatMissing): BacktestConditions => ({
  threshold: 3,
  comparison: 'gt',
  evaluationPeriods: n,
  datapointsToAlarm: m,
  treatMissing,
});

/** Every cell of a table: each treatment from each state the alarm could be in before. */
function cellsOf(table: Row[], m: number) {
  return table.flatMap((row) =>
    COLUMNS.flatMap((col) => PRIOR_STATES.map((prior) => ({ row, col, prior, m, expected: row[col] === RETAIN ? prior : row[col] }))),
  );
}

describe('the documented evaluation range', () => {
  it('is 5 data points for 3 evaluation periods, as in the guide\'s example', () => {
    expect(evaluationRangeFor(3)).toBe(5);
  });
});

describe.each([
  ['first table: 3 of 3', TABLE_3_OF_3, 3],
  ['second table: 2 of 3', TABLE_2_OF_3, 2],
] as const)('CloudWatch User Guide, %s', (_name, table, m) => {
  it.each(cellsOf(table, m).map((c) => [`${c.row.points} | ${c.col} | before: ${c.prior}`, c] as const))('%s', (_label, c) => {
    expect(evaluateRange(kinds(c.row.points), { evaluationPeriods: 3, datapointsToAlarm: c.m, treatMissing: TREATMENT[c.col] }, c.prior)).toBe(c.expected);
  });

  it('the "# of data points that must be filled" column is N minus the real points, floored at 0', () => {
    for (const row of table) expect(Math.max(0, 3 - kinds(row.points).filter((k) => k !== 'missing').length)).toBe(row.filled);
  });

  // The same cells through the backtest a user runs: a five-period window holds exactly one
  // evaluation range, evaluated once from a new alarm's INSUFFICIENT_DATA.
  it.each(table.flatMap((row) => COLUMNS.map((col) => [`${row.points} | ${col}`, row, col] as const)))('backtest of %s', (_label, row, col) => {
    const r = backtest(series(row.points), { start: 0, end: 5 * 60_000, period: 60 }, cond(3, m, TREATMENT[col]));
    const expected = row[col] === RETAIN ? 'INSUFFICIENT_DATA' : row[col];
    expect(r.timeline).toEqual([{ t: 4 * 60_000, state: expected }]);
    expect(r.breaches).toBe(expected === 'ALARM' ? 1 : 0);
  });
});

describe('retained state in a replay: the state before the row is the one kept', () => {
  // Five breaching periods put the alarm in ALARM; five clean ones in OK; then the row follows.
  it.each([
    ['X X X X X', 'ALARM'],
    ['0 0 0 0 0', 'OK'],
  ] as const)('after "%s" (%s), IGNORE keeps it through "- - - - -" and "- - X - -"', (prefix, before) => {
    for (const [row, m] of [
      ['- - - - -', 3],
      ['- - X - -', 3],
      ['- - - X -', 2],
    ] as const) {
      const points = `${prefix} ${row}`;
      const states = evaluateSlots(kinds(points), cond(3, m, 'ignore'));
      expect(states[0], points).toBe(before); // the first full range is the prefix itself
      expect(states.at(-1), points).toBe(before);
    }
  });
});

describe('the premature-alarm rule (guide, "Avoiding premature transitions to alarm state")', () => {
  const missing3of3 = { evaluationPeriods: 3, datapointsToAlarm: 3, treatMissing: 'missing' } as const;
  it('"- - - - X" and "- - - X -" with 3 of 3 do not go to ALARM', () => {
    expect(evaluateRange(kinds('- - - - X'), missing3of3, 'OK')).toBe('OK');
    expect(evaluateRange(kinds('- - - X -'), missing3of3, 'OK')).toBe('OK');
  });
  it('the next non-breaching point keeps it OK ("- - - X O", "- - X - O")', () => {
    expect(evaluateRange(kinds('- - - X O'), missing3of3, 'OK')).toBe('OK');
    expect(evaluateRange(kinds('- - X - O'), missing3of3, 'OK')).toBe('OK');
  });
  it('"- - X - -" goes to ALARM even though fewer than M points exist', () => {
    expect(evaluateRange(kinds('- - X - -'), missing3of3, 'OK')).toBe('ALARM');
  });
  it('M of N: the oldest breaching point at least M old, newer ones breaching or missing, fires whatever M is', () => {
    expect(evaluateRange(kinds('- - - X -'), { ...missing3of3, datapointsToAlarm: 2 }, 'OK')).toBe('ALARM');
    expect(evaluateRange(kinds('- - X X -'), missing3of3, 'OK')).toBe('ALARM');
    expect(evaluateRange(kinds('- - - X X'), missing3of3, 'OK')).toBe('OK'); // oldest is only 2 old
  });
  it('an older non-breaching point rules it out (second table, "0 - X - -")', () => {
    expect(evaluateRange(kinds('0 - X - -'), { ...missing3of3, datapointsToAlarm: 2 }, 'ALARM')).toBe('OK');
  });
});

describe('own cases', () => {
  const MIN = 60_000;
  const win = (slots: number) => ({ start: 0, end: slots * MIN, period: 60 });

  it('N = 1: the last real point in the range decides; a breach is re-evaluated for the 2 periods after data stops', () => {
    // evaluation range 3; slots: 0 X - - - -
    const r = backtest(series('0 X - - - -'), win(6), cond(1, 1, 'missing'));
    // ranges ending at slots 2..5: [0 X -] [X - -] [- - -] [- - -]
    expect(r.timeline.map((e) => e.state)).toEqual(['ALARM', 'ALARM', 'INSUFFICIENT_DATA', 'INSUFFICIENT_DATA']);
    expect(r.episodes).toEqual([{ start: 2 * MIN, end: 4 * MIN }]);
    expect(r.insufficient).toEqual([{ start: 4 * MIN, end: 6 * MIN }]);
    expect(r.evaluationRange).toBe(3);
  });

  it('N = 1 with notBreaching and breaching: a long gap is OK, or ALARM', () => {
    expect(backtest(series('X - - - - - - -'), win(8), cond(1, 1, 'notBreaching')).timeline.map((e) => e.state)).toEqual(['ALARM', 'OK', 'OK', 'OK', 'OK', 'OK']);
    expect(backtest(series('0 - - - - - - -'), win(8), cond(1, 1, 'breaching')).timeline.map((e) => e.state)).toEqual(['OK', 'ALARM', 'ALARM', 'ALARM', 'ALARM', 'ALARM']);
  });

  it('a long gap under MISSING: the last points are used while they are in range, then INSUFFICIENT_DATA', () => {
    // 3 of 3, range 5: X X X then nothing.
    const r = backtest(series('0 0 X X X - - - - - - -'), win(12), cond(3, 3, 'missing'));
    // ranges ending at 4..11
    expect(r.timeline.map((e) => e.state)).toEqual([
      'ALARM', // 0 0 X X X
      'ALARM', // 0 X X X -   (3 real of 5: the 3 most recent real points breach)
      'ALARM', // X X X - -
      'ALARM', // X X - - -   (2 real, all breaching, oldest 5 old: premature rule)
      'ALARM', // X - - - -   (premature rule)
      'INSUFFICIENT_DATA', // - - - - -
      'INSUFFICIENT_DATA',
      'INSUFFICIENT_DATA',
    ]);
    expect(r.breaches).toBe(1);
  });

  it('a long gap under IGNORE keeps the last state for as long as the gap lasts, then data decides again', () => {
    // 18 slots, range 5: evaluations end at slots 4..17; the first 0 arrives at slot 15.
    const states = evaluateSlots(kinds('X X X X X - - - - - - - - - - 0 0 0'), cond(3, 3, 'ignore'));
    expect(states).toHaveLength(14);
    expect(states.slice(0, 11)).toEqual(Array(11).fill('ALARM'));
    expect(states.slice(11)).toEqual(['OK', 'OK', 'OK']);
  });

  it('M < N: 2 of 4 counts breaching points anywhere in the last four real points', () => {
    // range 6; slots X 0 0 X 0 X 0 0 0 0
    const r = backtest(series('X 0 0 X 0 X 0 0 0 0'), win(10), cond(4, 2, 'missing'));
    // ranges ending at 5..9: last four real = [0 X 0 X] A, [X 0 X 0] A, [0 X 0 0] OK, [X 0 0 0] OK, [0 0 0 0] OK
    expect(r.timeline.map((e) => e.state)).toEqual(['ALARM', 'ALARM', 'OK', 'OK', 'OK']);
    expect(r.episodes).toEqual([{ start: 5 * MIN, end: 7 * MIN }]);
  });

  it('M < N with gaps: the fill is used as few times as possible', () => {
    // 2 of 4, range 6: "0 - X - - X" has 3 real points (< 4), 1 filled in.
    const rule = (t: TreatMissing) => ({ evaluationPeriods: 4, datapointsToAlarm: 2, treatMissing: t });
    expect(evaluateRange(kinds('0 - X - - X'), rule('missing'), 'OK')).toBe('ALARM'); // two real breaches
    expect(evaluateRange(kinds('0 - 0 - - X'), rule('missing'), 'OK')).toBe('OK');
    expect(evaluateRange(kinds('0 - 0 - - X'), rule('breaching'), 'OK')).toBe('ALARM'); // X + one fill
    expect(evaluateRange(kinds('0 - 0 - 0 X'), rule('breaching'), 'OK')).toBe('OK'); // 4 real: no fill at all
  });

  it('data that ends mid-range: the evaluations over the tail see fewer real points each period', () => {
    // 3 of 3; data X X X 0 then stops; window runs 5 periods further.
    const r = backtest(series('X X X 0 - - - - -'), win(9), cond(3, 3, 'missing'));
    // ranges ending at 4..8: [X X X 0 -] OK (last three real X X 0), [X X 0 - -] OK, [X 0 - - -] OK
    // (a real non-breaching point, so no premature alarm), [0 - - - -] OK, [- - - - -] INSUFFICIENT_DATA
    expect(r.timeline.map((e) => e.state)).toEqual(['OK', 'OK', 'OK', 'OK', 'INSUFFICIENT_DATA']);
    const b = backtest(series('X X X 0 - - - - -'), win(9), cond(3, 3, 'breaching'));
    // [X X X 0 -] last 3 real X X 0 → OK; [X X 0 - -] 3 real → OK; [X 0 - - -] X + 1 fill = 2 → OK;
    // [0 - - - -] 0 + 2 fills → OK; [- - - - -] 3 fills → ALARM
    expect(b.timeline.map((e) => e.state)).toEqual(['OK', 'OK', 'OK', 'OK', 'ALARM']);
    expect(b.breaches).toBe(1);
  });

  it('a window shorter than the evaluation range has no evaluation (nothing is guessed)', () => {
    const r = backtest(series('X X X X'), win(4), cond(3, 3, 'missing'));
    expect(r).toMatchObject({ evaluations: 0, breaches: 0, episodes: [], timeline: [] });
  });

  it('the fast replay agrees with the documented evaluation on 3,000 random histories', () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet: SlotKind[] = ['breaching', 'ok', 'missing'];
    const treatments: TreatMissing[] = ['missing', 'ignore', 'breaching', 'notBreaching'];
    for (let trial = 0; trial < 3000; trial++) {
      const n = 1 + Math.floor(rand() * 6);
      const m = 1 + Math.floor(rand() * n);
      const treatMissing = treatments[Math.floor(rand() * 4)]!;
      const slots = Array.from({ length: Math.floor(rand() * 30) }, () => alphabet[Math.floor(rand() * (rand() < 0.5 ? 3 : 2))]!);
      const rule = { evaluationPeriods: n, datapointsToAlarm: m, treatMissing };
      const range = evaluationRangeFor(n);
      const reference: AlarmState[] = [];
      let state: AlarmState = 'INSUFFICIENT_DATA';
      for (let i = range - 1; i < slots.length; i++) {
        state = evaluateRange(slots.slice(i - range + 1, i + 1), rule, state);
        reference.push(state);
      }
      expect(evaluateSlots(slots, rule), JSON.stringify({ slots, rule })).toEqual(reference);
    }
  });
});
