/**
 * The alarm wizard's pure model: the form as typed, its validation with the shared schemas (the
 * same main applies), the backtest over the raw history, and the texts the steps show.
 */
import type { z } from 'zod';
import type { AlarmSummarySchema, UsageHistorySchema } from '../../../../shared/contract/monitoring';
import {
  ALARM_PRICE_PER_MONTH_USD,
  AlarmConditionsSchema,
  AlarmConfigSchema,
  type AlarmConfigInput,
} from '../../../../shared/monitoring/alarm-config';
import { backtest, type BacktestConditions, type BacktestResult, type Comparison, type TreatMissing } from '../../../../shared/monitoring/backtest';
import { BILLING_REGION, DEFAULT_USAGE_CLASS, type MetricSpec, type Stat } from '../../../../shared/monitoring/metric';
import { DEFAULT_RANGE, type RangeId } from '../../../../shared/monitoring/range';
import { thresholdWarnings, typicalValue, type ThresholdWarning } from '../../../../shared/monitoring/threshold';
import { isSupportedRegion, type SupportedRegion } from '../../../../shared/regions';
import { validateEmail } from '../../../../shared/validation/names';

/** A usage:history answer. */
export type UsageHistory = z.infer<typeof UsageHistorySchema>;
/** An alarm as alarms:list returns it. */
export type AlarmSummary = z.infer<typeof AlarmSummarySchema>;

/** The wizard's steps, in order. */
export const ALARM_STEPS = ['metric', 'history', 'conditions', 'notification', 'review'] as const;
export type AlarmStep = (typeof ALARM_STEPS)[number];

/** The form as the user fills it (numbers stay text until validated). */
export interface AlarmForm {
  region: SupportedRegion;
  metricKind: 'vcpu' | 'billing';
  usageClass: string;
  range: RangeId;
  stat: Stat;
  threshold: string;
  comparison: Comparison;
  period: number;
  evaluationPeriods: string;
  datapointsToAlarm: string;
  treatMissing: TreatMissing;
  topicMode: 'existing' | 'new';
  topicArn: string;
  newTopicName: string;
  emails: string[];
  name: string;
  description: string;
}

/** Alarm periods offered (seconds); CloudWatch also takes others, these cover the useful ones. */
export const PERIOD_OPTIONS: ReadonlyArray<{ value: number; label: string }> = [
  { value: 60, label: '1 minute' },
  { value: 300, label: '5 minutes' },
  { value: 900, label: '15 minutes' },
  { value: 3600, label: '1 hour' },
  { value: 21_600, label: '6 hours' },
  { value: 86_400, label: '1 day' },
];

/** Labels of CloudWatch's TreatMissingData choices. */
export const TREAT_MISSING_OPTIONS: ReadonlyArray<{ value: TreatMissing; label: string }> = [
  { value: 'missing', label: 'As missing (keep state)' },
  { value: 'notBreaching', label: 'As not breaching (good)' },
  { value: 'breaching', label: 'As breaching (bad)' },
  { value: 'ignore', label: 'Ignore (keep state)' },
];

/** Range choices with the words the backtest sentence uses. */
export const RANGE_LABELS: Readonly<Record<RangeId, { short: string; phrase: string }>> = {
  '1h': { short: '1 hour', phrase: 'the last hour' },
  '3h': { short: '3 hours', phrase: 'the last 3 hours' },
  '12h': { short: '12 hours', phrase: 'the last 12 hours' },
  '1d': { short: '1 day', phrase: 'the last day' },
  '3d': { short: '3 days', phrase: 'the last 3 days' },
  '1w': { short: '1 week', phrase: 'the last week' },
  '2w': { short: '2 weeks', phrase: 'the last 2 weeks' },
  '30d': { short: '30 days', phrase: 'the last 30 days' },
  '63d': { short: '63 days', phrase: 'the last 63 days' },
};

/** A fresh form in the session's region (when supported). */
export function initialAlarmForm(sessionRegion?: string | null): AlarmForm {
  return {
    region: sessionRegion && isSupportedRegion(sessionRegion) ? sessionRegion : 'us-east-1',
    metricKind: 'vcpu',
    usageClass: DEFAULT_USAGE_CLASS,
    range: DEFAULT_RANGE,
    stat: 'Maximum',
    threshold: '',
    comparison: 'gt',
    period: 300,
    evaluationPeriods: '1',
    datapointsToAlarm: '1',
    treatMissing: 'missing',
    topicMode: 'new',
    topicArn: '',
    newTopicName: '',
    emails: [''],
    name: '',
    description: '',
  };
}

