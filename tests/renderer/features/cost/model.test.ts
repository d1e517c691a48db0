import { describe, expect, it } from 'vitest';
import { budgetConfigFrom, EMPTY_BUDGET_FORM } from '../../../../renderer/src/features/cost/budget-form';
import { ago, dayBars, estimateVsActual, forecastText, parseThresholds, periodOptions } from '../../../../renderer/src/features/cost/model';
import { REPORT } from './fixtures';

describe('cost screen model', () => {
  it('offers this month, the twelve before it and the last 3, 6 and 13 months', () => {
    const o = periodOptions('2027-01-15');
    expect(o[0]).toEqual({ value: 'mtd', label: 'This month to date (January 2027)', query: {} });
    expect(o[1]).toEqual({ value: '2026-12', label: 'December 2026', query: { month: '2026-12' } });
    expect(o[12]!.value).toBe('2026-01');
    expect(o.slice(-3).map((x) => x.query)).toEqual([{ months: 3 }, { months: 6 }, { months: 13 }]);
  });

  it("words each forecast source so an estimate is never AWS's", () => {
    expect(forecastText(REPORT.forecast, 'USD')).toMatchObject({ title: 'Month-end forecast (Cost Explorer, 2026-11)', figure: '$1,107.30' });
    expect(forecastText({ source: 'onramp-estimate', month: '2026-11', monthEnd: '10', method: 'M.', reason: 'R.' }, 'USD')).toEqual({ title: "Onramp's estimate for 2026-11 — not AWS's", figure: '$10.00', detail: 'M. R.' });
    expect(forecastText({ source: 'none', reason: 'A past period has no forecast.' }, 'USD')).toEqual({ title: 'No forecast', figure: null, detail: 'A past period has no forecast.' });
  });

  it('splits each day into the platform and the infrastructure', () => {
    expect(dayBars({ daily: [{ date: '2026-11-01', total: '36.8', platform: '25.5', ec2Instances: '10' }] })).toEqual([{ date: '2026-11-01', platform: 25.5, infrastructure: 36.8 - 25.5, total: '36.8' }]);
  });

  it('compares only whole days before today that the usage history covers; not at all in another currency', () => {
    const t0 = Date.parse('2026-11-18T00:00:00Z');
    const history = { start: t0, series: [{ period: 3600, points: Array.from({ length: 72 }, (_, i) => ({ t: t0 + i * 3_600_000, v: 4 })) }] };
    const c = estimateVsActual(REPORT, history, 0.1, '2026-11-20');
    // 18th and 19th: 48 h × 4 vCPUs = 192 vCPU-hours (the 20th's points are today's and left out).
    expect(c).toEqual({ from: '2026-11-18', to: '2026-11-19', days: 2, vcpuHours: 192, estimate: 192 * 0.1, actual: '20.0000000002', reason: null });
    expect(estimateVsActual({ ...REPORT, currency: 'EUR' }, history, 0.1, '2026-11-20').reason).toMatch(/in EUR/);
    expect(estimateVsActual(REPORT, history, 0.1, '2026-11-18').reason).toMatch(/No complete day/);
  });

  it('reads thresholds and checks the budget form with the contract schema', () => {
    expect(parseThresholds('80, 100%', 'Actual')).toEqual({ ok: true, value: [80, 100] });
    expect(parseThresholds('', 'Actual')).toEqual({ ok: true, value: [] });
    expect(parseThresholds('eighty', 'Actual')).toMatchObject({ ok: false, message: expect.stringContaining('"eighty" is not a percentage') });
    expect(budgetConfigFrom({ ...EMPTY_BUDGET_FORM, amount: '500', emails: 'a@example.com' })).toEqual({
      ok: true,
      config: { name: 'bodo-monthly', amount: '500', scope: 'all', emails: ['a@example.com'], topicArn: null, actual: [80, 100], forecasted: [100] },
    });
    expect(budgetConfigFrom({ ...EMPTY_BUDGET_FORM, amount: '-5', emails: 'a@example.com', topicArn: 'nope', actual: '1,2,3', forecasted: '4,5,6' })).toEqual({
      ok: false,
      errors: {
        amount: expect.stringMatching(/must be a number of dollars/),
        topicArn: expect.stringMatching(/Topic ARN must look like/),
        actual: expect.stringMatching(/at most 5 notifications per budget; 6 thresholds/),
      },
    });
  });

  it('says how long ago', () => {
    expect(ago(0, 20_000)).toBe('just now');
    expect(ago(0, 5 * 60_000)).toBe('5 min ago');
    expect(ago(0, 150 * 60_000)).toBe('2.5 h ago');
  });
});
