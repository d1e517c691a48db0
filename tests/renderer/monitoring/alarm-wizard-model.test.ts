import { describe, expect, it } from 'vitest';
import {
  backtestOf,
  canLeave,
  conditionsOf,
  errorsOfStep,
  firedSentence,
  formFromAlarm,
  initialAlarmForm,
  parseNumber,
  previewRows,
  requestEdit,
  takePendingEdit,
  toRequest,
  validateAlarmForm,
  warningsOf,
  withMetricKind,
  type AlarmForm,
  type AlarmSummary,
  type UsageHistory,
} from '../../../renderer/src/features/alarm-wizard/model';

const P5 = 300_000;
const T0 = 1_700_000_100_000 - (1_700_000_100_000 % P5);

/** 12 slots of 10 vCPUs with spikes of 50 at slots 3–4 and 60 at slot 9. */
function history(): UsageHistory {
  const points = Array.from({ length: 12 }, (_, i) => ({ t: T0 + i * P5, v: i === 3 || i === 4 ? 50 : i === 9 ? 60 : 10 }));
  return {
    region: 'us-east-1',
    metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' },
    namespace: 'AWS/Usage',
    metricName: 'ResourceCount',
    dimensions: {},
    stat: 'Maximum',
    period: 300,
    start: T0,
    end: T0 + 12 * P5,
    points,
    max: 60,
    maxAt: T0 + 9 * P5,
    quota: { quotaCode: 'L-1216C47A', value: 64, note: null },
    suggestion: { value: 57, reason: 'x' },
    notes: [],
  };
}

function valid(): AlarmForm {
  return { ...initialAlarmForm('us-west-2'), threshold: '40', newTopicName: 'ops-alerts', emails: ['ops@example.com'], name: 'vcpu-high' };
}

