import { describe, expect, it } from 'vitest';
import { classesOf, DOCUMENTED_USAGE_CLASSES, metricIdentity, metricsOf, usageClassLabel, VCPU_QUOTA_CODES } from '../../../shared/monitoring/metric';
import { sumExpression, sumSeries } from '../../../shared/monitoring/metric-math';

describe('SUM([m1, …]) as CloudWatch metric math computes it', () => {
  it('adds the values present at each timestamp; a missing value counts as 0', () => {
    expect(
      sumSeries([
        [{ t: 0, v: 10 }, { t: 60, v: 20 }, { t: 180, v: 5 }],
        [{ t: 60, v: 1 }, { t: 120, v: 2 }],
        [],
      ]),
    ).toEqual([
      { t: 0, v: 10 },
      { t: 60, v: 21 },
      { t: 120, v: 2 },
      { t: 180, v: 5 },
    ]);
  });
  it('a timestamp no series has stays absent (no invented zeros), and non-finite values are ignored', () => {
    expect(sumSeries([[{ t: 0, v: 1 }], [{ t: 300, v: Number.NaN }]])).toEqual([{ t: 0, v: 1 }]);
    expect(sumSeries([])).toEqual([]);
  });
  it('names the metrics m1…mN in the expression', () => {
    expect(sumExpression(6)).toBe('SUM([m1,m2,m3,m4,m5,m6])');
  });
});

describe('usage classes from AWS documentation', () => {
  it('the documented classes are the six On-Demand ones; VT/OnDemand is not among them', () => {
    expect([...DOCUMENTED_USAGE_CLASSES]).toEqual(['Standard/OnDemand', 'F/OnDemand', 'G/OnDemand', 'Inf/OnDemand', 'P/OnDemand', 'X/OnDemand']);
    expect(DOCUMENTED_USAGE_CLASSES).not.toContain('VT/OnDemand');
    expect(VCPU_QUOTA_CODES['VT/OnDemand']).toBeUndefined();
    expect(VCPU_QUOTA_CODES['Inf/OnDemand']).toBeUndefined();
    expect(VCPU_QUOTA_CODES['Standard/OnDemand']).toBe('L-1216C47A');
  });
  it('all classes is every documented class, one metric each, with the shared dimensions', () => {
    expect(classesOf('all')).toEqual([...DOCUMENTED_USAGE_CLASSES]);
    expect(metricsOf({ kind: 'vcpu', usageClass: 'all' }).map((m) => m.dimensions.Class)).toEqual([...DOCUMENTED_USAGE_CLASSES]);
    expect(metricIdentity({ kind: 'vcpu', usageClass: 'all' }).dimensions).toEqual({ Service: 'EC2', Type: 'Resource', Resource: 'vCPU' });
    expect(usageClassLabel('all')).toBe('All usage classes (Standard, F, G, Inf, P and X On-Demand)');
    expect(usageClassLabel('G/OnDemand')).toBe('G/OnDemand');
  });
});
