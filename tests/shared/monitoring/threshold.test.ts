import { describe, expect, it } from 'vitest';
import { niceCeil, peakOf, suggestThreshold, thresholdWarnings, typicalValue } from '../../../shared/monitoring/threshold';

const pts = (...values: number[]) => values.map((v, i) => ({ t: i * 1000, v }));

describe('niceCeil', () => {
  it.each([
    [1020, 1100],
    [1100, 1100],
    [1234, 1300],
    [850, 850],
    [851, 860],
    [100, 100],
    [12, 12],
    [7.2, 8],
    [0.36, 0.4],
    [0, 0],
  ])('%s → %s', (input, expected) => {
    expect(niceCeil(input)).toBe(expected);
  });
});

describe('suggestThreshold', () => {
  it('adds 20% headroom to the peak and rounds up: 850 → 1020 → 1100', () => {
    const s = suggestThreshold(pts(100, 850, 400));
    expect(s.value).toBe(1100);
    expect(s.reason).toBe('peak 850 + 20% headroom, rounded up to 1100.');
  });

  it('returns null with a reason for an empty history', () => {
    expect(suggestThreshold([])).toEqual({ value: null, reason: expect.stringContaining('No datapoints') });
  });

  it('suggests 1 when usage was zero throughout', () => {
    expect(suggestThreshold(pts(0, 0)).value).toBe(1);
  });

  it('stays below a known quota: 90% of it when that is above the peak', () => {
    expect(suggestThreshold(pts(850), 1000)).toMatchObject({ value: 900, reason: expect.stringContaining('quota of 1000') });
  });

  it('falls back to the peak when the peak is already within 10% of the quota', () => {
    expect(suggestThreshold(pts(850), 900).value).toBe(850);
  });

  it('ignores the quota when the suggestion is below it', () => {
    expect(suggestThreshold(pts(850), 5000).value).toBe(1100);
  });
});

describe('peakOf and typicalValue', () => {
  it('the peak is the earliest highest datapoint', () => {
    expect(peakOf([{ t: 1, v: 3 }, { t: 2, v: 7 }, { t: 3, v: 7 }])).toEqual({ t: 2, v: 7 });
    expect(peakOf([])).toBeNull();
  });
  it('typical usage is the median', () => {
    expect(typicalValue(pts(4, 1, 3, 2))).toBe(2.5);
    expect(typicalValue(pts(5, 1, 3))).toBe(3);
    expect(typicalValue([])).toBeNull();
  });
});

describe('thresholdWarnings', () => {
  it('warns when the threshold is at or above the quota', () => {
    expect(thresholdWarnings(1000, pts(10), 1000).map((w) => w.kind)).toEqual(['aboveQuota']);
  });
  it('warns when the threshold is below normal usage', () => {
    expect(thresholdWarnings(3, pts(5, 5, 1), null).map((w) => w.kind)).toEqual(['belowNormal']);
  });
  it('is silent for a sensible threshold or without data', () => {
    expect(thresholdWarnings(50, pts(5, 10, 40), 100)).toEqual([]);
    expect(thresholdWarnings(50, [], null)).toEqual([]);
  });
});