describe('alarm wizard model', () => {
  it('starts in the session region with the issue defaults', () => {
    const f = initialAlarmForm('us-west-2');
    expect(f).toMatchObject({ region: 'us-west-2', range: '1w', stat: 'Maximum', period: 300, comparison: 'gt', evaluationPeriods: '1', datapointsToAlarm: '1' });
    expect(initialAlarmForm('eu-west-1').region).toBe('us-east-1');
  });

  it('moves billing to us-east-1', () => {
    expect(withMetricKind(initialAlarmForm('us-west-2'), 'billing')).toMatchObject({ metricKind: 'billing', region: 'us-east-1' });
    const bad = { ...valid(), metricKind: 'billing' as const };
    expect(validateAlarmForm(bad).metric).toBe('Billing metrics exist only in us-east-1.');
  });

  it('parses only plain numbers', () => {
    expect(parseNumber(' 42 ')).toBe(42);
    expect(parseNumber('0.5')).toBe(0.5);
    expect(parseNumber('12abc')).toBe('12abc');
    expect(parseNumber('')).toBe('');
    expect(parseNumber('Infinity')).toBe('Infinity');
  });

  it('validates with the shared schema and maps errors to steps', () => {
    expect(validateAlarmForm(valid())).toEqual({});
    const f = { ...valid(), threshold: '-1', evaluationPeriods: '2', datapointsToAlarm: '3', emails: ['ok@example.com', '', 'nope'], name: '' };
    const e = validateAlarmForm(f);
    expect(e.threshold).toBe('Threshold must not be negative.');
    expect(e.datapointsToAlarm).toMatch(/must not exceed evaluation periods/);
    expect(e['emails.2']).toBeDefined();
    expect(e.name).toBeDefined();
    expect(Object.keys(errorsOfStep(e, 'conditions'))).toEqual(['datapointsToAlarm']);
    expect(canLeave(e, 'metric')).toBe(true);
    expect(canLeave(e, 'history')).toBe(false);
    expect(validateAlarmForm({ ...valid(), threshold: 'abc' }).threshold).toBe('Threshold must be a number.');
    expect(validateAlarmForm({ ...valid(), emails: [''] })['topic.emails']).toBe('A new topic needs at least one email address.');
  });

  it('builds the alarms:create request, leaving blank email rows out', () => {
    expect(toRequest({ ...valid(), emails: ['a@example.com', ' ', 'b@example.com'] })).toMatchObject({
      region: 'us-west-2',
      name: 'vcpu-high',
      metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' },
      threshold: 40,
      period: 300,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      topic: { kind: 'new', name: 'ops-alerts', emails: ['a@example.com', 'b@example.com'] },
    });
  });

  it('backtests the raw history with the form conditions (hand-computed)', () => {
    const c = conditionsOf(valid())!;
    const r = backtestOf(history(), c);
    expect(r.episodes).toEqual([
      { start: T0 + 3 * P5, end: T0 + 5 * P5 },
      { start: T0 + 9 * P5, end: T0 + 10 * P5 },
    ]);
    expect(firedSentence(r, '1w')).toBe('This alarm would have fired 2 times in the last week.');
    // 2 of 2: only the two-slot spike fires, for one evaluation.
    const r2 = backtestOf(history(), conditionsOf({ ...valid(), evaluationPeriods: '2', datapointsToAlarm: '2' })!);
    expect(r2.episodes).toEqual([{ start: T0 + 4 * P5, end: T0 + 5 * P5 }]);
    expect(firedSentence(r2, '1d')).toBe('This alarm would have fired once in the last day.');
    expect(firedSentence(backtestOf(history(), conditionsOf({ ...valid(), threshold: '60' })!), '3h')).toBe('This alarm would not have fired in the last 3 hours.');
    expect(firedSentence(backtestOf(history(), conditionsOf({ ...valid(), threshold: '60', comparison: 'gte' })!), '3h')).toBe('This alarm would have fired once in the last 3 hours.');
    expect(conditionsOf({ ...valid(), threshold: 'x' })).toBeNull();
  });

  it('warns above the quota and below normal usage', () => {
    expect(warningsOf({ ...valid(), threshold: '70' }, history()).map((w) => w.kind)).toEqual(['aboveQuota']);
    expect(warningsOf({ ...valid(), threshold: '5' }, history()).map((w) => w.kind)).toEqual(['belowNormal']);
    expect(warningsOf({ ...valid(), threshold: '40' }, history())).toEqual([]);
  });

  it('previews everything including the alarm price', () => {
    const rows = Object.fromEntries(previewRows({ ...valid(), evaluationPeriods: '3', datapointsToAlarm: '2' }));
    expect(rows).toMatchObject({
      Name: 'vcpu-high',
      Region: 'us-west-2',
      Condition: 'Maximum > 40',
      Period: '5 minutes',
      'Datapoints to alarm': '2 of 3',
      Notification: 'ops-alerts (new) → ops@example.com',
      Price: '$0.10 per month (standard alarm)',
    });
  });

  it('prefills the form from an existing alarm and hands it over once', () => {
    const alarm: AlarmSummary = {
      alarmName: 'vcpu-high',
      alarmArn: 'arn:aws:cloudwatch:us-west-2:123456789012:alarm:vcpu-high',
      state: 'OK',
      stateReason: '',
      stateUpdatedAt: null,
      metric: { kind: 'vcpu', usageClass: 'G/OnDemand' },
      stat: 'Average',
      threshold: 90,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      period: 900,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      treatMissing: 'breaching',
      topicArns: ['arn:aws:sns:us-west-2:123456789012:ops'],
      description: 'd',
    };
    const f = formFromAlarm(alarm, 'us-west-2');
    expect(f).toMatchObject({ usageClass: 'G/OnDemand', stat: 'Average', threshold: '90', comparison: 'gte', period: 900, evaluationPeriods: '3', datapointsToAlarm: '2', treatMissing: 'breaching', topicMode: 'existing', topicArn: alarm.topicArns[0], emails: [], name: 'vcpu-high' });
    expect(validateAlarmForm(f)).toEqual({});
    requestEdit(f);
    expect(takePendingEdit()).toBe(f);
    expect(takePendingEdit()).toBeNull();
  });
});
