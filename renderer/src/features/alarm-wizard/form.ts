/**
 * The alarm wizard's form as the user fills it, and its pure transitions: a fresh form, the form of
 * an existing alarm, changing metric, regions, topic mode or an email row (pasted lists split into
 * rows). Numbers stay text until validated (./validation.ts).
 */
import type { AlarmSummary } from '../../../../shared/contract/alarms';
import { defaultAlarmPeriodFor } from '../../../../shared/monitoring/alarm-config';
import { NOTIFY_ON, parseTypedNumber, splitEmails, type NotifyOn } from '../../../../shared/monitoring/alarm-inputs';
import type { Comparison, TreatMissing } from '../../../../shared/monitoring/backtest';
import { ALL_USAGE_CLASSES, BILLING_REGION, DEFAULT_USAGE_CLASS, type MetricSpec, type Stat } from '../../../../shared/monitoring/metric';
import { DEFAULT_RANGE, type RangeId } from '../../../../shared/monitoring/range';
import { isSupportedRegion, type SupportedRegion } from '../../../../shared/regions';

/** The wizard's steps, in order. */
export const ALARM_STEPS = ['metric', 'history', 'conditions', 'notification', 'review'] as const;
export type AlarmStep = (typeof ALARM_STEPS)[number];

/** The form as the user fills it (numbers stay text until validated). */
export interface AlarmForm {
  /** Where the alarm is created: one region, or several (all or nothing). */
  regions: SupportedRegion[];
  metricKind: 'vcpu' | 'billing';
  /** A usage class, or `all`. */
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
  notifyOn: NotifyOn[];
  name: string;
  description: string;
}

/** Alarm periods offered (seconds); CloudWatch also takes other multiples of 60, these cover the useful ones. */
export const PERIOD_OPTIONS: ReadonlyArray<{ value: number; label: string }> = [
  { value: 60, label: '1 minute' },
  { value: 300, label: '5 minutes' },
  { value: 900, label: '15 minutes' },
  { value: 3600, label: '1 hour' },
  { value: 21_600, label: '6 hours' },
  { value: 86_400, label: '1 day' },
];

/** CloudWatch's TreatMissingData choices, each saying what it really does (User Guide, "Configuring how CloudWatch alarms treat missing data"). */
export const TREAT_MISSING_OPTIONS: ReadonlyArray<{ value: TreatMissing; label: string; description: string }> = [
  { value: 'missing', label: 'As missing', description: 'Decide on the data there is; INSUFFICIENT_DATA when the whole evaluation range has none.' },
  { value: 'notBreaching', label: 'As not breaching (good)', description: 'Gaps count as within the threshold.' },
  { value: 'breaching', label: 'As breaching (bad)', description: 'Gaps count as over the threshold.' },
  { value: 'ignore', label: 'Ignore (keep the current state)', description: 'Where gaps would decide, the alarm stays in the state it is in.' },
];

