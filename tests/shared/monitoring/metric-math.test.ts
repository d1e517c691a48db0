import { describe, expect, it } from 'vitest';
import { INSIGHTS_MAX_EVALUATION_SECONDS, statOfClassesQuery, vcpuClassesQuery } from '../../../shared/monitoring/insights';
import { classesOf, DOCUMENTED_USAGE_CLASSES, metricIdentity, metricsOf, sortUsageClasses, summedClassesLabel, usageClassLabel, VCPU_QUOTA_CODES } from '../../../shared/monitoring/metric';
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
  it('all classes is every class the account publishes (On-Demand, Spot and any new one), in a stable order, one metric each', () => {
    const published = ['Standard/Spot', 'G/OnDemand', 'Trn/OnDemand', 'Standard/OnDemand', 'G/Spot', 'Future/Class'];
    expect(classesOf('all', published)).toEqual(['Standard/OnDemand', 'G/OnDemand', 'Trn/OnDemand', 'G/Spot', 'Standard/Spot', 'Future/Class']);
    expect(classesOf('all')).toEqual([]);
    expect(classesOf('G/Spot', published)).toEqual(['G/Spot']);
    expect(metricsOf({ kind: 'vcpu', usageClass: 'all' }, ['Standard/Spot', 'Standard/OnDemand']).map((m) => m.dimensions.Class)).toEqual(['Standard/OnDemand', 'Standard/Spot']);
    expect(metricIdentity({ kind: 'vcpu', usageClass: 'all' }).dimensions).toEqual({ Service: 'EC2', Type: 'Resource', Resource: 'vCPU' });
    expect(sortUsageClasses(['b/Spot', 'a/Spot', 'a/Spot'])).toEqual(['a/Spot', 'b/Spot']);
  });
  it('labels say the total covers On-Demand and Spot, and which classes went in', () => {
    expect(usageClassLabel('all')).toBe('All usage classes (On-Demand and Spot)');
    expect(usageClassLabel('G/OnDemand')).toBe('G/OnDemand');
    expect(summedClassesLabel(['Standard/OnDemand', 'Standard/Spot'])).toBe('Standard/OnDemand + Standard/Spot');
    expect(summedClassesLabel([])).toMatch(/no vCPU usage class has published data/);
  });
  it('Spot classes have the quota codes the EC2 User Guide lists under "Spot Instance quotas"', () => {
    expect(Object.fromEntries(Object.entries(VCPU_QUOTA_CODES).filter(([c]) => c.endsWith('/Spot')))).toEqual({
      'Standard/Spot': 'L-34B43A08',
      'G/Spot': 'L-3819A6DF',
      'P/Spot': 'L-7212CCBC',
      'X/Spot': 'L-E3A00192',
      'F/Spot': 'L-88CF9481',
      'Inf/Spot': 'L-B5D1601B',
    });
  });
});

describe('the Metrics Insights alarm query', () => {
  it('groups EC2 vCPU usage by class with the chosen statistic, over exactly the four AWS/Usage dimensions', () => {
    expect(vcpuClassesQuery('Maximum')).toBe(
      'SELECT MAX(ResourceCount) FROM SCHEMA("AWS/Usage", Class, Resource, Service, Type) WHERE Service = \'EC2\' AND Type = \'Resource\' AND Resource = \'vCPU\' GROUP BY Class',
    );
    expect(vcpuClassesQuery('Average')).toMatch(/^SELECT AVG\(ResourceCount\)/);
    expect(statOfClassesQuery(vcpuClassesQuery('Average'))).toBe('Average');
    expect(statOfClassesQuery('SELECT SUM(ResourceCount) FROM "AWS/Usage"')).toBeNull();
    expect(INSIGHTS_MAX_EVALUATION_SECONDS).toBe(10_800);
  });
});
