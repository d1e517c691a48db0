/**
 * `onramp cost`, `onramp budget create|delete` and `onramp budgets` as real child processes: Cost
 * Explorer is the local fake (AWS_ENDPOINT_URL_COST_EXPLORER), everything else moto (STS for the
 * account, Budgets, SNS). The second `onramp cost` within the refresh interval makes zero Cost
 * Explorer requests; invalid input exits 2 before any request.
 */
import { CreateTopicCommand, GetTopicAttributesCommand } from '@aws-sdk/client-sns';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { useCostExplorerFake, type LineItem } from '../../helpers/cost-explorer-fake';
import { contextAt, useMoto, useRequestCounter } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';

const P = ['--profile', 'default'];
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Every day of this month up to today: 10.25 of EC2 instances and 2.5 of the platform a day. */
function thisMonth(): { items: LineItem[]; days: number } {
  const today = isoDay(Date.now());
  const items: LineItem[] = [];
  let days = 0;
  for (let d = `${today.slice(0, 7)}-01`; d <= today; d = isoDay(Date.parse(`${d}T00:00:00Z`) + 86_400_000)) {
    days++;
    items.push({ date: d, service: 'Amazon Elastic Compute Cloud - Compute', usageType: 'BoxUsage:c5.2xlarge', amount: '10.25' });
    items.push({ date: d, service: 'Bodo Platform', billingEntity: 'AWS Marketplace', usageType: 'Minutes', amount: '2.5' });
  }
  return { items, days };
}
/** n × an amount in cents, as a decimal string without trailing zeros. */
const times = (n: number, cents: number) => {
  const c = n * cents;
  const whole = Math.floor(c / 100);
  const frac = String(c % 100).padStart(2, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
};

describe.skipIf(!HAS_MOTO)('cost and budget CLI (moto + the Cost Explorer fake)', () => {
  const moto = useMoto();
  const fake = useCostExplorerFake();
  let env: NodeJS.ProcessEnv;
  let days = 0;

  beforeAll(() => {
    env = { ...moto.env(), AWS_ENDPOINT_URL_COST_EXPLORER: fake.url };
  });
  beforeEach(() => {
    fake.reset();
    const seeded = thisMonth();
    fake.items = seeded.items;
    days = seeded.days;
    fake.today = isoDay(Date.now());
  });

  it('onramp cost --json: the figures, then the same from the cache with zero Cost Explorer requests; --refresh asks again', async () => {
    const first = await cli(['cost', ...P, '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    const r = first.json;
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['total', 'platform', 'infrastructure', 'byService', 'daily', 'currency', 'period', 'metric', 'credits', 'ec2UsageTypes', 'forecast', 'cached', 'requests']));
    expect(r).toMatchObject({ total: times(days, 1275), platform: times(days, 250), infrastructure: times(days, 1025), currency: 'USD', metric: 'UnblendedCost', cached: false, requests: { costExplorer: 4, estimatedCostUsd: 0.04 } });
    expect(r.period.start).toBe(`${fake.today.slice(0, 7)}-01`);
    expect(r.period.end > fake.today).toBe(true);
    expect(r.byService[0]).toEqual({ service: 'Amazon Elastic Compute Cloud - Compute', amount: times(days, 1025), platform: false });
    expect(r.daily).toHaveLength(days);
    expect(['cost-explorer', 'onramp-estimate', 'none']).toContain(r.forecast.source);
    expect(fake.count()).toBe(4);
    expect(first.stderr).toMatch(/Asking Cost Explorer for daily spend by service/);

    const second = await cli(['cost', ...P, '--json'], env);
    expect(second.code).toBe(0);
    expect(second.json).toMatchObject({ cached: true, requests: { costExplorer: 0, estimatedCostUsd: 0 }, total: r.total, fetchedAt: r.fetchedAt });
    expect(fake.count()).toBe(4);

    const human = await cli(['cost', ...P], env);
    expect(human.stdout).toMatch(/from the cache, fetched \d+ min ago \(no Cost Explorer request/);
    expect(human.stdout).toMatch(/Platform \(AWS Marketplace\): \$/);
    expect(human.stdout).toMatch(/Cost Explorer requests: 0 \(\$0\.00\)/);
    expect(fake.count()).toBe(4);

    const refreshed = await cli(['cost', ...P, '--refresh', '--json'], env);
    expect(refreshed.json).toMatchObject({ cached: false, requests: { costExplorer: 4 } });
    expect(fake.count()).toBe(8);
  });

  it('a past month is three requests (no forecast)', async () => {
    const d = new Date();
    const last = isoDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).slice(0, 7);
    const out = await cli(['cost', ...P, '--month', last, '--json'], env);
    expect(out.code, out.stderr).toBe(0);
    expect(out.json).toMatchObject({ period: { start: `${last}-01` }, total: '0', forecast: { source: 'none' }, requests: { costExplorer: 3 } });
  });

  it('an error from Cost Explorer exits 3 with what to do', async () => {
    fake.fail('GetCostAndUsage', { type: 'AccessDeniedException', message: 'User not enabled for cost explorer access' });
    const out = await cli(['cost', ...P, '--months', '2', '--json'], env);
    expect(out.code).toBe(3);
    expect(out.json.error).toMatchObject({ code: 'NotEnabled', message: expect.stringContaining('Launch Cost Explorer') });
    expect(fake.count()).toBe(1);
  });

  it('budget create, budgets, budget delete: created with a topic, listed, deleted with the topic back as it was', async () => {
    const aws = await contextAt(moto.url, 'us-east-1');
    const topicArn = (await (await aws.sns('us-east-1')).send(new CreateTopicCommand({ Name: 'cli-budget-alerts' }))).TopicArn!;
    const policyBefore = (await (await aws.sns('us-east-1')).send(new GetTopicAttributesCommand({ TopicArn: topicArn }))).Attributes!.Policy;
    const created = await cli(['budget', 'create', ...P, '--name', 'cli-budget', '--amount', '1,250.50', '--scope', 'platform', '--email', 'a@example.com,b@example.com', '--topic-arn', topicArn, '--actual', '50,90', '--forecasted', '100', '--json'], env);
    expect(created.code, created.stderr).toBe(0);
    expect(created.json).toMatchObject({
      name: 'cli-budget',
      amount: '1250.50',
      scope: 'platform',
      created: true,
      topicPolicy: 'added',
      notifications: [
        { type: 'ACTUAL', threshold: 50 },
        { type: 'ACTUAL', threshold: 90 },
        { type: 'FORECASTED', threshold: 100 },
      ],
    });
    const again = await cli(['budget', 'create', ...P, '--name', 'cli-budget', '--amount', '1250.5', '--scope', 'platform', '--email', 'a@example.com', '--email', 'b@example.com', '--topic-arn', topicArn, '--actual', '50,90', '--json'], env);
    expect(again.code).toBe(0);
    expect(again.json).toMatchObject({ created: false, topicPolicy: 'already-allowed' });
    const differs = await cli(['budget', 'create', ...P, '--name', 'cli-budget', '--amount', '99', '--email', 'a@example.com', '--json'], env);
    expect(differs.code).toBe(3);
    expect(differs.json.error).toMatchObject({ code: 'Conflict' });

    const listed = await cli(['budgets', ...P, '--json'], env);
    expect(listed.code).toBe(0);
    expect(listed.json).toEqual([expect.objectContaining({ name: 'cli-budget', amount: '1250.50', scope: 'platform', managedByOnramp: true })]);

    const deleted = await cli(['budget', 'delete', ...P, '--name', 'cli-budget', '--json'], env);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.json).toEqual({ name: 'cli-budget', deleted: true, topicPolicy: 'removed', notes: [] });
    expect(JSON.parse((await (await aws.sns('us-east-1')).send(new GetTopicAttributesCommand({ TopicArn: topicArn }))).Attributes!.Policy!)).toEqual(JSON.parse(policyBefore!));
    const gone = await cli(['budget', 'delete', ...P, '--name', 'cli-budget', '--json'], env);
    expect(gone.code).toBe(3);
    expect(gone.json.error.code).toBe('NotFound');
  });
});

