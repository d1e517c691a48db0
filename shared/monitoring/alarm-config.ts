/**
 * What the alarm wizard and `onramp alarm create` ask for, validated before any AWS request.
 * CloudWatch's limits (FACTS.md, "Alarms"): period 10/20/30 s or a multiple of 60; EvaluationPeriods ×
 * Period ≤ 1 day when the period is under an hour, ≤ 7 days otherwise; DatapointsToAlarm ≤
 * EvaluationPeriods. Names: FACTS.md "Naming rules".
 */
import { z } from 'zod';
import { namedString, RegionSchema } from '../contract/common';
import { validateAlarmName, validateEmail, validateTopicName } from '../validation/names';
import { BILLING_REGION, MetricSpecSchema, StatSchema } from './metric';
import { isValidPeriod } from './range';

/** An alarm's threshold: a finite, non-negative number (never a string, NaN or Infinity). */
export const ThresholdSchema = z
  .number({ error: 'Threshold must be a number.' })
  .min(0, { error: 'Threshold must not be negative.' })
  .max(1e15, { error: 'Threshold is implausibly large.' });

/** A period CloudWatch accepts for alarms. */
export const AlarmPeriodSchema = z
  .number({ error: 'Period must be a number of seconds.' })
  .refine(isValidPeriod, { error: 'Period must be 10, 20 or 30 seconds, or a multiple of 60 seconds.' });

/** Greater than / greater than or equal to. */
export const ComparisonSchema = z.enum(['gt', 'gte'], { error: 'Comparison must be gt or gte.' });
/** CloudWatch's TreatMissingData values. */
export const TreatMissingSchema = z.enum(['missing', 'notBreaching', 'breaching', 'ignore'], {
  error: 'Missing data must be treated as missing, notBreaching, breaching or ignore.',
});

/** A positive whole count (evaluation periods, datapoints to alarm). */
const countSchema = (field: string) =>
  z
    .number({ error: `${field} must be a number.` })
    .int({ error: `${field} must be a whole number.` })
    .min(1, { error: `${field} must be at least 1.` })
    .max(100_000, { error: `${field} is far too large.` });

/** arn:aws:sns:<region>:<12 digits>:<topic name>. */
const TOPIC_ARN = /^arn:aws:sns:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):([A-Za-z0-9_-]{1,256})$/;

/** The region of a well-formed SNS topic ARN, or null. */
export function topicArnRegion(arn: string): string | null {
  return TOPIC_ARN.exec(arn)?.[1] ?? null;
}

/** A topic ARN in the documented shape. */
export const TopicArnSchema = z
  .string({ error: 'Topic ARN must be text.' })
  .max(400, { error: 'Topic ARN is far too long.' })
  .regex(TOPIC_ARN, { error: 'Topic ARN must look like arn:aws:sns:us-east-1:123456789012:my-topic.' });

/** Where the alarm sends its notifications. */
export const TopicChoiceSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('existing'),
      arn: TopicArnSchema,
      /** Extra email addresses to subscribe to the existing topic (may be empty). */
      emails: z.array(namedString('Email address', validateEmail, 254)).max(20).default([]),
    })
    .strict(),
  z
    .object({
      kind: z.literal('new'),
      name: namedString('SNS topic name', validateTopicName, 256),
      emails: z
        .array(namedString('Email address', validateEmail, 254))
        .min(1, { error: 'A new topic needs at least one email address.' })
        .max(20, { error: 'At most 20 email addresses at once.' }),
    })
    .strict(),
]);
export type TopicChoice = z.infer<typeof TopicChoiceSchema>;

/** The condition fields shared by the alarm definition and the backtest. */
const conditionFields = {
  stat: StatSchema.default('Maximum'),
  threshold: ThresholdSchema,
  comparison: ComparisonSchema.default('gt'),
  period: AlarmPeriodSchema.default(300),
  evaluationPeriods: countSchema('Evaluation periods').default(1),
  datapointsToAlarm: countSchema('Datapoints to alarm').default(1),
  treatMissing: TreatMissingSchema.default('missing'),
};

type ConditionValues = { period: number; evaluationPeriods: number; datapointsToAlarm: number };

/** CloudWatch's cross-field limits: M ≤ N, and N × period ≤ 1 day (period < 1 h) or 7 days. */
function refineConditions(c: ConditionValues, ctx: z.RefinementCtx): void {
  if (c.datapointsToAlarm > c.evaluationPeriods) {
    ctx.addIssue({
      code: 'custom',
      path: ['datapointsToAlarm'],
      message: `Datapoints to alarm (${c.datapointsToAlarm}) must not exceed evaluation periods (${c.evaluationPeriods}).`,
    });
  }
  const limit = c.period < 3600 ? 86_400 : 7 * 86_400;
  if (c.evaluationPeriods * c.period > limit) {
    ctx.addIssue({
      code: 'custom',
      path: ['evaluationPeriods'],
      message: `Evaluation periods × period is ${c.evaluationPeriods * c.period} s; CloudWatch allows at most ${limit} s (${c.period < 3600 ? '1 day for periods under an hour' : '7 days'}).`,
    });
  }
}

/** The conditions an alarm evaluates (what a backtest replays). */
export const AlarmConditionsSchema = z.object(conditionFields).strict().superRefine(refineConditions);
/** Validated alarm conditions. */
export type AlarmConditions = z.output<typeof AlarmConditionsSchema>;

/** The full alarm definition. */
export const AlarmConfigSchema = z
  .object({
    region: RegionSchema,
    name: namedString('Alarm name', validateAlarmName, 255),
    description: z.string({ error: 'Description must be text.' }).max(1024, { error: 'Description must be at most 1024 characters.' }).default(''),
    metric: MetricSpecSchema,
    ...conditionFields,
    topic: TopicChoiceSchema,
  })
  .strict()
  .superRefine((c, ctx) => {
    refineConditions(c, ctx);
    if (c.topic.kind === 'existing') {
      const region = topicArnRegion(c.topic.arn);
      if (region && region !== c.region) {
        ctx.addIssue({ code: 'custom', path: ['topic', 'arn'], message: `The topic is in ${region} but the alarm is in ${c.region}; an alarm can only notify a topic in its own region.` });
      }
    }
    if (c.metric.kind === 'billing' && c.region !== BILLING_REGION) {
      ctx.addIssue({ code: 'custom', path: ['metric'], message: 'Billing metrics exist only in us-east-1.' });
    }
  });
/** A validated alarm definition (defaults filled in). */
export type AlarmConfig = z.output<typeof AlarmConfigSchema>;
/** An alarm definition as typed (defaults optional). */
export type AlarmConfigInput = z.input<typeof AlarmConfigSchema>;

/** CloudWatch's ComparisonOperator for a comparison. */
export function comparisonOperator(c: 'gt' | 'gte'): 'GreaterThanThreshold' | 'GreaterThanOrEqualToThreshold' {
  return c === 'gte' ? 'GreaterThanOrEqualToThreshold' : 'GreaterThanThreshold';
}

/** The alarm's own price (standard resolution), USD per month. */
export const ALARM_PRICE_PER_MONTH_USD = 0.1;
