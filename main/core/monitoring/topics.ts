import {
  CreateTopicCommand,
  DeleteTopicCommand,
  UnsubscribeCommand,
  GetTopicAttributesCommand,
  ListSubscriptionsByTopicCommand,
  ListTopicsCommand,
  SubscribeCommand,
} from '@aws-sdk/client-sns';
import { AppError } from '../../../shared/errors';
import type { TopicChoice } from '../../../shared/monitoring/alarm-config';
import type { AwsContext } from '../aws/context';
import { errorName, toAppError } from '../aws/errors';

/** An SNS topic in a region. */
export interface TopicSummary {
  topicArn: string;
  name: string;
}

/** One subscription of a topic, as shown to the user. */
export interface SubscriptionSummary {
  /** Null while the subscription waits for confirmation. */
  subscriptionArn: string | null;
  endpoint: string;
  protocol: string;
  status: 'pending' | 'confirmed';
}

/** The topic's name: the last part of its ARN. */
export function topicNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf(':') + 1);
}

/** Every SNS topic in a region (ListTopics, all pages). */
export async function listTopics(aws: AwsContext, region: string): Promise<TopicSummary[]> {
  const sns = await aws.sns(region);
  const topics: TopicSummary[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    let out;
    try {
      out = await sns.send(new ListTopicsCommand({ NextToken: nextToken }));
    } catch (err) {
      throw toAppError(err, `SNS ListTopics in ${region}`);
    }
    for (const t of out.Topics ?? []) if (t.TopicArn) topics.push({ topicArn: t.TopicArn, name: topicNameOf(t.TopicArn) });
    nextToken = out.NextToken;
    pages++;
  } while (nextToken && pages < 100);
  return topics.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A topic's subscriptions with their status. ListSubscriptionsByTopic shows `PendingConfirmation` as
 * the ARN of an email subscription nobody has confirmed yet (FACTS.md, "SNS email").
 */
export async function listSubscriptions(aws: AwsContext, region: string, topicArn: string): Promise<SubscriptionSummary[]> {
  const sns = await aws.sns(region);
  const subs: SubscriptionSummary[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    let out;
    try {
      out = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn, NextToken: nextToken }));
    } catch (err) {
      throw notFoundAsTopic(err, topicArn, 'SNS ListSubscriptionsByTopic');
    }
    for (const s of out.Subscriptions ?? []) {
      const arn = s.SubscriptionArn ?? '';
      if (arn === 'Deleted') continue;
      const pending = arn === 'PendingConfirmation' || arn === '';
      subs.push({ subscriptionArn: pending ? null : arn, endpoint: s.Endpoint ?? '', protocol: s.Protocol ?? '', status: pending ? 'pending' : 'confirmed' });
    }
    nextToken = out.NextToken;
    pages++;
  } while (nextToken && pages < 100);
  return subs;
}

function notFoundAsTopic(err: unknown, topicArn: string, context: string): AppError {
  const name = errorName(err);
  if (name === 'NotFound' || name === 'NotFoundException') {
    return new AppError('NotFound', `SNS topic ${topicArn} does not exist (or is in another account).`, 'topic');
  }
  return toAppError(err, context);
}

/** Check that a topic exists and is readable (GetTopicAttributes). */
export async function assertTopicExists(aws: AwsContext, region: string, topicArn: string): Promise<void> {
  const sns = await aws.sns(region);
  try {
    await sns.send(new GetTopicAttributesCommand({ TopicArn: topicArn }));
  } catch (err) {
    throw notFoundAsTopic(err, topicArn, 'SNS GetTopicAttributes');
  }
}

/** Subscribe an email address (SNS sends it a confirmation message). */
async function subscribeEmail(aws: AwsContext, region: string, topicArn: string, email: string): Promise<void> {
  const sns = await aws.sns(region);
  try {
    await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'email', Endpoint: email }));
  } catch (err) {
    throw toAppError(err, `SNS Subscribe ${email}`);
  }
}

/** What ensureTopic changed, so a failed alarm create can undo exactly that. */
export interface TopicJournal {
  /** The topic this run created (absent before), if any. */
  createdTopicArn?: string;
  /** Email addresses this run subscribed. */
  subscribed: string[];
}

