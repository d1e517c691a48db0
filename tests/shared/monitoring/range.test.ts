import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PERIODS,
  isValidPeriod,
  planWindow,
  RANGE_IDS,
  RANGES,
  requiredPeriodMultiple,
  WindowPlanError,
} from '../../../shared/monitoring/range';

const H = 3600;
const D = 86_400;
// An instant that is not aligned to any period: 123.456 s past a whole hour.
const NOW = 1_800_000_123_456;

describe('requiredPeriodMultiple (retention tiers)', () => {
  it.each([
    [0, 1],
    [3 * H, 1],
    [3 * H + 1, 60],
    [15 * D, 60],
    [15 * D + 1, 300],
    [63 * D, 300],
    [63 * D + 1, 3600],
    [455 * D, 3600],
  ])('data starting %i s ago needs a multiple of %i', (age, multiple) => {
    expect(requiredPeriodMultiple(age)).toBe(multiple);
  });
});

describe('isValidPeriod', () => {
  it.each([10, 20, 30, 60, 120, 300, 3600, 86_400])('accepts %i', (p) => expect(isValidPeriod(p)).toBe(true));
  it.each([0, -60, 15, 45, 90, 61.5, NaN])('rejects %s', (p) => expect(isValidPeriod(p)).toBe(false));
});

describe('planWindow', () => {
  it('1w by default: 5-minute period, end rounded up to the period, start a week before', () => {
    const w = planWindow({ now: NOW, durationSeconds: RANGES['1w'] });
    expect(w.period).toBe(300);
    expect(w.end).toBe(1_800_000_300_000); // ceil(NOW / 300 s)
    expect(w.start).toBe(1_800_000_300_000 - 7 * D * 1000);
    expect(w.start % 300_000).toBe(0);
    expect(w.note).toBeNull();
  });

  it('keeps 1-minute periods for windows within 15 days (2w at 60 s)', () => {
    const w = planWindow({ now: NOW, durationSeconds: RANGES['2w'], period: 60 });
    expect(w).toMatchObject({ period: 60, end: 1_800_000_180_000, note: null });
    expect(w.end - w.start).toBe(14 * D * 1000);
  });

  it('raises a 60 s period to 300 s beyond 15 days, with a note', () => {
    const w = planWindow({ now: NOW, durationSeconds: RANGES['30d'], period: 60 });
    expect(w.period).toBe(300);
    expect(w.note).toContain('raised from 60 s to 300 s');
  });

  it('raises to the next multiple of the tier, not just the tier: 420 s beyond 15 days → 600 s', () => {
    expect(planWindow({ now: NOW, durationSeconds: 20 * D, period: 420 }).period).toBe(600);
  });

  it('keeps 5-minute data for 63 days by starting just inside the 63-day tier; hourly beyond it', () => {
    const w = planWindow({ now: NOW, durationSeconds: RANGES['63d'] });
    expect(w.period).toBe(300);
    expect(w.note).toBeNull();
    // The start is within 63 days minus the safety margin, on a period boundary.
    expect(w.start).toBe(Math.ceil((NOW - (63 * D - 300) * 1000) / 300_000) * 300_000);
    expect((w.end - w.start) / 300_000).toBe(18_143);
    expect(planWindow({ now: NOW, durationSeconds: RANGES['63d'], period: 60 }).period).toBe(300);
    expect(planWindow({ now: NOW, durationSeconds: 100 * D }).period).toBe(3600);
    expect(planWindow({ now: NOW, durationSeconds: 15 * D, period: 60 })).toMatchObject({ period: 60, note: null });
    expect(planWindow({ now: NOW, durationSeconds: 455 * D, period: 3600 }).period).toBe(3600);
  });

  it('allows high-resolution periods only within the last 3 hours', () => {
    expect(planWindow({ now: NOW, durationSeconds: RANGES['1h'], period: 10 }).period).toBe(10);
    expect(planWindow({ now: NOW, durationSeconds: RANGES['12h'], period: 10 }).period).toBe(60);
  });

  it('in strict mode refuses a period CloudWatch cannot answer instead of raising it', () => {
    expect(() => planWindow({ now: NOW, durationSeconds: 30 * D, period: 60, strict: true })).toThrow(WindowPlanError);
    expect(() => planWindow({ now: NOW, durationSeconds: 30 * D, period: 60, strict: true })).toThrow(/use a period of 300 s/);
    expect(planWindow({ now: NOW, durationSeconds: 7 * D, period: 60, strict: true }).period).toBe(60);
  });

  it('rejects invalid periods and ranges beyond retention', () => {
    expect(() => planWindow({ now: NOW, durationSeconds: D, period: 45 })).toThrow(WindowPlanError);
    expect(() => planWindow({ now: NOW, durationSeconds: 456 * D })).toThrow(/455 days/);
    expect(() => planWindow({ now: NOW, durationSeconds: 0 })).toThrow(WindowPlanError);
  });

  it.each(RANGE_IDS)('range %s: default period kept, aligned, within the datapoint cap', (id) => {
    const w = planWindow({ now: NOW, durationSeconds: RANGES[id] });
    expect(w.period).toBe(DEFAULT_PERIODS[id]);
    expect(w.note).toBeNull();
    expect(w.start % (w.period * 1000)).toBe(0);
    expect(w.end % (w.period * 1000)).toBe(0);
    expect(w.end).toBeGreaterThanOrEqual(NOW);
    // Whole range, except a range exactly at its tier's age, which starts inside the tier.
    expect(RANGES[id] - (w.end - w.start) / 1000).toBeGreaterThanOrEqual(0);
    expect(RANGES[id] - (w.end - w.start) / 1000).toBeLessThanOrEqual(600);
    expect(RANGES[id] / w.period).toBeLessThanOrEqual(100_800);
    // the start is never older than the tier its period needs
    expect(w.period % requiredPeriodMultiple((NOW - w.start) / 1000)).toBe(0);
  });
});
