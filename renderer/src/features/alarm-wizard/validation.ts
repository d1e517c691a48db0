/**
 * The alarm form checked with the shared schemas (the same main applies), each problem filed under
 * the field and step it belongs to, with the exact reason for typed numbers and email rows.
 */
import { AlarmConfigSchema, type AlarmConfigInput } from '../../../../shared/monitoring/alarm-config';
import { explainEmail, explainNumber } from '../../../../shared/monitoring/alarm-inputs';
import { ALARM_STEPS, enteredEmails, metricOf, parseNumber, type AlarmForm, type AlarmStep } from './form';

/** A message per field path ("threshold", "emails.1", "topic.arn", …). */
export type FieldErrors = Record<string, string>;

function issuesToErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The config alarms:create would get. */
export function toRequest(form: AlarmForm): AlarmConfigInput {
  const emails = enteredEmails(form);
  return {
    regions: form.regions,
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
    notifyOn: form.notifyOn,
  };
}

/** Every problem of the form: the shared AlarmConfigSchema's, with typed numbers and each email row explained exactly. */
export function validateAlarmForm(form: AlarmForm): FieldErrors {
  const parsed = AlarmConfigSchema.safeParse(toRequest(form));
  const errors = parsed.success ? {} : issuesToErrors(parsed.error.issues);
  // Numbers typed as text: say exactly what is wrong rather than "must be a number".
  for (const [key, label] of [
    ['threshold', 'Threshold'],
    ['evaluationPeriods', 'Evaluation periods'],
    ['datapointsToAlarm', 'Datapoints to alarm'],
  ] as const) {
    const problem = explainNumber(form[key], label);
    if (problem) errors[key] = problem;
  }
  // Map schema email indices back to the rows the user typed (blank rows are skipped in the request).
  for (const key of Object.keys(errors)) if (/^topic\.emails\.\d+$/.test(key)) delete errors[key];
  form.emails.forEach((e, i) => {
    const problem = e.trim() === '' ? null : explainEmail(e.trim());
    if (problem) errors[`emails.${i}`] = problem;
  });
  return errors;
}

/** Which step a field's error belongs to. */
export function stepOfField(key: string): AlarmStep {
  if (key === 'regions' || key.startsWith('regions.') || key.startsWith('metric')) return 'metric';
  if (key === 'threshold' || key === 'stat') return 'history';
  if (['comparison', 'period', 'evaluationPeriods', 'datapointsToAlarm', 'treatMissing'].includes(key)) return 'conditions';
  if (key.startsWith('topic') || key.startsWith('emails') || key.startsWith('notifyOn')) return 'notification';
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
