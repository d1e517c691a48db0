/**
 * Letting AWS Budgets publish to an SNS topic: the topic's access policy needs a statement allowing
 * the service principal budgets.amazonaws.com SNS:Publish, scoped to this account's budgets
 * (https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-sns-policy.html). Onramp adds
 * its one statement (Sid below) and changes nothing else in the policy; it removes only that
 * statement, and only when it added it.
 */
import { GetTopicAttributesCommand, SetTopicAttributesCommand } from '@aws-sdk/client-sns';
import { topicArnRegion } from '../../../shared/monitoring/alarm-config';
import { AppError } from '../../../shared/errors';
import type { AwsContext } from '../aws/context';
import { isNotFound, toAppError } from '../aws/errors';

/** The Sid of the statement Onramp adds. */
export const BUDGETS_STATEMENT_SID = 'OnrampAllowAwsBudgetsPublish';
const BUDGETS_PRINCIPAL = 'budgets.amazonaws.com';

interface Statement {
  Sid?: string;
  Effect?: string;
  Principal?: string | { Service?: string | string[]; AWS?: string | string[] };
  Action?: string | string[];
  Resource?: string | string[];
  Condition?: unknown;
}
interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement?: Statement | Statement[];
  [key: string]: unknown;
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The statement Onramp adds for a topic of an account. */
export function budgetsStatement(topicArn: string, account: string): Statement {
  return {
    Sid: BUDGETS_STATEMENT_SID,
    Effect: 'Allow',
    Principal: { Service: BUDGETS_PRINCIPAL },
    Action: 'SNS:Publish',
    Resource: topicArn,
    Condition: { StringEquals: { 'aws:SourceAccount': account }, ArnLike: { 'aws:SourceArn': `arn:aws:budgets::${account}:*` } },
  };
}

/** True when some Allow statement already lets budgets.amazonaws.com publish to the topic (whoever wrote it). */
export function allowsBudgets(policy: PolicyDocument, topicArn: string): boolean {
  return list(policy.Statement).some((s) => {
    if (s.Effect !== 'Allow') return false;
    const p = s.Principal;
    const services = typeof p === 'object' && p ? list(p.Service) : [];
    if (!services.includes(BUDGETS_PRINCIPAL) && p !== '*') return false;
    const actions = list(s.Action).map((a) => a.toLowerCase());
    if (!actions.some((a) => a === 'sns:publish' || a === 'sns:*' || a === '*')) return false;
    const resources = list(s.Resource);
    return resources.length === 0 || resources.some((r) => r === topicArn || r === '*');
  });
}

async function snsFor(aws: AwsContext, topicArn: string) {
  const region = topicArnRegion(topicArn);
  if (!region) throw new AppError('InvalidInput', `"${topicArn}" is not an SNS topic ARN.`, 'topicArn');
  return aws.sns(region);
}

/** The topic's policy document; NotFound when there is no such topic. */
export async function readTopicPolicy(aws: AwsContext, topicArn: string): Promise<PolicyDocument> {
  const sns = await snsFor(aws, topicArn);
  try {
    const out = await sns.send(new GetTopicAttributesCommand({ TopicArn: topicArn }));
    const text = out.Attributes?.Policy;
    return text ? (JSON.parse(text) as PolicyDocument) : { Version: '2012-10-17', Statement: [] };
  } catch (err) {
    if (isNotFound(err)) throw new AppError('NotFound', `There is no SNS topic ${topicArn} (or this identity cannot see it). Create it first, or use --email.`, 'topicArn');
    throw toAppError(err, `SNS GetTopicAttributes ${topicArn}`);
  }
}

async function writePolicy(aws: AwsContext, topicArn: string, policy: PolicyDocument): Promise<void> {
  const sns = await snsFor(aws, topicArn);
  try {
    await sns.send(new SetTopicAttributesCommand({ TopicArn: topicArn, AttributeName: 'Policy', AttributeValue: JSON.stringify(policy) }));
  } catch (err) {
    throw toAppError(err, `SNS SetTopicAttributes ${topicArn}`);
  }
}

/**
 * Let AWS Budgets publish to the topic: add Onramp's statement unless some statement already allows
 * it. Every other statement and field stays as it was. True when the statement was added.
 */
export async function grantBudgets(aws: AwsContext, topicArn: string, account: string, policy?: PolicyDocument): Promise<boolean> {
  const current = policy ?? (await readTopicPolicy(aws, topicArn));
  if (allowsBudgets(current, topicArn)) return false;
  await writePolicy(aws, topicArn, { ...current, Statement: [...list(current.Statement), budgetsStatement(topicArn, account)] });
  return true;
}

/** Remove Onramp's statement (only it) from the topic's policy; false when it was not there. */
export async function revokeBudgets(aws: AwsContext, topicArn: string): Promise<boolean> {
  const current = await readTopicPolicy(aws, topicArn);
  const statements = list(current.Statement);
  const kept = statements.filter((s) => s.Sid !== BUDGETS_STATEMENT_SID);
  if (kept.length === statements.length) return false;
  await writePolicy(aws, topicArn, { ...current, Statement: kept });
  return true;
}
