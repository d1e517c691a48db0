/**
 * The cost report against the local Cost Explorer fake (tests/helpers/cost-explorer-fake.ts): totals
 * that are exact sums, the Marketplace split, credits apart, EC2 usage types, the request plan and
 * its count, pagination, the cache (zero requests the second time), the forecast and its fallback.
 * Expected figures are worked out by hand from tests/main/cost/seed.ts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { RequestLog } from '../../../main/core/aws/request-log';
import { CostCache, costReport, monthToDate, type CostDeps } from '../../../main/core/cost';
import { contextForProfile } from '../../../main/core/profiles/session';
import { useCostExplorerFake } from '../../helpers/cost-explorer-fake';
import { awsTestEnv } from '../../helpers/moto';
import { NOW, seedItems, TODAY } from './seed';

const fake = useCostExplorerFake();
const HOUR = 3_600_000;

async function setup(opts: { now?: number; dataDir?: string } = {}) {
  const log = new RequestLog();
  // AWS_ENDPOINT_URL points nowhere: Cost Explorer's own variable must win (the house's endpoint rule).
  const env = { ...awsTestEnv(null), AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_ENDPOINT_URL_COST_EXPLORER: fake.url };
  const aws = await contextForProfile({ profile: 'default', region: 'us-west-2', env, requestLog: log, timeouts: { connectionMs: 2000, requestMs: 5000, maxAttempts: 1 } });
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'onramp-cost-'));
  const clock = { now: opts.now ?? NOW };
  const deps: CostDeps = { aws, account: '123456789012', cache: new CostCache(dataDir), refreshMs: 6 * HOUR, now: () => clock.now };
  return { deps, log, dataDir, clock };
}

beforeEach(() => {
  fake.reset();
  fake.items = seedItems();
  fake.today = TODAY;
});

describe('cost report: figures', () => {
  it('month to date: exact totals, the platform apart from the infrastructure, credits and refunds apart, by service and by day', async () => {
    const { deps } = await setup();
    const r = await costReport(deps, { kind: 'month-to-date' });
    expect(r.period).toEqual({ start: '2026-11-01', end: '2026-11-21' });
    expect(r.metric).toBe('UnblendedCost');
    expect(r.currency).toBe('USD');
    // 19 days × 36.8000004512 + 3.3 tax; 10.0000000001 and 0.0000004511 a day would drift as floats.
    expect(r.total).toBe('702.5000085728');
    expect(r.platform).toBe('484.5');
    expect(r.infrastructure).toBe('218.0000085728');
    expect(r.credits).toEqual({
      total: '-50.5',
      credits: '-50',
      refunds: '-0.5',
      byService: [
        { service: 'Amazon Elastic Compute Cloud - Compute', amount: '-50' },
        { service: 'Amazon Simple Storage Service', amount: '-0.5' },
      ],
    });
    expect(r.net).toBe('652.0000085728');
    expect(r.byService).toEqual([
      { service: 'Bodo Platform', amount: '484.5', platform: true },
      { service: 'Amazon Elastic Compute Cloud - Compute', amount: '193.3000000019', platform: false },
      { service: 'EC2 - Other', amount: '22.42', platform: false },
      { service: 'Amazon Virtual Private Cloud', amount: '2.28', platform: false },
      { service: 'Amazon Simple Storage Service', amount: '0.0000085709', platform: false },
    ]);
    expect(r.daily).toHaveLength(20);
    expect(r.daily[0]).toEqual({ date: '2026-11-01', total: '40.1000004512', platform: '25.5', ec2Instances: '10.0000000001' });
    expect(r.daily[4]).toEqual({ date: '2026-11-05', total: '36.8000004512', platform: '25.5', ec2Instances: '10.0000000001' });
    expect(r.daily[19]).toEqual({ date: '2026-11-20', total: '0', platform: '0', ec2Instances: '0' });
    expect(r.ec2UsageTypes).toEqual([
      { usageType: 'BoxUsage:m5.xlarge', service: 'Amazon Elastic Compute Cloud - Compute', kind: 'instances', amount: '190.0000000019' },
      { usageType: 'USE1-NatGateway-Hours', service: 'EC2 - Other', kind: 'nat-gateway', amount: '20.52' },
      { usageType: 'USE1-PublicIPv4:IdleAddress', service: 'Amazon Virtual Private Cloud', kind: 'public-ip', amount: '2.28' },
      { usageType: 'EBS:VolumeUsage.gp3', service: 'EC2 - Other', kind: 'ebs', amount: '1.9' },
    ]);
    expect(r.months).toEqual([{ month: '2026-11', total: '702.5000085728', platform: '484.5', infrastructure: '218.0000085728', credits: '-50.5' }]);
    expect(r.cached).toBe(false);
  });

  it('plans four requests: daily by service and record type, the same filtered on BILLING_ENTITY (never grouped by it), EC2 usage types, and the forecast', async () => {
    const { deps, log } = await setup();
    const r = await costReport(deps, { kind: 'month-to-date' });
    expect(r.requests).toEqual({ costExplorer: 4, estimatedCostUsd: 0.04 });
    expect(fake.calls.map((c) => c.op)).toEqual(['GetCostAndUsage', 'GetCostAndUsage', 'GetCostAndUsage', 'GetCostForecast']);
    const [all, marketplace, ec2, forecast] = fake.calls.map((c) => c.body);
    expect(all).toMatchObject({ Granularity: 'DAILY', TimePeriod: { Start: '2026-11-01', End: '2026-11-21' }, GroupBy: [{ Key: 'SERVICE' }, { Key: 'RECORD_TYPE' }] });
    expect(all).not.toHaveProperty('Filter');
    expect(marketplace).toMatchObject({ Filter: { Dimensions: { Key: 'BILLING_ENTITY', Values: ['AWS Marketplace'] } } });
    for (const body of [all, marketplace, ec2]) expect(JSON.stringify(body?.GroupBy)).not.toContain('BILLING_ENTITY');
    expect(ec2).toMatchObject({ Granularity: 'MONTHLY', GroupBy: [{ Key: 'SERVICE' }, { Key: 'USAGE_TYPE' }] });
    expect(forecast).toMatchObject({ TimePeriod: { Start: TODAY, End: '2026-12-01' }, Metric: 'UNBLENDED_COST', PredictionIntervalLevel: 80 });
    // The session's request log (Settings → AWS requests) counts them too, with their cost.
    expect(log.snapshot().costExplorer).toEqual({ requests: 4, estimatedCostUsd: 0.04 });
  });

  it('follows every NextPageToken and counts each page; the figures do not change', async () => {
    fake.pageSize = 7;
    const { deps } = await setup();
    const r = await costReport(deps, { kind: 'month-to-date' });
    const pages = fake.count('GetCostAndUsage');
    // 19 days × 5 services + tax + credit + refund = 98 daily groups: 14 pages; the Marketplace's 19: 3 pages; 4 EC2 usage types: 1.
    expect(pages).toBe(14 + 3 + 1);
    expect(r.requests.costExplorer).toBe(pages + 1);
    expect(r.total).toBe('702.5000085728');
    expect(r.platform).toBe('484.5');
    expect(fake.calls.filter((c) => c.body.NextPageToken !== undefined)).toHaveLength(pages - 3);
  });

  it('a past month: the whole calendar month, no forecast request; several months: one entry per month', async () => {
    const { deps } = await setup();
    const october = await costReport(deps, { kind: 'month', month: '2026-10' });
    expect(october.period).toEqual({ start: '2026-10-01', end: '2026-11-01' });
    expect(october).toMatchObject({ total: '10', platform: '3', infrastructure: '7', current: false, forecast: { source: 'none' } });
    expect(october.daily).toHaveLength(31);
    expect(fake.count('GetCostForecast')).toBe(0);
    expect(october.requests.costExplorer).toBe(3);
    const two = await costReport(deps, { kind: 'months', count: 2 });
    expect(two.period).toEqual({ start: '2026-10-01', end: '2026-11-21' });
    expect(two.months.map((m) => [m.month, m.total, m.platform])).toEqual([
      ['2026-10', '10', '3'],
      ['2026-11', '702.5000085728', '484.5'],
    ]);
    expect(two.total).toBe('712.5000085728');
  });

  it('on the 1st of a month, month to date is a one-day period ending tomorrow', async () => {
    fake.today = '2026-12-01';
    const { deps } = await setup({ now: Date.parse('2026-12-01T00:30:00Z') });
    const r = await costReport(deps, { kind: 'month-to-date' });
    expect(r.period).toEqual({ start: '2026-12-01', end: '2026-12-02' });
    expect(r.total).toBe('0');
    expect(r.daily).toEqual([{ date: '2026-12-01', total: '0', platform: '0', ec2Instances: '0' }]);
  });
});

describe('cost report: the cache', () => {
  it('a second report within the refresh interval makes zero requests and says cached; a new CostCache on the same folder (a restart, the CLI) too', async () => {
    const { deps, clock, dataDir } = await setup();
    const first = await costReport(deps, { kind: 'month-to-date' });
    fake.calls.length = 0;
    clock.now += 5 * HOUR;
    const second = await costReport(deps, { kind: 'month-to-date' });
    expect(fake.calls).toHaveLength(0);
    expect(second).toMatchObject({ cached: true, requests: { costExplorer: 0, estimatedCostUsd: 0 }, total: first.total, fetchedAt: first.fetchedAt, freshUntil: first.fetchedAt + 6 * HOUR });
    const restarted = { ...deps, cache: new CostCache(dataDir) };
    expect(await costReport(restarted, { kind: 'month-to-date' })).toMatchObject({ cached: true, total: first.total });
    expect(fake.calls).toHaveLength(0);
  });

  it('asks again after the interval, or at once with refresh; concurrent views share one set of requests', async () => {
    const { deps, clock } = await setup();
    await costReport(deps, { kind: 'month-to-date' });
    clock.now += 6 * HOUR;
    expect(await costReport(deps, { kind: 'month-to-date' })).toMatchObject({ cached: false, requests: { costExplorer: 4 } });
    expect(await costReport(deps, { kind: 'month-to-date' }, { refresh: true })).toMatchObject({ cached: false, requests: { costExplorer: 4 } });
    fake.calls.length = 0;
    clock.now += 7 * HOUR;
    await Promise.all([costReport(deps, { kind: 'month-to-date' }), costReport(deps, { kind: 'month-to-date' })]);
    expect(fake.calls).toHaveLength(4);
  });

  it('monthToDate answers from a fresh cache without a request, and null (no request) when stale unless told to fetch', async () => {
    const { deps, clock } = await setup();
    expect(await monthToDate(deps, { fetchIfStale: false })).toBeNull();
    expect(fake.calls).toHaveLength(0);
    const fetched = await monthToDate(deps, { fetchIfStale: true });
    expect(fetched).toMatchObject({ month: '2026-11', total: '702.5000085728', platform: '484.5', cached: false, forecast: { source: 'cost-explorer' } });
    fake.calls.length = 0;
    expect(await monthToDate(deps, { fetchIfStale: false })).toMatchObject({ total: '702.5000085728', cached: true });
    clock.now += 6 * HOUR;
    expect(await monthToDate(deps, { fetchIfStale: false })).toBeNull();
    expect(fake.calls).toHaveLength(0);
  });

  it('a cancelled refresh stops between requests and caches nothing', async () => {
    const { deps } = await setup();
    const controller = new AbortController();
    const seen: string[] = [];
    const run = costReport(deps, { kind: 'month-to-date' }, {
      signal: controller.signal,
      report: (p) => {
        seen.push(p.message);
        if (p.requests === 2) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'Cancelled' });
    expect(seen[0]).toMatch(/daily spend by service/);
    expect(fake.calls.length).toBeLessThanOrEqual(2);
    fake.calls.length = 0;
    await costReport(deps, { kind: 'month-to-date' });
    expect(fake.calls).toHaveLength(4);
  });
});

describe('cost report: where the month is heading', () => {
  it("Cost Explorer's forecast with its prediction interval, added to the actual spend before today", async () => {
    const { deps } = await setup();
    const { forecast } = await costReport(deps, { kind: 'month-to-date' });
    // Before today: 702.5000085728. The fake forecasts 36.8000004512 a day for 11 days = 404.8000049632,
    // ±7.3600000902 a day at the 80% level.
    expect(forecast).toMatchObject({ source: 'cost-explorer', month: '2026-11', monthEnd: '1107.300013536', lower: '1026.3400125438', upper: '1188.2600145282', predictionIntervalLevel: 80 });
    expect(forecast.source === 'cost-explorer' && forecast.method).toMatch(/Cost Explorer's forecast/);
  });

  it("too little history (DataUnavailableException) or no ce:GetCostForecast: Onramp's own estimate, labelled with its method", async () => {
    const { deps } = await setup();
    fake.fail('GetCostForecast', { type: 'DataUnavailableException', message: 'Insufficient amount of historical data to generate forecast.' });
    const a = await costReport(deps, { kind: 'month-to-date' });
    // 702.5000085728 over 19 complete days × 30 days = 1109.2105398517… → 1109.21
    expect(a.forecast).toMatchObject({ source: 'onramp-estimate', month: '2026-11', monthEnd: '1109.21' });
    expect(a.forecast.source === 'onramp-estimate' && a.forecast.method).toMatch(/^Onramp's estimate, not AWS's: the average daily spend of the 19 complete days/);
    expect(a.forecast.source === 'onramp-estimate' && a.forecast.reason).toMatch(/too little history/);
    expect(a.total).toBe('702.5000085728');
    fake.fail('GetCostForecast', { type: 'AccessDeniedException', message: 'User: arn:aws:iam::123456789012:user/t is not authorized to perform: ce:GetCostForecast' });
    const b = await costReport(deps, { kind: 'month-to-date' }, { refresh: true });
    expect(b.forecast).toMatchObject({ source: 'onramp-estimate', reason: expect.stringMatching(/ce:GetCostForecast/) });
  });

  it('on the 1st with no forecast from AWS: nothing, and says why', async () => {
    fake.today = '2026-12-01';
    fake.fail('GetCostForecast', { type: 'DataUnavailableException', message: 'no data' });
    const { deps } = await setup({ now: Date.parse('2026-12-01T08:00:00Z') });
    const r = await costReport(deps, { kind: 'month-to-date' });
    expect(r.forecast).toMatchObject({ source: 'none', reason: expect.stringMatching(/first day of the month/) });
  });
});
