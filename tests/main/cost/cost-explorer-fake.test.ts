/**
 * The Cost Explorer fake answers as the API reference documents (checked here through the real SDK
 * client, so the wire format is the one Onramp's requests and parsers meet).
 */
import { CostExplorerClient, GetCostAndUsageCommand, GetCostForecastCommand, type Expression } from '@aws-sdk/client-cost-explorer';
import { describe, expect, it, beforeEach } from 'vitest';
import { useCostExplorerFake, type LineItem } from '../../helpers/cost-explorer-fake';

const fake = useCostExplorerFake({ today: '2017-06-10' });
const client = () => new CostExplorerClient({ region: 'us-east-1', endpoint: fake.url, credentials: { accessKeyId: 'AKIAFAKEFAKEFAKEFAKE', secretAccessKey: 'x'.repeat(40) }, maxAttempts: 1 });

const item = (date: string, amount: string, more: Partial<LineItem> = {}): LineItem => ({ date, amount, service: 'Amazon Simple Storage Service', ...more });

beforeEach(() => {
  fake.reset();
  fake.items = [];
  fake.today = '2017-06-10';
});

describe('Cost Explorer fake: GetCostAndUsage', () => {
  it('treats End as exclusive (DateInterval: 2017-01-01 to 2017-05-01 is up to and including 2017-04-30), one result per month', async () => {
    fake.items = [item('2017-01-01', '1.5'), item('2017-04-30', '2.25'), item('2017-05-01', '100')];
    const out = await client().send(new GetCostAndUsageCommand({ TimePeriod: { Start: '2017-01-01', End: '2017-05-01' }, Granularity: 'MONTHLY', Metrics: ['UnblendedCost'] }));
    expect(out.ResultsByTime!.map((r) => [r.TimePeriod!.Start, r.Total!.UnblendedCost!.Amount])).toEqual([
      ['2017-01-01', '1.5'],
      ['2017-02-01', '0'],
      ['2017-03-01', '0'],
      ['2017-04-01', '2.25'],
    ]);
    expect(out.ResultsByTime![3]!.TimePeriod!.End).toBe('2017-05-01');
    await expect(client().send(new GetCostAndUsageCommand({ TimePeriod: { Start: '2017-05-01', End: '2017-05-01' }, Granularity: 'DAILY', Metrics: ['UnblendedCost'] }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('honours the documented Expression examples: values OR-ed, And/Or/Not with tags, and one root only', async () => {
    fake.items = [
      item('2017-06-01', '1', { region: 'us-east-1', usageType: 'TimedStorage' }),
      item('2017-06-01', '2', { region: 'us-west-1', usageType: 'DataTransfer' }),
      item('2017-06-01', '4', { region: 'eu-west-1', usageType: 'Requests', tags: { TagName: 'Value1' } }),
      item('2017-06-01', '8', { region: 'eu-west-1', usageType: 'Requests' }),
    ];
    const total = async (Filter: Expression) =>
      (await client().send(new GetCostAndUsageCommand({ TimePeriod: { Start: '2017-06-01', End: '2017-06-02' }, Granularity: 'DAILY', Metrics: ['UnblendedCost'], Filter }))).ResultsByTime![0]!.Total!.UnblendedCost!.Amount;
    // { "Dimensions": { "Key": "REGION", "Values": [ "us-east-1", "us-west-1" ] } }
    expect(await total({ Dimensions: { Key: 'REGION', Values: ['us-east-1', 'us-west-1'] } })).toBe('3');
    // ((REGION == us-east-1 OR REGION == us-west-1) OR (TAG.TagName == Value1)) AND (USAGE_TYPE != DataTransfer)
    expect(
      await total({
        And: [
          { Or: [{ Dimensions: { Key: 'REGION', Values: ['us-east-1', 'us-west-1'] } }, { Tags: { Key: 'TagName', Values: ['Value1'] } }] },
          { Not: { Dimensions: { Key: 'USAGE_TYPE', Values: ['DataTransfer'] } } },
        ],
      }),
    ).toBe('5');
    expect(await total({ Dimensions: { Key: 'USAGE_TYPE', Values: ['req'], MatchOptions: ['STARTS_WITH', 'CASE_INSENSITIVE'] } })).toBe('12');
    await expect(total({ And: [{ Dimensions: { Key: 'REGION', Values: ['x'] } }, { Dimensions: { Key: 'REGION', Values: ['y'] } }], Dimensions: { Key: 'USAGE_TYPE', Values: ['DataTransfer'] } })).rejects.toThrow(
      'Expression has more than one roots. Only one root operator is allowed for each expression: And, Or, Not, Dimensions, Tags, CostCategories',
    );
  });

  it('groups by up to two keys (Total empty then), never by BILLING_ENTITY, and filters on it', async () => {
    fake.items = [
      item('2017-06-01', '10', { service: 'Bodo Platform', billingEntity: 'AWS Marketplace' }),
      item('2017-06-01', '3', { service: 'Amazon Elastic Compute Cloud - Compute' }),
      item('2017-06-01', '-1', { service: 'Amazon Elastic Compute Cloud - Compute', recordType: 'Credit' }),
    ];
    const period = { Start: '2017-06-01', End: '2017-06-02' };
    const grouped = await client().send(
      new GetCostAndUsageCommand({ TimePeriod: period, Granularity: 'DAILY', Metrics: ['UnblendedCost'], GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }, { Type: 'DIMENSION', Key: 'RECORD_TYPE' }] }),
    );
    expect(grouped.GroupDefinitions).toEqual([{ Type: 'DIMENSION', Key: 'SERVICE' }, { Type: 'DIMENSION', Key: 'RECORD_TYPE' }]);
    expect(grouped.ResultsByTime![0]!.Total).toEqual({});
    expect(grouped.ResultsByTime![0]!.Groups!.map((g) => [g.Keys, g.Metrics!.UnblendedCost!.Amount])).toEqual([
      [['Amazon Elastic Compute Cloud - Compute', 'Credit'], '-1'],
      [['Amazon Elastic Compute Cloud - Compute', 'Usage'], '3'],
      [['Bodo Platform', 'Usage'], '10'],
    ]);
    await expect(client().send(new GetCostAndUsageCommand({ TimePeriod: period, Granularity: 'DAILY', Metrics: ['UnblendedCost'], GroupBy: [{ Type: 'DIMENSION', Key: 'BILLING_ENTITY' }] }))).rejects.toThrow(
      /Group Definition dimension is invalid/,
    );
    const marketplace = await client().send(
      new GetCostAndUsageCommand({ TimePeriod: period, Granularity: 'DAILY', Metrics: ['UnblendedCost'], Filter: { Dimensions: { Key: 'BILLING_ENTITY', Values: ['AWS Marketplace'] } } }),
    );
    expect(marketplace.ResultsByTime![0]!.Total!.UnblendedCost).toEqual({ Amount: '10', Unit: 'USD' });
  });

  it('pages with NextPageToken, refuses a token from another request, and marks the current month Estimated', async () => {
    fake.pageSize = 2;
    fake.items = ['A', 'B', 'C', 'D', 'E'].map((s, n) => item('2017-06-0' + ((n % 2) + 1), `${n + 1}`, { service: s }));
    const base = { TimePeriod: { Start: '2017-06-01', End: '2017-06-03' }, Granularity: 'DAILY' as const, Metrics: ['UnblendedCost'], GroupBy: [{ Type: 'DIMENSION' as const, Key: 'SERVICE' }] };
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const out = await client().send(new GetCostAndUsageCommand({ ...base, NextPageToken: token }));
      pages++;
      for (const r of out.ResultsByTime ?? []) {
        expect(r.Estimated).toBe(true);
        for (const g of r.Groups ?? []) seen.push(`${r.TimePeriod!.Start}:${g.Keys![0]}=${g.Metrics!.UnblendedCost!.Amount}`);
      }
      token = out.NextPageToken;
      if (pages === 1) {
        await expect(client().send(new GetCostAndUsageCommand({ ...base, Granularity: 'MONTHLY', NextPageToken: token }))).rejects.toMatchObject({ name: 'RequestChangedException' });
        await expect(client().send(new GetCostAndUsageCommand({ ...base, NextPageToken: 'bm9wZQ==' }))).rejects.toMatchObject({ name: 'InvalidNextTokenException' });
      }
    } while (token);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual(['2017-06-01:A=1', '2017-06-01:C=3', '2017-06-01:E=5', '2017-06-02:B=2', '2017-06-02:D=4']);
  });

  it('fails on request, with the documented error names', async () => {
    fake.fail('GetCostAndUsage', { type: 'AccessDeniedException', message: 'User not enabled for cost explorer access' }, 1);
    const req = new GetCostAndUsageCommand({ TimePeriod: { Start: '2017-06-01', End: '2017-06-02' }, Granularity: 'DAILY', Metrics: ['UnblendedCost'] });
    await expect(client().send(req)).rejects.toMatchObject({ name: 'AccessDeniedException', message: 'User not enabled for cost explorer access' });
    await expect(client().send(req)).resolves.toBeDefined();
    expect(fake.count('GetCostAndUsage')).toBe(2);
  });
});

describe('Cost Explorer fake: GetCostForecast', () => {
  it('forecasts from today with a prediction interval; refuses a start in the past; too little history is DataUnavailableException', async () => {
    const forecast = (Start: string) =>
      client().send(new GetCostForecastCommand({ TimePeriod: { Start, End: '2017-07-01' }, Metric: 'UNBLENDED_COST', Granularity: 'MONTHLY', PredictionIntervalLevel: 80 }));
    await expect(forecast('2017-06-10')).rejects.toMatchObject({ name: 'DataUnavailableException' });
    fake.items = Array.from({ length: 7 }, (_, i) => item(`2017-06-0${i + 3}`, '10'));
    const out = await forecast('2017-06-10');
    // 10 a day for the 21 days 2017-06-10 … 2017-06-30; ±20% at the 80% level.
    expect(out.Total).toEqual({ Amount: '210', Unit: 'USD' });
    expect(out.ForecastResultsByTime).toEqual([{ TimePeriod: { Start: '2017-06-10', End: '2017-07-01' }, MeanValue: '210', PredictionIntervalLowerBound: '168', PredictionIntervalUpperBound: '252' }]);
    await expect(forecast('2017-06-09')).rejects.toMatchObject({ name: 'ValidationException' });
  });
});
