import { describe, expect, it } from 'vitest';
import { ago, alarmsOf, classLabel, costTable, headroomText, quotaNotes, refreshOptions, shortPeriod, stateChanges, stateColor, topicNameOf, usd, type RegionAlarm, type RegionSummary } from '../../../renderer/src/features/dashboard/model';

const alarm = (name: string, state: RegionAlarm['state'], region = 'us-east-1'): RegionAlarm => ({
  region,
  alarmName: name,
  alarmArn: `arn:aws:cloudwatch:${region}:123456789012:alarm:${name}`,
  state,
  stateReason: '',
  stateUpdatedAt: null,
  metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' },
  stat: 'Maximum',
  extendedStatistic: null,
  threshold: 10,
  comparisonOperator: 'GreaterThanThreshold',
  period: 300,
  evaluationPeriods: 1,
  datapointsToAlarm: 1,
  treatMissing: 'missing',
  notifyOn: ['alarm'],
  topicArns: [],
  description: '',
});

describe('dashboard model', () => {
  it('colours states', () => {
    expect([stateColor('OK'), stateColor('ALARM'), stateColor('INSUFFICIENT_DATA')]).toEqual(['teal', 'red', 'gray']);
  });

  it('finds state changes between refreshes, ignoring new and first-time alarms', () => {
    const before = [alarm('a', 'OK'), alarm('b', 'ALARM'), alarm('a', 'OK', 'us-west-2')];
    const after = [alarm('a', 'ALARM'), alarm('b', 'ALARM'), alarm('a', 'OK', 'us-west-2'), alarm('c', 'ALARM')];
    expect(stateChanges(null, after)).toEqual([]);
    expect(stateChanges(before, after)).toEqual([{ region: 'us-east-1', alarmName: 'a', from: 'OK', to: 'ALARM' }]);
  });

  it('collects the alarms of regions that answered, sorted', () => {
    const { region: _r, ...a } = alarm('z', 'OK');
    const { region: _r2, ...b } = alarm('a', 'OK');
    const regions: RegionSummary[] = [
      { region: 'us-west-2', ok: true, usageClass: 'Standard/OnDemand', current: 4, currentAt: 0, peak24h: 4, series: [], quota: 10, quotaNote: null, headroom: 6, classes: [], alarms: [a] },
      { region: 'us-east-1', ok: true, usageClass: 'Standard/OnDemand', current: null, currentAt: null, peak24h: null, series: [], quota: null, quotaNote: 'hidden', headroom: null, classes: [], alarms: [b] },
      { region: 'us-east-2', ok: false, error: { code: 'AccessDenied', message: 'no' } },
    ];
    expect(alarmsOf(regions).map((x) => `${x.region}/${x.alarmName}`)).toEqual(['us-east-1/a', 'us-west-2/z']);
    expect(headroomText(regions[0] as Extract<RegionSummary, { ok: true }>)).toBe('6 vCPUs below the quota of 10');
    expect(headroomText(regions[1] as Extract<RegionSummary, { ok: true }>)).toBe('quota unknown');
    expect(headroomText({ ...(regions[0] as Extract<RegionSummary, { ok: true }>), usageClass: 'all' })).toBeNull();
  });

  it('says a quota note once, however many cards carry it; names On-Demand classes short', () => {
    const card = (region: string): RegionSummary => ({ region, ok: true, usageClass: 'all', current: 1, currentAt: 0, peak24h: 1, series: [], quota: null, quotaNote: `Service Quotas gave no value for the Standard/OnDemand vCPU quota (L-1216C47A) in ${region}, so its limit is unknown; the Readiness screen says how to look it up.`, headroom: null, classes: [], alarms: [] });
    expect(quotaNotes([card('us-east-1'), card('us-east-2'), card('us-west-1'), { region: 'us-west-2', ok: false, error: { code: 'AccessDenied', message: 'no' } }])).toEqual([
      'Service Quotas gave no value for the Standard/OnDemand vCPU quota (L-1216C47A), so its limit is unknown; the Readiness screen says how to look it up.',
    ]);
    expect(classLabel('G/OnDemand')).toBe('G');
    expect(classLabel('Standard/OnDemand')).toBe('Standard');
    expect(classLabel('Standard/Spot')).toBe('Standard/Spot');
  });

  it('formats times, periods, topics and money', () => {
    expect(ago(0, 10_000)).toBe('just now');
    expect(ago(0, 3 * 60_000)).toBe('3 min ago');
    expect(ago(0, 2 * 3_600_000)).toBe('2 h ago');
    expect(shortPeriod(300)).toBe('5 min');
    expect(shortPeriod(3600)).toBe('1 h');
    expect(topicNameOf('arn:aws:sns:us-east-1:123456789012:ops')).toBe('ops');
    expect(usd(1234.5)).toBe('$1,234.50');
  });

  it('sums vCPU-hours and cost per region with shared cost.ts (hand-computed)', () => {
    const now = Date.UTC(2026, 10, 16); // 16 Nov: 15 days in, 15 days left in a 30-day month
    const start = now - 2 * 3_600_000;
    // 10 vCPUs for two hours at 1-hour periods = 20 vCPU-hours.
    const series = [
      { region: 'us-east-1', points: [{ t: start, v: 10 }, { t: start + 3_600_000, v: 10 }], start, end: now, period: 3600 },
      { region: 'us-west-2', points: [{ t: start, v: 4 }], start, end: now, period: 3600 },
    ];
    const { rows, total } = costTable(series, 0.05, now);
    expect(rows[0]!.cost.vcpuHours).toBe(20);
    expect(rows[0]!.cost.cost).toBeCloseTo(1);
    expect(rows[0]!.cost.averageVcpus).toBe(10);
    expect(rows[0]!.cost.projectedMonthVcpuHours).toBe(20 + 10 * 15 * 24);
    expect(total.vcpuHours).toBe(24);
    expect(total.cost).toBeCloseTo(1.2);
    expect(total.monthToDateComplete).toBe(false);
  });

  it("breaks a region's total cost down by usage class, leaving out classes that did not run", () => {
    const now = Date.UTC(2026, 10, 16);
    const start = now - 2 * 3_600_000;
    const [row] = costTable(
      [
        {
          region: 'us-east-1',
          points: [{ t: start, v: 12 }],
          byClass: [
            { usageClass: 'Standard/OnDemand', points: [{ t: start, v: 8 }] },
            { usageClass: 'F/OnDemand', points: [] },
            { usageClass: 'G/OnDemand', points: [{ t: start, v: 4 }] },
          ],
          start,
          end: now,
          period: 3600,
        },
      ],
      0.05,
      now,
    ).rows;
    expect(row!.cost.vcpuHours).toBe(12);
    expect(row!.byClass.map((c) => [c.usageClass, c.cost.vcpuHours])).toEqual([
      ['Standard/OnDemand', 8],
      ['G/OnDemand', 4],
    ]);
  });

  it('offers the saved refresh interval even when it is not a preset', () => {
    expect(refreshOptions(300_000).map((o) => o.label)).toEqual(['Every minute', 'Every 5 minutes', 'Every 15 minutes', 'Every hour']);
    expect(refreshOptions(120_000).map((o) => o.label)).toEqual(['Every minute', 'Every 2 minutes', 'Every 5 minutes', 'Every 15 minutes', 'Every hour']);
    expect(refreshOptions(45_000)[0]).toEqual({ value: '45000', label: 'Every 45 seconds' });
  });
});
