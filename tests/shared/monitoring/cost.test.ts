import { describe, expect, it } from 'vitest';
import { monthStartUtc, nextMonthStartUtc, usageCost, vcpuHours } from '../../../shared/monitoring/cost';

describe('vcpuHours', () => {
  it('sums value × period / 3600', () => {
    // 10 and 20 vCPUs for 5 minutes each: (10 + 20) × 300 / 3600 = 2.5
    expect(vcpuHours([{ t: 0, v: 10 }, { t: 300_000, v: 20 }], 300)).toBe(2.5);
  });
  it('counts gaps as zero usage', () => {
    // one hourly point of 8 vCPUs in a 3-hour window: 8 vCPU-hours
    expect(vcpuHours([{ t: 3_600_000, v: 8 }], 3600)).toBe(8);
    expect(vcpuHours([], 300)).toBe(0);
  });
});

describe('usageCost', () => {
  it('prices the window and projects to the end of the UTC month', () => {
    const now = Date.UTC(2026, 10, 16); // 16 Nov 2026 00:00 UTC; November has 30 days
    const start = Date.UTC(2026, 10, 15);
    const points = Array.from({ length: 24 }, (_, i) => ({ t: start + i * 3_600_000, v: 10 }));
    const c = usageCost(points, { start, end: now, period: 3600 }, 0.05, now);
    expect(c.vcpuHours).toBe(240); // 24 h × 10 vCPUs
    expect(c.cost).toBeCloseTo(12, 10);
    expect(c.averageVcpus).toBe(10);
    expect(c.monthToDateVcpuHours).toBe(240);
    expect(c.monthToDateComplete).toBe(false); // the window starts on the 15th
    // 16 Nov 00:00 → 1 Dec 00:00 is 15 days (360 h): 240 + 10 × 360 = 3840 vCPU-hours, $192
    expect(c.projectedMonthVcpuHours).toBe(3840);
    expect(c.projectedMonthCost).toBeCloseTo(192, 10);
  });

  it('month boundaries are UTC and roll over the year', () => {
    expect(monthStartUtc(Date.UTC(2026, 11, 31, 23))).toBe(Date.UTC(2026, 11, 1));
    expect(nextMonthStartUtc(Date.UTC(2026, 11, 31, 23))).toBe(Date.UTC(2027, 0, 1));
  });
});