describe('cost and budget CLI: invalid input exits 2 and sends no request', () => {
  const counter = useRequestCounter();
  const B = ['budget', 'create', ...P, '--name', 'b'];
  it.each([
    ['cost: month that does not exist', ['cost', ...P, '--month', '2026-13'], '--month'],
    ['cost: month not begun', ['cost', ...P, '--month', '2999-01'], '--month'],
    ['cost: zero months', ['cost', ...P, '--months', '0'], '--months'],
    ['cost: months not a number', ['cost', ...P, '--months', 'three'], '--months'],
    ['cost: both month and months', ['cost', ...P, '--month', '2026-01', '--months', '2'], '--months'],
    ['budget: amount not a number', [...B, '--amount', 'lots', '--email', 'a@example.com'], '--amount'],
    ['budget: zero amount', [...B, '--amount', '0', '--email', 'a@example.com'], '--amount'],
    ['budget: nobody to notify', [...B, '--amount', '10'], '--email'],
    ['budget: bad email', [...B, '--amount', '10', '--email', 'not-an-address'], '--email'],
    ['budget: bad topic', [...B, '--amount', '10', '--topic-arn', 'arn:aws:sqs:us-east-1:123456789012:q'], '--topic-arn'],
    ['budget: unknown scope', [...B, '--amount', '10', '--email', 'a@example.com', '--scope', 'ec2'], '--scope'],
    ['budget: six alerts', [...B, '--amount', '10', '--email', 'a@example.com', '--actual', '10,20,30,40', '--forecasted', '50,60'], '--actual'],
    ['budget: threshold not a number', [...B, '--amount', '10', '--email', 'a@example.com', '--actual', 'high'], '--actual'],
    ['budget: name with a colon', ['budget', 'create', ...P, '--name', 'a:b', '--amount', '10', '--email', 'a@example.com'], '--name'],
    ['budget delete: missing name', ['budget', 'delete', ...P], '--name'],
  ])('%s', async (_what, args, field) => {
    const out = await cli([...args, '--json'], counter.env());
    expect(out.code, out.stderr).toBe(2);
    expect(out.json.error).toMatchObject({ code: 'InvalidInput', field });
    expect(counter.count).toBe(0);
  });
});
