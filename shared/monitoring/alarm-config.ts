/**
 * What the alarm wizard and `onramp alarm create` ask for, validated before any AWS request.
 * CloudWatch's limits (docs/aws-facts.md#cloudwatch-alarms): `AWS/Usage` and `AWS/Billing` are standard-resolution
 * metrics, so the period is a multiple of 60 s (10, 20 and 30 s are for high-resolution metrics
 * only); EvaluationPeriods × Period ≤ 1 day when the period is under an hour, ≤ 7 days otherwise;
 * DatapointsToAlarm ≤ EvaluationPeriods. Names: docs/aws-facts.md#naming-rules.
 *
 * One alarm may be created in several regions at once. An alarm's SNS action must be a topic in the
 * alarm's own region (PutMetricAlarm answers "ValidationError: Invalid region … specified. Only …
 * is supported." for another region's topic), and an email subscription belongs to one topic, so
 * each region gets its own topic of the same name: every address confirms once per region, and
 * never again in a region where it is already subscribed.
 */
import { z } from 'zod';
import { namedString, RegionSchema } from '../contract/common';
import { SUPPORTED_REGIONS } from '../regions';
import { validateAlarmName, validateTopicName } from '../validation/names';
import { numberField, showLimit } from '../validation/numbers';
import { explainEmail, NOTIFY_ON } from './alarm-inputs';
import { TreatMissingSchema } from './evaluation';
import { INSIGHTS_MAX_EVALUATION_SECONDS } from './insights';
import { ALL_USAGE_CLASSES, BILLING_REGION, MetricSpecSchema, StatSchema, type MetricSpec } from './metric';

export { TreatMissingSchema } from './evaluation';

/** The largest threshold accepted: far beyond any vCPU count or bill, small enough to stay an exact number. */
export const MAX_THRESHOLD = 1e15;

/** An alarm's threshold: a finite, non-negative number (never a string, NaN or Infinity). */
export const ThresholdSchema = numberField('Threshold')
  .min(0, { error: 'Threshold is too small: it must not be negative.' })
  .max(MAX_THRESHOLD, { error: `Threshold is too large: at most ${showLimit(MAX_THRESHOLD)}.` });

/** True for a period of a standard-resolution metric: a whole multiple of 60 seconds. */
export function isStandardResolutionPeriod(period: number): boolean {
  return Number.isInteger(period) && period >= 60 && period % 60 === 0;
}

/** A period CloudWatch accepts for alarms on (and queries of) the standard-resolution metrics Onramp watches. */
export const AlarmPeriodSchema = numberField('Period', 'a number of seconds')
  .refine(isStandardResolutionPeriod, {
    error: 'Period must be a multiple of 60 seconds: AWS/Usage and AWS/Billing are standard-resolution metrics (10, 20 and 30 s are for high-resolution metrics only).',
  });

/** The period an alarm or chart of a metric uses unless told otherwise: 5 minutes, 6 hours for billing (AWS's recommendation). */
export function defaultAlarmPeriodFor(metric: MetricSpec): number {
  return metric.kind === 'billing' ? 21_600 : 300;
}

/** Greater than / greater than or equal to. */
export const ComparisonSchema = z.enum(['gt', 'gte'], { error: 'Comparison must be gt or gte.' });

/** When the alarm notifies its topic. */
export const NotifyOnSchema = z.enum(NOTIFY_ON, { error: `Notify on must be one of ${NOTIFY_ON.join(', ')}.` });

/** An email address, with the exact reason when it is not one. */
export const AlarmEmailSchema = namedString('Email address', explainEmail, 254);

/** A positive whole count (evaluation periods, datapoints to alarm). */
const countSchema = (field: string) =>
  numberField(field)
    .int({ error: `${field} must be a whole number.` })
    .min(1, { error: `${field} is too small: at least 1.` })
    .max(100_000, { error: `${field} is too large: at most ${showLimit(100_000)}.` });

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

/** Most email addresses one alarm create subscribes. */
export const MAX_EMAILS = 20;
const tooManyEmails = (issue: { input?: unknown }) =>
  `Too many email addresses: ${Array.isArray(issue.input) ? `${issue.input.length} given, ` : ''}at most ${MAX_EMAILS} at once.`;

