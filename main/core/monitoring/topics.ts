import {
  CreateTopicCommand,
  DeleteTopicCommand,
  GetTopicAttributesCommand,
  ListTagsForResourceCommand,
  paginateListSubscriptionsByTopic,
  paginateListTopics,
  SubscribeCommand,
  UnsubscribeCommand,
} from '@aws-sdk/client-sns';
import type { SubscriptionSummary, TopicLookup, TopicSummary } from '../../../shared/contract/monitoring';
import { AppError } from '../../../shared/errors';
import type { TopicChoice } from '../../../shared/monitoring/alarm-config';
import type { SupportedRegion } from '../../../shared/regions';
import type { AwsContext } from '../aws/context';
import { isNotFound, toAppError } from '../aws/errors';
import { checkpoint, type RunOptions } from './run';

export type { SubscriptionSummary, TopicLookup, TopicSummary } from '../../../shared/contract/monitoring';

/** Tags on every topic Onramp creates for alarm notifications; a topic of the name without them is someone else's. */
export const ALARM_TOPIC_TAGS = [
  { Key: 'managed-by', Value: 'onramp' },
  { Key: 'onramp:purpose', Value: 'alarm-notifications' },
] as const;

const PAGES = { stopOnSameToken: true } as const;

/** The topic's name: the last part of its ARN. */
export function topicNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf(':') + 1);
}

