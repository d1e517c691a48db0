import { describe, expect, it } from 'vitest';
import { extent, m4 } from '../../../shared/charts/m4';

const series = (values: number[], step = 1000, t0 = 0) => values.map((v, i) => ({ t: t0 + i * step, v }));

describe('m4', () => {
  it('returns short series unchanged', () => {
    const s = series([1, 5, 2]);
    expect(m4(s, 10)).toEqual(s);
  });

  it('keeps first, min, max and last of a column, in time order, each point once', () => {
    // 8 points > 4 × 1, all in the single column: first (0,3), max (1000,9), min = last (7000,0).
    const s = series([3, 9, 1, 4, 2, 2, 8, 0]);
    expect(m4(s, 1, { start: 0, end: 8000 })).toEqual([
      { t: 0, v: 3 },
      { t: 1000, v: 9 },
      { t: 7000, v: 0 },
    ]);
  });

  it('reduces per pixel column (hand-computed)', () => {
    // width 2 over 0..8000: column 0 holds t 0..3000, column 1 holds t 4000..8000.
    const s = series([3, 9, 1, 4, 2, 2, 8, 0, 5]);
    expect(m4(s, 2, { start: 0, end: 8000 }).map((p) => [p.t / 1000, p.v])).toEqual([
      [0, 3], [1, 9], [2, 1], [3, 4],
      [4, 2], [6, 8], [7, 0], [8, 5],
    ]);
  });

  it('preserves the true maximum and minimum and stays within 4 points per column', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const values = Array.from({ length: 18_144 }, () => Math.round(rand() * 1000));
    values[12_345] = 5000;
    values[777] = -3;
    const s = series(values, 300_000);
    for (const width of [1, 37, 300, 800, 1280]) {
      const out = m4(s, width);
      expect(out.length).toBeLessThanOrEqual(4 * width);
      expect(extent(out)).toEqual({ min: -3, max: 5000 });
      expect(out[0]).toEqual(s[0]);
      expect(out[out.length - 1]).toEqual(s[s.length - 1]);
      for (let i = 1; i < out.length; i++) expect(out[i]!.t).toBeGreaterThan(out[i - 1]!.t);
    }
  });

  it('drops non-finite values and points outside the range', () => {
    const s = [...series([1, 2, 3]), { t: 5000, v: Number.NaN }];
    expect(m4(s, 100, { start: 1000, end: 2000 })).toEqual([
      { t: 1000, v: 2 },
      { t: 2000, v: 3 },
    ]);
    expect(m4([], 100)).toEqual([]);
  });
});

describe('extent', () => {
  it('is the min and max, or null when empty', () => {
    expect(extent(series([4, -1, 7]))).toEqual({ min: -1, max: 7 });
    expect(extent([])).toBeNull();
  });
});