/** The form of an existing alarm, for editing it (creating with the same name updates it in place). */
export function formFromAlarm(alarm: AlarmSummary, region: SupportedRegion): AlarmForm {
  const base = initialAlarmForm(region);
  const known = <T extends string>(value: string, options: readonly T[], fallback: T): T => ((options as readonly string[]).includes(value) ? (value as T) : fallback);
  return {
    ...base,
    metricKind: alarm.metric.kind,
    usageClass: alarm.metric.kind === 'vcpu' ? alarm.metric.usageClass : DEFAULT_USAGE_CLASS,
    stat: known(alarm.stat, ['Maximum', 'Average'] as const, 'Maximum'),
    threshold: String(alarm.threshold),
    comparison: alarm.comparisonOperator === 'GreaterThanOrEqualToThreshold' ? 'gte' : 'gt',
    period: alarm.period,
    evaluationPeriods: String(alarm.evaluationPeriods),
    datapointsToAlarm: String(alarm.datapointsToAlarm),
    treatMissing: known(alarm.treatMissing, ['missing', 'notBreaching', 'breaching', 'ignore'] as const, 'missing'),
    topicMode: alarm.topicArns[0] ? 'existing' : 'new',
    topicArn: alarm.topicArns[0] ?? '',
    emails: alarm.topicArns[0] ? [] : [''],
    name: alarm.alarmName,
    description: alarm.description,
  };
}

/** The metric the form is about. */
export function metricOf(form: AlarmForm): MetricSpec {
  return form.metricKind === 'billing' ? { kind: 'billing' } : { kind: 'vcpu', usageClass: form.usageClass };
}

/** The form after choosing a metric kind: billing moves the region to us-east-1, where it only exists. */
export function withMetricKind(form: AlarmForm, kind: AlarmForm['metricKind']): AlarmForm {
  return kind === 'billing' ? { ...form, metricKind: kind, region: BILLING_REGION } : { ...form, metricKind: kind };
}

/** A typed number: finite and written as a plain decimal, or the text itself (so the schema names the problem). */
export function parseNumber(text: string): number | string {
  const t = text.trim();
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return t;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** A message per field path ("threshold", "topic.emails.1", …). */
export type FieldErrors = Record<string, string>;

function issuesToErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The emails worth sending: trimmed, blank rows left out. */
export function enteredEmails(form: AlarmForm): string[] {
  return form.emails.map((e) => e.trim()).filter((e) => e !== '');
}

/** The request alarms:create would get. */
export function toRequest(form: AlarmForm): AlarmConfigInput {
  const emails = enteredEmails(form);
  return {
    region: form.region,
    name: form.name.trim(),
    description: form.description,
    metric: metricOf(form),
    stat: form.stat,
    threshold: parseNumber(form.threshold) as number,
    comparison: form.comparison,
    period: form.period,
    evaluationPeriods: parseNumber(form.evaluationPeriods) as number,
    datapointsToAlarm: parseNumber(form.datapointsToAlarm) as number,
    treatMissing: form.treatMissing,
    topic: form.topicMode === 'existing' ? { kind: 'existing', arn: form.topicArn, emails } : { kind: 'new', name: form.newTopicName.trim(), emails },
  };
}

/** Every problem of the form, checked with the shared AlarmConfigSchema (plus one line per bad email row). */
export function validateAlarmForm(form: AlarmForm): FieldErrors {
  const parsed = AlarmConfigSchema.safeParse(toRequest(form));
  const errors = parsed.success ? {} : issuesToErrors(parsed.error.issues);
  // Map schema email indices back to the rows the user typed (blank rows are skipped in the request).
  const rows = form.emails.map((e, i) => ({ e: e.trim(), i })).filter((r) => r.e !== '');
  for (const key of Object.keys(errors)) {
    const m = /^topic\.emails\.(\d+)$/.exec(key);
    if (m) {
      const row = rows[Number(m[1])];
      const message = errors[key]!;
      delete errors[key];
      if (row) errors[`emails.${row.i}`] = message;
    }
  }
  form.emails.forEach((e, i) => {
    const problem = e.trim() === '' ? null : validateEmail(e.trim());
    if (problem) errors[`emails.${i}`] ??= problem;
  });
  return errors;
}

/** Which error keys belong to which step. */
export function stepOfField(key: string): AlarmStep {
  if (key === 'region' || key.startsWith('metric')) return 'metric';
  if (key === 'threshold' || key === 'stat') return 'history';
  if (['comparison', 'period', 'evaluationPeriods', 'datapointsToAlarm', 'treatMissing'].includes(key)) return 'conditions';
  if (key.startsWith('topic') || key.startsWith('emails')) return 'notification';
  return 'review';
}

/** The errors of one step. */
export function errorsOfStep(errors: FieldErrors, step: AlarmStep): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([k]) => stepOfField(k) === step));
}

