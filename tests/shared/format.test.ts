import { describe, expect, it } from 'vitest';
import { formatNumber, formatUsd } from '../../shared/format';

describe('numbers formatted one way', () => {
  it('groups thousands, keeps at most one decimal, and never rounds a small non-zero value to 0', () => {
    expect(formatNumber(4438)).toBe('4,438');
    expect(formatNumber(10_240)).toBe('10,240');
    expect(formatNumber(494.24)).toBe('494.2');
    expect(formatNumber(0)).toBe('0');
    // What Monitoring showed as "0": a class with 4 vCPU-hours over a week averages 0.02 vCPUs.
    expect(formatNumber(4 / 168)).toBe('0.02');
    expect(formatNumber(0.0004)).toBe('0.0004');
    expect(formatNumber(-0.05)).toBe('-0.05');
  });

  it('formats dollars with two decimals, and a fraction of a cent by its first digits', () => {
    expect(formatUsd(24.705)).toBe('$24.71');
    expect(formatUsd(1234.5)).toBe('$1,234.50');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(0.00012)).toBe('$0.00012');
  });
});
