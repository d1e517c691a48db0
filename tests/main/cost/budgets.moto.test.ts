/**
 * AWS Budgets against moto, read back with boto3 (an independent client): the budget, its
 * notifications and the SNS topic's policy. moto stores budgets and notifications but has no
 * DescribeSubscribersForNotification (it answers 500) and no UpdateBudget: the subscribers Onramp sent
 * are checked in the CreateBudget request it made (a counting proxy in front of moto), and Onramp
 * never updates a budget in place. Faults are injected by the same proxy.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTopicCommand, GetTopicAttributesCommand } from '@aws-sdk/client-sns';
import { beforeEach, describe, expect, it } from 'vitest';
import { BudgetConfigSchema, type BudgetConfigInput } from '../../../shared/contract/budgets';
import { BudgetRecords, createBudget, deleteBudget, listBudgets, BUDGETS_STATEMENT_SID, type BudgetDeps } from '../../../main/core/cost';
import { contextAt, useMoto, useRequestCounter } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';
import { HAS_BOTO3, python } from '../../helpers/python';
import type { CannedResponse, SeenRequest } from '../../helpers/request-counter';

const ACCOUNT = '123456789012';

/** The error a run rejected with (fails the test when it succeeded). */
async function failure(run: Promise<unknown>): Promise<{ code: string; message: string; rolledBack: string[] }> {
  return run.then(
    () => {
      throw new Error('expected the run to fail');
    },
    (e: unknown) => e as { code: string; message: string; rolledBack: string[] },
  );
}