/** True when every step up to and including `step` is valid. */
export function canLeave(errors: FieldErrors, step: AlarmStep): boolean {
  const upto = ALARM_STEPS.slice(0, ALARM_STEPS.indexOf(step) + 1);
  return Object.keys(errors).every((k) => !upto.includes(stepOfField(k)));
}

/** The backtest conditions of the form, or null while any condition field is invalid. */
export function conditionsOf(form: AlarmForm): BacktestConditions | null {
  const parsed = AlarmConditionsSchema.safeParse({
    stat: form.stat,
    threshold: parseNumber(form.threshold),
    comparison: form.comparison,
    period: form.period,
    evaluationPeriods: parseNumber(form.evaluationPeriods),
    datapointsToAlarm: parseNumber(form.datapointsToAlarm),
    treatMissing: form.treatMissing,
  });
  return parsed.success ? parsed.data : null;
}

/** Replay the alarm over the RAW history (never the chart's reduction). */
export function backtestOf(history: UsageHistory, conditions: BacktestConditions): BacktestResult {
  return backtest(history.points, { start: history.start, end: history.end, period: history.period }, conditions);
}

/** "This alarm would have fired 3 times in the last week." */
export function firedSentence(result: BacktestResult, range: RangeId): string {
  const phrase = RANGE_LABELS[range].phrase;
  if (result.breaches === 0) return `This alarm would not have fired in ${phrase}.`;
  return `This alarm would have fired ${result.breaches === 1 ? 'once' : `${result.breaches} times`} in ${phrase}.`;
}

/** The median of a history's raw points, computed once per series (a threshold drag must not re-sort 100k points). */
const typicalCache = new WeakMap<readonly unknown[], Array<{ t: number; v: number }>>();
function typicalSeries(points: UsageHistory['points']): Array<{ t: number; v: number }> {
  let cached = typicalCache.get(points);
  if (!cached) {
    const typical = typicalValue(points);
    cached = typical === null ? [] : [{ t: 0, v: typical }];
    typicalCache.set(points, cached);
  }
  return cached;
}

/**
 * Warnings about the threshold against the raw history and the quota: shared thresholdWarnings,
 * given the history's median as a one-point series (whose median is that value), so the numbers are
 * the CLI's and the sort runs once per history instead of on every threshold move.
 */
export function warningsOf(form: AlarmForm, history: UsageHistory | null): ThresholdWarning[] {
  const t = parseNumber(form.threshold);
  if (typeof t !== 'number' || !history) return [];
  return thresholdWarnings(t, typicalSeries(history.points), form.metricKind === 'vcpu' ? history.quota.value : null);
}

/** "5 minutes", "1 hour", or seconds. */
export function periodLabel(seconds: number): string {
  return PERIOD_OPTIONS.find((p) => p.value === seconds)?.label ?? `${seconds} seconds`;
}

/** A topic's name from its ARN. */
export function topicName(arn: string): string {
  return arn.split(':').pop() ?? arn;
}

/** The preview's rows: label and value, everything the alarm will be. */
export function previewRows(form: AlarmForm): Array<[string, string]> {
  const n = form.evaluationPeriods.trim();
  const m = form.datapointsToAlarm.trim();
  const metric = form.metricKind === 'billing' ? 'AWS/Billing EstimatedCharges (Currency=USD)' : `AWS/Usage ResourceCount — EC2 vCPU, class ${form.usageClass}`;
  const emails = enteredEmails(form);
  const topic =
    form.topicMode === 'existing'
      ? `${topicName(form.topicArn)} (existing)${emails.length ? ` + ${emails.join(', ')}` : ''}`
      : `${form.newTopicName.trim()} (new) → ${emails.join(', ')}`;
  return [
    ['Name', form.name.trim()],
    ['Description', form.description.trim() || '—'],
    ['Region', form.region],
    ['Metric', metric],
    ['Condition', `${form.stat} ${form.comparison === 'gte' ? '≥' : '>'} ${form.threshold.trim()}`],
    ['Period', periodLabel(form.period)],
    ['Datapoints to alarm', `${m} of ${n}`],
    ['Missing data', TREAT_MISSING_OPTIONS.find((o) => o.value === form.treatMissing)?.label ?? form.treatMissing],
    ['Notification', topic],
    ['Price', `$${ALARM_PRICE_PER_MONTH_USD.toFixed(2)} per month (standard alarm)`],
  ];
}

/** A one-time hand-over from the dashboard's "Edit" to the wizard it opens. */
let pendingEdit: AlarmForm | null = null;

/** Ask the next wizard to open prefilled with this form. */
export function requestEdit(form: AlarmForm): void {
  pendingEdit = form;
}

/** The prefilled form the dashboard asked for, once (null afterwards). */
export function takePendingEdit(): AlarmForm | null {
  const form = pendingEdit;
  pendingEdit = null;
  return form;
}