/**
 * Undo what a journal recorded: delete a topic this run created (which removes its subscriptions),
 * else unsubscribe the addresses this run added. A subscription still pending confirmation has no
 * ARN and cannot be removed through the API; SNS deletes it after 48 hours unless confirmed, which
 * the returned note says.
 */
export async function undoTopicChanges(aws: AwsContext, region: string, topicArn: string | undefined, journal: TopicJournal): Promise<{ undone: string[]; notes: string[] }> {
  const sns = await aws.sns(region);
  const undone: string[] = [];
  const notes: string[] = [];
  if (journal.createdTopicArn) {
    await sns.send(new DeleteTopicCommand({ TopicArn: journal.createdTopicArn }));
    undone.push(`topic ${topicNameOf(journal.createdTopicArn)}`);
    return { undone, notes };
  }
  if (!topicArn || journal.subscribed.length === 0) return { undone, notes };
  const wanted = new Set(journal.subscribed.map((e) => e.toLowerCase()));
  for (const sub of await listSubscriptions(aws, region, topicArn)) {
    if (!wanted.has(sub.endpoint.toLowerCase())) continue;
    if (sub.subscriptionArn) {
      await sns.send(new UnsubscribeCommand({ SubscriptionArn: sub.subscriptionArn }));
      undone.push(`subscription ${sub.endpoint}`);
    } else {
      notes.push(`${sub.endpoint} stays pending; SNS deletes it after 48 hours unless it is confirmed`);
    }
  }
  return { undone, notes };
}

/**
 * Make sure the chosen topic exists and every given email is subscribed, without duplicates:
 * CreateTopic is idempotent by name, and an address already subscribed (pending or confirmed,
 * compared case-insensitively) is not subscribed again. Returns the topic's subscriptions.
 */
export async function ensureTopic(
  aws: AwsContext,
  region: string,
  choice: TopicChoice,
  journal: TopicJournal = { subscribed: [] },
): Promise<{ topicArn: string; created: boolean; subscriptions: SubscriptionSummary[] }> {
  let topicArn: string;
  let created = false;
  if (choice.kind === 'existing') {
    await assertTopicExists(aws, region, choice.arn);
    topicArn = choice.arn;
  } else {
    const before = await listTopics(aws, region);
    const existing = before.find((t) => t.name === choice.name);
    if (existing) {
      topicArn = existing.topicArn;
    } else {
      const sns = await aws.sns(region);
      try {
        const out = await sns.send(
          new CreateTopicCommand({ Name: choice.name, Tags: [{ Key: 'managed-by', Value: 'onramp' }] }),
        );
        topicArn = out.TopicArn ?? '';
      } catch (err) {
        // The answer may be lost after the topic was made: a topic of that name that was not there
        // before is this run's, and must be undone with the rest.
        const after = await listTopics(aws, region).catch(() => []);
        const appeared = after.find((t) => t.name === choice.name);
        if (appeared) journal.createdTopicArn = appeared.topicArn;
        throw toAppError(err, `SNS CreateTopic ${choice.name}`);
      }
      journal.createdTopicArn = topicArn;
      created = true;
    }
  }
  const current = await listSubscriptions(aws, region, topicArn);
  const have = new Set(current.filter((s) => s.protocol === 'email').map((s) => s.endpoint.toLowerCase()));
  let added = false;
  for (const email of choice.emails) {
    if (have.has(email.toLowerCase())) continue;
    journal.subscribed.push(email);
    await subscribeEmail(aws, region, topicArn, email);
    have.add(email.toLowerCase());
    added = true;
  }
  return { topicArn, created, subscriptions: added ? await listSubscriptions(aws, region, topicArn) : current };
}

/**
 * Send a pending subscription's confirmation email again: SNS re-sends it when the same endpoint
 * subscribes again. A confirmed subscription is left alone (nothing is sent).
 */
export async function resendConfirmation(aws: AwsContext, region: string, topicArn: string, endpoint: string): Promise<SubscriptionSummary> {
  const subs = await listSubscriptions(aws, region, topicArn);
  const sub = subs.find((s) => s.protocol === 'email' && s.endpoint.toLowerCase() === endpoint.toLowerCase());
  if (!sub) throw new AppError('NotFound', `${endpoint} is not subscribed to ${topicNameOf(topicArn)}.`, 'endpoint');
  if (sub.status === 'confirmed') return sub;
  await subscribeEmail(aws, region, topicArn, sub.endpoint);
  return sub;
}