/** The notifications offered, in CloudWatch's words. */
export const NOTIFY_OPTIONS: ReadonlyArray<{ value: NotifyOn; label: string; description: string }> = [
  { value: 'alarm', label: 'ALARM', description: 'when usage crosses the threshold' },
  { value: 'ok', label: 'OK', description: 'when it is back below' },
  { value: 'insufficient-data', label: 'INSUFFICIENT_DATA', description: 'when there is no data to decide on' },
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

/** A fresh form in the session's region (when supported), on all usage classes, as the platform's guide asks. */
export function initialAlarmForm(sessionRegion?: string | null): AlarmForm {
  return {
    regions: [sessionRegion && isSupportedRegion(sessionRegion) ? sessionRegion : 'us-east-1'],
    metricKind: 'vcpu',
    usageClass: ALL_USAGE_CLASSES,
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
    notifyOn: ['alarm'],
    name: '',
    description: '',
  };
}

/** The form of an existing alarm, for editing it (creating with the same name updates it in place). */
export function formFromAlarm(alarm: AlarmSummary, region: SupportedRegion): AlarmForm {
  const base = initialAlarmForm(region);
  const topic = alarm.topicArns[0];
  return {
    ...base,
    metricKind: alarm.metric.kind,
    usageClass: alarm.metric.kind === 'vcpu' ? alarm.metric.usageClass : DEFAULT_USAGE_CLASS,
    stat: alarm.stat === 'Average' ? 'Average' : 'Maximum',
    threshold: String(alarm.threshold),
    comparison: alarm.comparisonOperator === 'GreaterThanOrEqualToThreshold' ? 'gte' : 'gt',
    period: alarm.period,
    evaluationPeriods: String(alarm.evaluationPeriods),
    datapointsToAlarm: String(alarm.datapointsToAlarm),
    treatMissing: alarm.treatMissing,
    topicMode: topic ? 'existing' : 'new',
    topicArn: topic ?? '',
    emails: topic ? [] : [''],
    notifyOn: alarm.notifyOn.length ? alarm.notifyOn : ['alarm'],
    name: alarm.alarmName,
    description: alarm.description,
  };
}

/** The metric the form is about. */
export function metricOf(form: AlarmForm): MetricSpec {
  return form.metricKind === 'billing' ? { kind: 'billing' } : { kind: 'vcpu', usageClass: form.usageClass };
}

/** The region whose history the chart and backtest show: the first chosen. */
export function historyRegion(form: AlarmForm): SupportedRegion {
  return form.regions[0] ?? 'us-east-1';
}

/**
 * The form after choosing a metric kind: billing moves to us-east-1 alone (where it only exists) and
 * AWS's recommended 6-hour period; back to vCPU usage, the 5-minute one.
 */
export function withMetricKind(form: AlarmForm, kind: AlarmForm['metricKind']): AlarmForm {
  if (kind === form.metricKind) return form;
  const period = defaultAlarmPeriodFor(kind === 'billing' ? { kind: 'billing' } : { kind: 'vcpu', usageClass: form.usageClass });
  return kind === 'billing' ? { ...form, metricKind: kind, regions: [BILLING_REGION], period } : { ...form, metricKind: kind, period };
}

/** The form after choosing regions: several regions need a new topic (one per region), so an existing topic is let go. */
export function withRegions(form: AlarmForm, regions: SupportedRegion[]): AlarmForm {
  const next = { ...form, regions };
  return regions.length > 1 && form.topicMode === 'existing' ? withTopicMode(next, 'new') : next;
}

/** The form after switching between a new and an existing topic: the other mode's topic and email rows are not carried over. */
export function withTopicMode(form: AlarmForm, mode: AlarmForm['topicMode']): AlarmForm {
  if (mode === form.topicMode) return form;
  return { ...form, topicMode: mode, topicArn: '', emails: mode === 'new' ? [''] : [] };
}

/** The form after typing into email row `i` (kept as typed). */
export function withEmailRow(form: AlarmForm, i: number, text: string): AlarmForm {
  return { ...form, emails: form.emails.map((e, j) => (j === i ? text : e)) };
}

/**
 * The form after pasting into (or leaving) email row `i`: a list of addresses separated by commas,
 * semicolons, spaces or new lines becomes one row per address, in place of the row.
 */
export function withEmailsSplit(form: AlarmForm, i: number, text = form.emails[i] ?? ''): AlarmForm {
  const parts = splitEmails(text);
  if (parts.length < 2) return withEmailRow(form, i, parts[0] ?? text.trim());
  return { ...form, emails: [...form.emails.slice(0, i), ...parts, ...form.emails.slice(i + 1)] };
}

/** The form after ticking or unticking one notification. */
export function withNotifyOn(form: AlarmForm, state: NotifyOn, on: boolean): AlarmForm {
  const set = new Set(form.notifyOn);
  if (on) set.add(state);
  else set.delete(state);
  return { ...form, notifyOn: NOTIFY_ON.filter((s) => set.has(s)) };
}

/** A typed number: plain or with thousands separators ("1,000"), or the text itself (so validation names the problem). */
export function parseNumber(text: string): number | string {
  return parseTypedNumber(text);
}

/** The emails worth sending: trimmed, blank rows left out. */
export function enteredEmails(form: AlarmForm): string[] {
  return form.emails.map((e) => e.trim()).filter((e) => e !== '');
}
