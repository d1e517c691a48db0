/** The topics domain: SNS topics in a region, a name looked up across regions, subscriptions and resending a confirmation. */
import { z } from 'zod';
import { TopicArnSchema, AlarmRegionsSchema, topicArnRegion } from '../monitoring/alarm-config';
import { validateEmail, validateTopicName } from '../validation/names';
import { namedString, RegionRequestSchema, RegionSchema } from './common';
import type { ContractEntry } from './entry';
import type { TOPICS_CHANNELS } from './topics.channels';

/** One subscription of a topic. */
export const SubscriptionSchema = z.object({
  /** Null while the subscription waits for confirmation. */
  subscriptionArn: z.string().nullable(),
  endpoint: z.string(),
  protocol: z.string(),
  status: z.enum(['pending', 'confirmed']),
});
/** One subscription of a topic, as shown to the user. */
export type SubscriptionSummary = z.output<typeof SubscriptionSchema>;

/** An SNS topic in a region. */
export const TopicSummarySchema = z.object({ topicArn: z.string(), name: z.string() });
export type TopicSummary = z.output<typeof TopicSummarySchema>;

/** What one region holds under a topic name: nothing, Onramp's own alarm topic, or someone else's topic. */
export const TopicLookupSchema = z.object({
  region: RegionSchema,
  topicArn: z.string().nullable(),
  /** True when the topic was made by Onramp for alarm notifications (it is then reused, never duplicated). */
  onramp: z.boolean(),
  subscriptions: z.array(SubscriptionSchema),
});
export type TopicLookup = z.output<typeof TopicLookupSchema>;

/** A topic ARN must be in the request's region: SNS clients are regional. */
function topicInRegion(req: { region: string; topicArn: string }, ctx: z.RefinementCtx): void {
  const region = topicArnRegion(req.topicArn);
  if (region && region !== req.region) {
    ctx.addIssue({ code: 'custom', path: ['topicArn'], message: `The topic is in ${region}, not ${req.region}.` });
  }
}

/** Contract entries for the topics channels. */
export const topicsContract = {
  'topics:list': {
    doc: 'The SNS topics in a region.',
    request: RegionRequestSchema,
    response: z.array(TopicSummarySchema),
  },
  'topics:lookup': {
    doc: 'Per region: whether a topic of this name exists, whether Onramp made it for alarms, and its subscriptions (before a new topic is chosen).',
    request: z.object({ regions: AlarmRegionsSchema, name: namedString('SNS topic name', validateTopicName, 256) }).strict(),
    response: z.array(TopicLookupSchema),
  },
  'topics:subscriptions': {
    doc: 'A topic\'s subscriptions with their status (pending confirmation or confirmed).',
    request: z.object({ region: RegionSchema, topicArn: TopicArnSchema }).strict().superRefine(topicInRegion),
    response: z.array(SubscriptionSchema),
  },
  'topics:resend': {
    doc: 'Send a pending email subscription\'s confirmation again (a confirmed one is left alone).',
    request: z
      .object({ region: RegionSchema, topicArn: TopicArnSchema, endpoint: namedString('Email address', validateEmail, 254) })
      .strict()
      .superRefine(topicInRegion),
    response: SubscriptionSchema,
  },
} satisfies Record<(typeof TOPICS_CHANNELS)[number], ContractEntry>;