/** Every SNS topic in a region (ListTopics, every page). */
export async function listTopics(aws: AwsContext, region: string, opts: RunOptions = {}): Promise<TopicSummary[]> {
  const sns = await aws.sns(region);
  const topics: TopicSummary[] = [];
  try {
    for await (const page of paginateListTopics({ client: sns, ...PAGES }, {}, { abortSignal: opts.signal })) {
      for (const t of page.Topics ?? []) if (t.TopicArn) topics.push({ topicArn: t.TopicArn, name: topicNameOf(t.TopicArn) });
    }
  } catch (err) {
    throw toAppError(err, `SNS ListTopics in ${region}`);
  }
  return topics.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A topic's subscriptions with their status. ListSubscriptionsByTopic shows `PendingConfirmation` as
 * the ARN of an email subscription nobody has confirmed yet (docs/aws-facts.md#sns-email).
 */
export async function listSubscriptions(aws: AwsContext, region: string, topicArn: string, opts: RunOptions = {}): Promise<SubscriptionSummary[]> {
  const sns = await aws.sns(region);
  const subs: SubscriptionSummary[] = [];
  try {
    for await (const page of paginateListSubscriptionsByTopic({ client: sns, ...PAGES }, { TopicArn: topicArn }, { abortSignal: opts.signal })) {
      for (const s of page.Subscriptions ?? []) {
        const arn = s.SubscriptionArn ?? '';
        if (arn === 'Deleted') continue;
        const pending = arn === 'PendingConfirmation' || arn === '';
        subs.push({ subscriptionArn: pending ? null : arn, endpoint: s.Endpoint ?? '', protocol: s.Protocol ?? '', status: pending ? 'pending' : 'confirmed' });
      }
    }
  } catch (err) {
    throw notFoundAsTopic(err, topicArn, 'SNS ListSubscriptionsByTopic');
  }
  return subs;
}

function notFoundAsTopic(err: unknown, topicArn: string, context: string): AppError {
  if (isNotFound(err)) {
    return new AppError('NotFound', `SNS topic ${topicArn} does not exist (or is in another account).`, 'topic');
  }
  return toAppError(err, context);
}

/** Check that a topic exists and is readable (GetTopicAttributes). */
export async function assertTopicExists(aws: AwsContext, region: string, topicArn: string, opts: RunOptions = {}): Promise<void> {
  const sns = await aws.sns(region);
  try {
    await sns.send(new GetTopicAttributesCommand({ TopicArn: topicArn }), { abortSignal: opts.signal });
  } catch (err) {
    throw notFoundAsTopic(err, topicArn, 'SNS GetTopicAttributes');
  }
}

/** True when the topic carries Onramp's alarm-topic tags (ListTagsForResource): Onramp created it for alarm notifications. */
export async function isOnrampTopic(aws: AwsContext, region: string, topicArn: string, opts: RunOptions): Promise<boolean> {
  const sns = await aws.sns(region);
  let tags: Record<string, string>;
  try {
    const out = await sns.send(new ListTagsForResourceCommand({ ResourceArn: topicArn }), { abortSignal: opts.signal });
    tags = Object.fromEntries((out.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
  } catch (err) {
    throw toAppError(err, `SNS ListTagsForResource ${topicNameOf(topicArn)}`);
  }
  // Topics from Onramp versions before the purpose tag carry only managed-by.
  return tags['managed-by'] === 'onramp' && (tags['onramp:purpose'] ?? 'alarm-notifications') === 'alarm-notifications';
}

/** Per region: the topic of this name, whether Onramp made it for alarms, and its subscriptions. */
export async function lookupTopics(aws: AwsContext, regions: readonly SupportedRegion[], name: string, opts: RunOptions = {}): Promise<TopicLookup[]> {
  return Promise.all(
    regions.map(async (region): Promise<TopicLookup> => {
      const found = (await listTopics(aws, region, opts)).find((t) => t.name === name);
      if (!found) return { region, topicArn: null, onramp: false, subscriptions: [] };
      const [onramp, subscriptions] = await Promise.all([isOnrampTopic(aws, region, found.topicArn, opts), listSubscriptions(aws, region, found.topicArn, opts)]);
      return { region, topicArn: found.topicArn, onramp, subscriptions };
    }),
  );
}

/**
 * The refusal for a "new" topic whose name is taken by a topic Onramp did not make for alarms:
 * joining it silently would send this alarm to its subscribers and add the user's addresses to it.
 */
export function topicNameTaken(lookup: TopicLookup): AppError {
  const n = lookup.subscriptions.length;
  return new AppError(
    'Conflict',
    `An SNS topic named "${topicNameOf(lookup.topicArn ?? '')}" already exists in ${lookup.region} (${lookup.topicArn}) with ${n} subscription${n === 1 ? '' : 's'}, and Onramp did not create it for alarms. ` +
      'Nothing was changed. To notify that topic and its subscribers, choose it as an existing topic (--topic-arn ARN in the CLI); otherwise choose another name for a new topic.',
    'topic.name',
  );
}

/**
 * Subscribe an email address (SNS sends it a confirmation message). Writes are never aborted in
 * flight: a cancelled run waits for the answer, so it knows what to undo.
 */
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

/** The topic a choice resolves to before anything is changed: an existing ARN, Onramp's own topic of the name, or none yet. */
export interface TopicPlan {
  /** The topic to use, or null when a new one will be created. */
  topicArn: string | null;
  /** Addresses subscribed already (pending or confirmed), lower-cased. */
  subscribed: Set<string>;
}

/**
 * Check a topic choice in one region without changing anything: an existing topic must exist; a
 * "new" topic may reuse Onramp's own alarm topic of that name (idempotent re-runs) but never
 * another topic of that name (Conflict, naming it).
 */
export async function planTopic(aws: AwsContext, region: SupportedRegion, choice: TopicChoice, opts: RunOptions = {}): Promise<TopicPlan> {
  if (choice.kind === 'existing') {
    await assertTopicExists(aws, region, choice.arn, opts);
    const subs = await listSubscriptions(aws, region, choice.arn, opts);
    return { topicArn: choice.arn, subscribed: new Set(subs.filter((s) => s.protocol === 'email').map((s) => s.endpoint.toLowerCase())) };
  }
  const [lookup] = await lookupTopics(aws, [region], choice.name, opts);
  if (!lookup?.topicArn) return { topicArn: null, subscribed: new Set() };
  if (!lookup.onramp) throw topicNameTaken(lookup);
  return { topicArn: lookup.topicArn, subscribed: new Set(lookup.subscriptions.filter((s) => s.protocol === 'email').map((s) => s.endpoint.toLowerCase())) };
}

/**
 * Make sure the planned topic exists and every given email is subscribed, without duplicates:
 * a new topic is created with Onramp's tags, and an address already subscribed (pending or
 * confirmed, compared case-insensitively) is not subscribed again. Every change is written to the
 * journal before it is made, so a failure (or a lost answer) can be undone. Returns the topic's
 * subscriptions.
 */
export async function ensureTopic(
  aws: AwsContext,
  region: SupportedRegion,
  choice: TopicChoice,
  journal: TopicJournal = { subscribed: [] },
  opts: RunOptions = {},
  plan?: TopicPlan,
): Promise<{ topicArn: string; created: boolean; subscriptions: SubscriptionSummary[] }> {
  const planned = plan ?? (await planTopic(aws, region, choice, opts));
  let topicArn = planned.topicArn;
  let created = false;
  if (!topicArn) {
    if (choice.kind !== 'new') throw new AppError('Internal', 'An existing topic has no ARN.');
    checkpoint(opts);
    const sns = await aws.sns(region);
    try {
      const out = await sns.send(new CreateTopicCommand({ Name: choice.name, Tags: [...ALARM_TOPIC_TAGS] }));
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
  const have = new Set(planned.subscribed);
  for (const email of choice.emails) {
    if (have.has(email.toLowerCase())) continue;
    checkpoint(opts);
    journal.subscribed.push(email);
    await subscribeEmail(aws, region, topicArn, email);
    have.add(email.toLowerCase());
  }
  return { topicArn, created, subscriptions: await listSubscriptions(aws, region, topicArn, opts) };
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