describe.skipIf(!HAS_MOTO || !HAS_BOTO3)('AWS Budgets (moto, read back with boto3)', () => {
  const moto = useMoto();
  let fault: ((req: SeenRequest) => CannedResponse | undefined) | null = null;
  const proxy = useRequestCounter({ upstream: moto, intercept: (req) => fault?.(req) });

  let deps: BudgetDeps;
  let topicArn: string;
  const THEIR_STATEMENT = { Sid: 'TheirOwn', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'SNS:Subscribe', Resource: '*' };

  beforeEach(async () => {
    await moto.reset();
    fault = null;
    proxy.requests.length = 0;
    const aws = await contextAt(proxy.url, 'us-east-1', { timeouts: { connectionMs: 2000, requestMs: 5000, maxAttempts: 2 } });
    deps = { aws, account: ACCOUNT, records: new BudgetRecords(mkdtempSync(join(tmpdir(), 'onramp-budgets-'))) };
    const sns = await aws.sns('us-west-2');
    const made = await sns.send(new CreateTopicCommand({ Name: 'ops-alerts' }));
    topicArn = made.TopicArn!;
    // The topic has a policy of its own that must survive untouched.
    const { SetTopicAttributesCommand } = await import('@aws-sdk/client-sns');
    await sns.send(new SetTopicAttributesCommand({ TopicArn: topicArn, AttributeName: 'Policy', AttributeValue: JSON.stringify({ Version: '2012-10-17', Id: 'their-policy', Statement: [{ ...THEIR_STATEMENT, Resource: topicArn }] }) }));
  });

  const config = (over: Partial<BudgetConfigInput> = {}) => BudgetConfigSchema.parse({ name: 'platform-monthly', amount: '500', emails: ['a@example.com', 'b@example.com'], topicArn, ...over });

  /** What boto3 sees: the budget, its notifications and the topic's policy. */
  async function readBack(name: string): Promise<{ budget: Record<string, unknown> | null; notifications: Record<string, unknown>[]; policy: { Id?: string; Statement: Record<string, unknown>[] } }> {
    const script = `
import json, boto3
b = boto3.client('budgets', region_name='us-east-1', endpoint_url='${moto.url}', aws_access_key_id='x', aws_secret_access_key='y')
s = boto3.client('sns', region_name='us-west-2', endpoint_url='${moto.url}', aws_access_key_id='x', aws_secret_access_key='y')
try:
    budget = b.describe_budget(AccountId='${ACCOUNT}', BudgetName='${name}')['Budget']
    notes = b.describe_notifications_for_budget(AccountId='${ACCOUNT}', BudgetName='${name}')['Notifications']
except b.exceptions.NotFoundException:
    budget, notes = None, []
policy = json.loads(s.get_topic_attributes(TopicArn='${topicArn}')['Attributes']['Policy'])
print(json.dumps({'budget': budget, 'notifications': notes, 'policy': policy}, default=str))`;
    return (await python(script, {})) as never;
  }

  /** The topic's policy now, through the SDK (before a change, to compare boto3's view after it with). */
  const currentPolicy = async () => JSON.parse((await (await deps.aws.sns('us-west-2')).send(new GetTopicAttributesCommand({ TopicArn: topicArn }))).Attributes!.Policy!) as unknown;

  const createBody = () => {
    const req = proxy.requests.find((r) => r.action === 'CreateBudget');
    return req ? (JSON.parse(req.body) as { Budget: Record<string, unknown>; NotificationsWithSubscribers: { Notification: unknown; Subscribers: unknown[] }[] }) : null;
  };

  it('creates a monthly cost budget with actual and forecasted alerts to emails and a topic; the topic gains only the Budgets statement', async () => {
    const result = await createBudget(deps, config());
    expect(result).toMatchObject({ name: 'platform-monthly', amount: '500', unit: 'USD', scope: 'all', created: true, topicPolicy: 'added' });
    const seen = await readBack('platform-monthly');
    expect(seen.budget).toMatchObject({
      BudgetName: 'platform-monthly',
      BudgetLimit: { Amount: '500', Unit: 'USD' },
      TimeUnit: 'MONTHLY',
      BudgetType: 'COST',
      Metrics: ['UnblendedCost'],
      FilterExpression: { Not: { Dimensions: { Key: 'RECORD_TYPE', Values: ['Credit', 'Refund'] } } },
    });
    expect(seen.notifications.map((n) => [n.NotificationType, n.Threshold, n.ComparisonOperator, n.ThresholdType])).toEqual([
      ['ACTUAL', 80, 'GREATER_THAN', 'PERCENTAGE'],
      ['ACTUAL', 100, 'GREATER_THAN', 'PERCENTAGE'],
      ['FORECASTED', 100, 'GREATER_THAN', 'PERCENTAGE'],
    ]);
    // moto cannot give the subscribers back: the request Onramp sent names them, the same for each alert.
    const body = createBody()!;
    for (const n of body.NotificationsWithSubscribers) {
      expect(n.Subscribers).toEqual([
        { SubscriptionType: 'SNS', Address: topicArn },
        { SubscriptionType: 'EMAIL', Address: 'a@example.com' },
        { SubscriptionType: 'EMAIL', Address: 'b@example.com' },
      ]);
    }
    // The topic's own policy is intact; one statement was added.
    expect(seen.policy.Id).toBe('their-policy');
    expect(seen.policy.Statement).toEqual([
      { ...THEIR_STATEMENT, Resource: topicArn },
      {
        Sid: BUDGETS_STATEMENT_SID,
        Effect: 'Allow',
        Principal: { Service: 'budgets.amazonaws.com' },
        Action: 'SNS:Publish',
        Resource: topicArn,
        Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': `arn:aws:budgets::${ACCOUNT}:*` } },
      },
    ]);
  });

  it('scope platform filters on the AWS Marketplace billing entity', async () => {
    await createBudget(deps, config({ name: 'bodo-only', scope: 'platform', topicArn: null, forecasted: [] }));
    const seen = await readBack('bodo-only');
    expect(seen.budget?.FilterExpression).toEqual({
      And: [{ Dimensions: { Key: 'BILLING_ENTITY', Values: ['AWS Marketplace'] } }, { Not: { Dimensions: { Key: 'RECORD_TYPE', Values: ['Credit', 'Refund'] } } }],
    });
    expect(seen.notifications).toHaveLength(2);
  });

  it('is idempotent: the same create again changes nothing; a different one of that name is a Conflict that changes nothing', async () => {
    await createBudget(deps, config());
    const before = await readBack('platform-monthly');
    const again = await createBudget(deps, config());
    expect(again).toMatchObject({ created: false, topicPolicy: 'already-allowed' });
    expect(again.notes.join(' ')).toMatch(/already exists with this definition/);
    expect(await readBack('platform-monthly')).toEqual(before);
    await expect(createBudget(deps, config({ amount: '750', forecasted: [90] }))).rejects.toMatchObject({
      code: 'Conflict',
      message: expect.stringMatching(/already exists and differs: its amount is 500 USD, not 750 USD; its alerts are .* not ACTUAL > 80%, ACTUAL > 100%, FORECASTED > 90%\. Nothing was changed/),
    });
    expect(await readBack('platform-monthly')).toEqual(before);
    expect(proxy.requests.filter((r) => r.action === 'CreateBudget')).toHaveLength(1);
  });

  it('the same budget whose topic lost the statement: the statement is put back (and removed again on delete)', async () => {
    const original = await currentPolicy();
    await createBudget(deps, config());
    const { SetTopicAttributesCommand } = await import('@aws-sdk/client-sns');
    await (await deps.aws.sns('us-west-2')).send(new SetTopicAttributesCommand({ TopicArn: topicArn, AttributeName: 'Policy', AttributeValue: JSON.stringify(original) }));
    expect(await createBudget(deps, config())).toMatchObject({ created: false, topicPolicy: 'added' });
    expect(JSON.stringify(await currentPolicy())).toContain(BUDGETS_STATEMENT_SID);
    expect(await deleteBudget(deps, 'platform-monthly')).toMatchObject({ topicPolicy: 'removed' });
    expect(await currentPolicy()).toEqual(original);
  });

  it('a topic that already lets AWS Budgets publish is left exactly as it was, on create and on delete', async () => {
    const sns = await deps.aws.sns('us-west-2');
    const { SetTopicAttributesCommand } = await import('@aws-sdk/client-sns');
    const own = { Version: '2012-10-17', Statement: [{ Sid: 'Mine', Effect: 'Allow', Principal: { Service: 'budgets.amazonaws.com' }, Action: 'sns:Publish', Resource: topicArn }] };
    await sns.send(new SetTopicAttributesCommand({ TopicArn: topicArn, AttributeName: 'Policy', AttributeValue: JSON.stringify(own) }));
    expect(await createBudget(deps, config())).toMatchObject({ created: true, topicPolicy: 'already-allowed' });
    expect((await readBack('platform-monthly')).policy).toEqual(own);
    expect(await deleteBudget(deps, 'platform-monthly')).toMatchObject({ deleted: true, topicPolicy: null });
    expect((await readBack('platform-monthly')).policy).toEqual(own);
  });

  it('all or nothing: CreateBudget refused after the topic was opened → the statement is removed again, no budget', async () => {
    const original = await currentPolicy();
    fault = (req) => (req.action === 'CreateBudget' ? { status: 400, body: JSON.stringify({ __type: 'InvalidParameterException', message: 'bad budget' }), headers: { 'x-amzn-errortype': 'InvalidParameterException' } } : undefined);
    const err = await failure(createBudget(deps, config()));
    expect(err).toMatchObject({ code: 'RolledBack', rolledBack: [`the ${BUDGETS_STATEMENT_SID} statement on ${topicArn}`] });
    expect(err.message).toMatch(/Creating budget platform-monthly failed: .*bad budget.* Undid: the OnrampAllowAwsBudgetsPublish statement/);
    const seen = await readBack('platform-monthly');
    expect(seen.budget).toBeNull();
    expect(seen.policy).toEqual(original);
  });

  it('all or nothing: the read-back fails after the create → the budget is deleted and the statement removed', async () => {
    const original = await currentPolicy();
    let created = false;
    fault = (req) => {
      if (req.action === 'CreateBudget') created = true;
      if (created && req.action === 'DescribeNotificationsForBudget') return { status: 400, body: JSON.stringify({ __type: 'AccessDeniedException', message: 'no view' }), headers: { 'x-amzn-errortype': 'AccessDeniedException' } };
      return undefined;
    };
    const err = await failure(createBudget(deps, config()));
    expect(err.code).toBe('RolledBack');
    expect(err.rolledBack).toEqual(['budget platform-monthly', `the ${BUDGETS_STATEMENT_SID} statement on ${topicArn}`]);
    expect(err.message).toMatch(/budgets:ViewBudget/);
    fault = null;
    const seen = await readBack('platform-monthly');
    expect(seen.budget).toBeNull();
    expect(seen.policy).toEqual(original);
    expect(await deps.records.list(ACCOUNT)).toEqual([]);
  });

  it('cancelled after the topic step: stops, undoes, says Cancelled', async () => {
    const controller = new AbortController();
    const err = await failure(createBudget(deps, config(), {
      signal: controller.signal,
      report: (p) => {
        // Cancel while the topic's policy is being changed: that step finishes, then the run stops.
        if (p.message.startsWith('Letting AWS Budgets publish')) controller.abort();
      },
    }));
    expect(err).toMatchObject({ code: 'Cancelled', rolledBack: [`the ${BUDGETS_STATEMENT_SID} statement on ${topicArn}`] });
    expect(err.message).toMatch(/^Creating budget platform-monthly was cancelled\. Undid:/);
    expect(proxy.requests.filter((r) => r.action === 'CreateBudget')).toHaveLength(0);
    const seen = await readBack('platform-monthly');
    expect(seen.budget).toBeNull();
    expect(seen.policy.Statement.map((s) => s.Sid)).toEqual(['TheirOwn']);
  });

  it('no budgets: permission → AccessDenied naming budgets:ModifyBudget, nothing left behind', async () => {
    fault = (req) => (req.action === 'CreateBudget' ? { status: 400, body: JSON.stringify({ __type: 'AccessDeniedException', message: 'not authorized to perform: budgets:ModifyBudget' }), headers: { 'x-amzn-errortype': 'AccessDeniedException' } } : undefined);
    const err = await failure(createBudget(deps, config({ topicArn: null })));
    expect(err).toMatchObject({ code: 'AccessDenied', message: expect.stringMatching(/may not call AWS Budgets CreateBudget .* Allow budgets:ModifyBudget/) });
  });

  it('lists budgets with their scope, alerts and (from Onramp\'s record, as moto cannot say) subscribers', async () => {
    await createBudget(deps, config());
    await createBudget(deps, config({ name: 'bodo-only', scope: 'platform', topicArn: null, emails: ['c@example.com'], actual: [50], forecasted: [] }));
    const list = await listBudgets(deps);
    expect(list.map((b) => [b.name, b.scope, b.amount, b.unit, b.managedByOnramp, b.notifications.length])).toEqual([
      ['bodo-only', 'platform', '500', 'USD', true, 1],
      ['platform-monthly', 'all', '500', 'USD', true, 3],
    ]);
    expect(list[0]!.subscribers).toEqual([{ type: 'EMAIL', address: 'c@example.com' }]);
    expect(list[1]!.actualSpend).toBe('0');
  });

  it('delete removes the budget, and the statement only when no other budget of Onramp uses the topic', async () => {
    const original = await currentPolicy();
    await createBudget(deps, config());
    await createBudget(deps, config({ name: 'second', amount: '100' }));
    expect(await deleteBudget(deps, 'second')).toMatchObject({ deleted: true, topicPolicy: null });
    const first = await deleteBudget(deps, 'platform-monthly');
    expect(first).toMatchObject({ deleted: true, topicPolicy: 'removed' });
    const seen = await readBack('platform-monthly');
    expect(seen.budget).toBeNull();
    expect(seen.policy).toEqual(original);
    await expect(deleteBudget(deps, 'platform-monthly')).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('delete keeps the statement while another Onramp budget still notifies the topic', async () => {
    await createBudget(deps, config());
    // A second budget made while the statement is there: it relies on it.
    await createBudget(deps, config({ name: 'second', amount: '100' }));
    const res = await deleteBudget(deps, 'platform-monthly');
    expect(res).toMatchObject({ topicPolicy: 'kept', notes: [expect.stringMatching(/budget second still notifies it/)] });
    const policy = await (await deps.aws.sns('us-west-2')).send(new GetTopicAttributesCommand({ TopicArn: topicArn }));
    expect(policy.Attributes!.Policy).toContain(BUDGETS_STATEMENT_SID);
  });
});
