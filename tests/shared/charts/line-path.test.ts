import { describe, expect, it } from 'vitest';
import { m4 } from '../../../shared/charts/m4';
import { linePath, plotRect, yOf } from '../../../shared/charts/scale';

describe('linePath', () => {
  const rect = plotRect(400, 200);
  it('draws one command per point on the chart scales', () => {
    const d = linePath([{ t: 0, v: 0 }, { t: 50, v: 5 }, { t: 100, v: 10 }], 0, 100, 10, rect);
    expect(d).toBe(`M${rect.left} ${rect.bottom}L${(rect.left + rect.right) / 2} ${(rect.top + rect.bottom) / 2}L${rect.right} ${rect.top}`);
  });

  it('after M4 reduction, the highest point drawn is the true peak of 105,120 points', () => {
    const pts = Array.from({ length: 105_120 }, (_, i) => ({ t: i * 300_000, v: (i * 7919) % 1000 }));
    pts[77_777] = { t: pts[77_777]!.t, v: 4321 };
    const reduced = m4(pts, rect.right - rect.left, { start: 0, end: pts.at(-1)!.t });
    const d = linePath(reduced, 0, pts.at(-1)!.t, 5000, rect);
    const ys = [...d.matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((m) => Number(m[1]));
    expect(Math.min(...ys)).toBeCloseTo(yOf(4321, 5000, rect), 1);
    expect(ys.length).toBeLessThanOrEqual(4 * (rect.right - rect.left));
  });
});