/** Where the alarm sends its notifications. */
export const TopicChoiceSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('existing'),
      arn: TopicArnSchema,
      /** Extra email addresses to subscribe to the existing topic (may be empty). */
      emails: z.array(AlarmEmailSchema).max(MAX_EMAILS, { error: tooManyEmails }).default([]),
    })
    .strict(),
  z
    .object({
      kind: z.literal('new'),
      name: namedString('SNS topic name', validateTopicName, 256),
      emails: z
        .array(AlarmEmailSchema)
        .min(1, { error: 'A new topic needs at least one email address.' })
        .max(MAX_EMAILS, { error: tooManyEmails }),
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

/** An alarm name as CloudWatch allows it. */
export const AlarmNameSchema = namedString('Alarm name', validateAlarmName, 255);

/** The regions an alarm is created in: one or more of the supported four, each once. */
export const AlarmRegionsSchema = z
  .array(RegionSchema)
  .min(1, { error: 'Choose at least one region.' })
  .max(SUPPORTED_REGIONS.length)
  .refine((r) => new Set(r).size === r.length, { error: 'Each region may be given only once.' });

/** The full alarm definition. */
export const AlarmConfigSchema = z
  .object({
    regions: AlarmRegionsSchema,
    name: AlarmNameSchema,
    description: z.string({ error: 'Description must be text.' }).max(1024, { error: 'Description must be at most 1024 characters.' }).default(''),
    metric: MetricSpecSchema,
    ...conditionFields,
    topic: TopicChoiceSchema,
    notifyOn: z
      .array(NotifyOnSchema)
      .min(1, { error: 'Choose at least one state to notify on.' })
      .refine((n) => new Set(n).size === n.length, { error: 'Each state may be given only once.' })
      .default(['alarm']),
  })
  .strict()
  .superRefine((c, ctx) => {
    refineConditions(c, ctx);
    if (c.topic.kind === 'existing') {
      const region = topicArnRegion(c.topic.arn);
      if (c.regions.length > 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['topic', 'arn'],
          message: `An existing topic lives in one region, and an alarm can only notify a topic in its own region; for ${c.regions.length} regions choose a new topic, which Onramp creates (or reuses) in each region.`,
        });
      } else if (region && region !== c.regions[0]) {
        ctx.addIssue({ code: 'custom', path: ['topic', 'arn'], message: `The topic is in ${region} but the alarm is in ${c.regions[0]}; an alarm can only notify a topic in its own region.` });
      }
    }
    if (c.metric.kind === 'vcpu' && c.metric.usageClass === ALL_USAGE_CLASSES && c.evaluationPeriods * c.period > INSIGHTS_MAX_EVALUATION_SECONDS) {
      ctx.addIssue({
        code: 'custom',
        path: ['evaluationPeriods'],
        message: `Evaluation periods × period is ${c.evaluationPeriods * c.period} s; an alarm on all usage classes is a Metrics Insights query, which CloudWatch evaluates over at most the latest 3 hours (${INSIGHTS_MAX_EVALUATION_SECONDS} s).`,
      });
    }
    if (c.metric.kind === 'billing' && c.regions.some((r) => r !== BILLING_REGION)) {
      ctx.addIssue({ code: 'custom', path: ['regions'], message: 'Billing metrics exist only in us-east-1.' });
    }
  });
/** A validated alarm definition (defaults filled in). */
export type AlarmConfig = z.output<typeof AlarmConfigSchema>;
/** One region's share of an alarm definition: what PutMetricAlarm is sent there. */
export type RegionalAlarmConfig = Omit<AlarmConfig, 'regions'> & { region: AlarmConfig['regions'][number] };
/** An alarm definition as typed (defaults optional). */
export type AlarmConfigInput = z.input<typeof AlarmConfigSchema>;

/** CloudWatch's ComparisonOperator for a comparison. */
export function comparisonOperator(c: 'gt' | 'gte'): 'GreaterThanThreshold' | 'GreaterThanOrEqualToThreshold' {
  return c === 'gte' ? 'GreaterThanOrEqualToThreshold' : 'GreaterThanThreshold';
}

/** The alarm's own price (standard resolution), USD per month. */
export const ALARM_PRICE_PER_MONTH_USD = 0.1;
