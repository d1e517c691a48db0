import { describe, expect, it } from 'vitest';
import type { AlarmSummary, UsageHistory } from '../../../shared/contract/monitoring';
import {
  backtestOf,
  canLeave,
  conditionsOf,
  confirmationText,
  errorsOfStep,
  firedSentence,
  formFromAlarm,
  initialAlarmForm,
  insufficientSentence,
  notificationsSentence,
  parseNumber,
  previewRows,
  priceText,
  toRequest,
  topicPlanView,
  transitionsInto,
  validateAlarmForm,
  warningsOf,
  withEmailsSplit,
  withMetricKind,
  withNotifyOn,
  withRegions,
  withTopicMode,
  type AlarmForm,
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
    classes: ['Standard/OnDemand'],
    stat: 'Maximum',
    period: 300,
    start: T0,
    end: T0 + 12 * P5,
    points,
    byClass: [],
    max: 60,
    maxAt: T0 + 9 * P5,
    quota: { quotaCode: 'L-1216C47A', value: 64, note: null },
    suggestion: { value: 57, reason: 'x' },
    notes: [],
  };
}

function valid(): AlarmForm {
  return { ...initialAlarmForm('us-west-2'), usageClass: 'Standard/OnDemand', threshold: '40', newTopicName: 'ops-alerts', emails: ['ops@example.com'], name: 'vcpu-high' };
}

describe('alarm wizard form', () => {
  it('starts in the session region on all usage classes with the issue defaults', () => {
    const f = initialAlarmForm('us-west-2');
    expect(f).toMatchObject({ regions: ['us-west-2'], usageClass: 'all', range: '1w', stat: 'Maximum', period: 300, comparison: 'gt', evaluationPeriods: '1', datapointsToAlarm: '1', notifyOn: ['alarm'] });
    expect(initialAlarmForm('eu-west-1').regions).toEqual(['us-east-1']);
  });

  it('moves billing to us-east-1 alone with the 6-hour period, and back to 5 minutes', () => {
    const billing = withMetricKind({ ...initialAlarmForm('us-west-2'), regions: ['us-west-2', 'us-east-2'] }, 'billing');
    expect(billing).toMatchObject({ metricKind: 'billing', regions: ['us-east-1'], period: 21_600 });
    expect(withMetricKind(billing, 'vcpu')).toMatchObject({ metricKind: 'vcpu', period: 300 });
    const bad = { ...valid(), metricKind: 'billing' as const };
    expect(validateAlarmForm(bad).regions).toBe('Billing metrics exist only in us-east-1.');
  });

  it('several regions let an existing topic go (one topic per region); switching topic mode carries nothing over', () => {
    const existing = { ...valid(), topicMode: 'existing' as const, topicArn: 'arn:aws:sns:us-west-2:123456789012:ops', emails: ['x@example.com'] };
    expect(withRegions(existing, ['us-west-2', 'us-east-1'])).toMatchObject({ topicMode: 'new', topicArn: '', emails: [''] });
    expect(withRegions(existing, ['us-west-2'])).toEqual({ ...existing, regions: ['us-west-2'] });
    expect(withTopicMode(valid(), 'existing')).toMatchObject({ topicMode: 'existing', topicArn: '', emails: [] });
    expect(withTopicMode(existing, 'new')).toMatchObject({ topicMode: 'new', topicArn: '', emails: [''] });
  });

  it('a pasted list of emails becomes one row per address, in place of the row', () => {
    const f = { ...valid(), emails: ['first@example.com', '', 'last@example.com'] };
    expect(withEmailsSplit(f, 1, 'a@example.com, b@example.com;\nc@example.com').emails).toEqual(['first@example.com', 'a@example.com', 'b@example.com', 'c@example.com', 'last@example.com']);
    expect(withEmailsSplit(f, 1, '  one@example.com  ').emails).toEqual(['first@example.com', 'one@example.com', 'last@example.com']);
  });

  it('ticks notifications in CloudWatch order', () => {
    const f = withNotifyOn(withNotifyOn(valid(), 'insufficient-data', true), 'ok', true);
    expect(f.notifyOn).toEqual(['alarm', 'ok', 'insufficient-data']);
    expect(withNotifyOn(f, 'alarm', false).notifyOn).toEqual(['ok', 'insufficient-data']);
  });

  it('parses plain numbers and thousands separators', () => {
    expect(parseNumber(' 42 ')).toBe(42);
    expect(parseNumber('0.5')).toBe(0.5);
    expect(parseNumber('1,000')).toBe(1000);
    expect(parseNumber('12abc')).toBe('12abc');
    expect(parseNumber('')).toBe('');
    expect(parseNumber('Infinity')).toBe('Infinity');
  });

  it('prefills the form from an existing alarm', () => {
    const alarm: AlarmSummary = {
      alarmName: 'vcpu-high',
      alarmArn: 'arn:aws:cloudwatch:us-west-2:123456789012:alarm:vcpu-high',
      state: 'OK',
      stateReason: '',
      stateUpdatedAt: null,
      metric: { kind: 'vcpu', usageClass: 'G/OnDemand' },
      stat: 'Average',
      extendedStatistic: null,
      threshold: 90,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      period: 900,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      treatMissing: 'breaching',
      notifyOn: ['alarm', 'ok'],
      topicArns: ['arn:aws:sns:us-west-2:123456789012:ops'],
      description: 'd',
    };
    const f = formFromAlarm(alarm, 'us-west-2');
    expect(f).toMatchObject({ regions: ['us-west-2'], usageClass: 'G/OnDemand', stat: 'Average', threshold: '90', comparison: 'gte', period: 900, evaluationPeriods: '3', datapointsToAlarm: '2', treatMissing: 'breaching', notifyOn: ['alarm', 'ok'], topicMode: 'existing', topicArn: alarm.topicArns[0], emails: [], name: 'vcpu-high' });
    expect(validateAlarmForm(f)).toEqual({});
  });
});

describe('alarm wizard validation', () => {
  it('validates with the shared schema, says exactly why, and maps errors to steps', () => {
    expect(validateAlarmForm(valid())).toEqual({});
    const f = { ...valid(), threshold: '-1', evaluationPeriods: '2', datapointsToAlarm: '3', emails: ['ok@example.com', '', 'no pe@x'], name: '' };
    const e = validateAlarmForm(f);
    expect(e.threshold).toBe('Threshold is too small: it must not be negative.');
    expect(e.datapointsToAlarm).toMatch(/must not exceed evaluation periods/);
    expect(e['emails.2']).toMatch(/contains spaces/);
    expect(e.name).toBeDefined();
    expect(Object.keys(errorsOfStep(e, 'conditions'))).toEqual(['datapointsToAlarm']);
    expect(canLeave(e, 'metric')).toBe(true);
    expect(canLeave(e, 'history')).toBe(false);
    expect(validateAlarmForm({ ...valid(), threshold: 'abc' }).threshold).toBe('Threshold "abc" is not a number.');
    expect(validateAlarmForm({ ...valid(), threshold: '1 000' }).threshold).toBe('Threshold "1 000" contains spaces.');
    expect(validateAlarmForm({ ...valid(), threshold: '1,000' }).threshold).toBeUndefined();
    expect(validateAlarmForm({ ...valid(), emails: [''] })['topic.emails']).toBe('A new topic needs at least one email address.');
    expect(validateAlarmForm({ ...valid(), regions: [] }).regions).toBe('Choose at least one region.');
    expect(validateAlarmForm({ ...valid(), notifyOn: [] }).notifyOn).toBe('Choose at least one state to notify on.');
    expect(errorsOfStep(validateAlarmForm({ ...valid(), regions: [] }), 'metric')).toHaveProperty('regions');
  });

  it('builds the alarms:create config, leaving blank email rows out', () => {
    expect(toRequest({ ...valid(), threshold: '1,000', emails: ['a@example.com', ' ', 'b@example.com'] })).toMatchObject({
      regions: ['us-west-2'],
      name: 'vcpu-high',
      metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' },
      threshold: 1000,
      period: 300,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      topic: { kind: 'new', name: 'ops-alerts', emails: ['a@example.com', 'b@example.com'] },
      notifyOn: ['alarm'],
    });
  });
});

describe('alarm wizard backtest view', () => {
  it('backtests the raw history with the form conditions (hand-computed)', () => {
    const c = conditionsOf(valid())!;
    const r = backtestOf(history(), c);
    expect(r.episodes).toEqual([
      { start: T0 + 3 * P5, end: T0 + 5 * P5 },
      { start: T0 + 9 * P5, end: T0 + 10 * P5 },
    ]);
    expect(firedSentence(r, '1w')).toBe('This alarm would have fired 2 times in the last week.');
    // 2 of 2 (range 4): only the two-slot spike fires, for one evaluation.
    const r2 = backtestOf(history(), conditionsOf({ ...valid(), evaluationPeriods: '2', datapointsToAlarm: '2' })!);
    expect(r2.episodes).toEqual([{ start: T0 + 4 * P5, end: T0 + 5 * P5 }]);
    expect(firedSentence(r2, '1d')).toBe('This alarm would have fired once in the last day.');
    expect(firedSentence(backtestOf(history(), conditionsOf({ ...valid(), threshold: '60' })!), '3h')).toBe('This alarm would not have fired in the last 3 hours.');
    expect(firedSentence(backtestOf(history(), conditionsOf({ ...valid(), threshold: '60', comparison: 'gte' })!), '3h')).toBe('This alarm would have fired once in the last 3 hours.');
    expect(conditionsOf({ ...valid(), threshold: 'x' })).toBeNull();
    // N = 11 needs a 13-period range: more than the 12 slots there are
    expect(firedSentence(backtestOf(history(), conditionsOf({ ...valid(), evaluationPeriods: '11' })!), '1h')).toMatch(/shorter than one evaluation \(13 periods\)/);
  });

  it('counts the transitions each notification would have sent, and says how long data was missing', () => {
    const h = { ...history(), points: history().points.filter((p) => p.t < T0 + 6 * P5 || p.t >= T0 + 10 * P5) }; // slots 6–9 missing
    const r = backtestOf(h, conditionsOf({ ...valid(), treatMissing: 'missing' })!);
    // range 3, the newest real point in each range decides; ends 2..11:
    // [10 10 10] OK, [10 10 50] ALARM, [10 50 50] ALARM, [50 50 10] OK, [50 10 -] OK, [10 - -] OK, [- - -] ×2 INSUFFICIENT, [- - 10] OK, [- 10 10] OK
    expect(r.timeline.map((e) => e.state)).toEqual(['OK', 'ALARM', 'ALARM', 'OK', 'OK', 'OK', 'INSUFFICIENT_DATA', 'INSUFFICIENT_DATA', 'OK', 'OK']);
    expect(transitionsInto(r)).toEqual({ OK: 3, ALARM: 1, INSUFFICIENT_DATA: 1 });
    expect(notificationsSentence(r, ['alarm'])).toBeNull();
    expect(notificationsSentence(r, ['alarm', 'ok', 'insufficient-data'])).toBe('It would have sent 5 notifications: 1 on ALARM, 3 on OK, 1 on INSUFFICIENT_DATA.');
    expect(insufficientSentence(r)).toBe('It would have been INSUFFICIENT_DATA for 10 minutes in all: no data in the whole evaluation range of 3 periods.');
    expect(insufficientSentence(backtestOf(history(), conditionsOf(valid())!))).toBeNull();
  });

  it('warns above the quota and below normal usage', () => {
    expect(warningsOf({ ...valid(), threshold: '70' }, history()).map((w) => w.kind)).toEqual(['aboveQuota']);
    expect(warningsOf({ ...valid(), threshold: '5' }, history()).map((w) => w.kind)).toEqual(['belowNormal']);
    expect(warningsOf({ ...valid(), threshold: '40' }, history())).toEqual([]);
  });
});

describe('alarm wizard preview', () => {
  it('previews everything including notifications and the alarm price', () => {
    const rows = Object.fromEntries(previewRows({ ...valid(), evaluationPeriods: '3', datapointsToAlarm: '2', notifyOn: ['alarm', 'insufficient-data'] }));
    expect(rows).toMatchObject({
      Name: 'vcpu-high',
      Region: 'us-west-2',
      Condition: 'Maximum > 40',
      Period: '5 minutes',
      'Datapoints to alarm': '2 of 3',
      'Missing data': 'As missing',
      'Notifies on': 'ALARM, INSUFFICIENT_DATA',
      Notification: 'ops-alerts (new) → ops@example.com',
      Price: '$0.10 per month (standard alarm)',
    });
  });

  it('prices all usage classes per class the query reads, and several regions', () => {
    expect(priceText({ ...valid(), usageClass: 'all' })).toBe('$0.10 per month for each usage class the query reads (the classes the account publishes; more as new ones appear)');
    expect(priceText({ ...valid(), regions: ['us-east-1', 'us-west-2', 'us-east-2'] })).toBe('$0.10 per month per region (standard alarm); $0.30 for 3 regions');
  });

  it('counts confirmation emails per address: one per region where it is not subscribed to Onramp\'s topic yet', () => {
    const f = { ...valid(), regions: ['us-east-1', 'us-east-2', 'us-west-2'] as AlarmForm['regions'], emails: ['ops@example.com', 'dev@example.com'] };
    const plan = topicPlanView(f, [
      { region: 'us-east-1', topicArn: 'arn:aws:sns:us-east-1:123456789012:ops-alerts', onramp: true, subscriptions: [{ subscriptionArn: 'x', endpoint: 'OPS@example.com', protocol: 'email', status: 'confirmed' }] },
      { region: 'us-east-2', topicArn: null, onramp: false, subscriptions: [] },
      { region: 'us-west-2', topicArn: 'arn:aws:sns:us-west-2:123456789012:ops-alerts', onramp: false, subscriptions: [] },
    ]);
    expect(plan.conflicts.map((c) => c.region)).toEqual(['us-west-2']);
    expect(plan.reused).toEqual(['us-east-1']);
    expect(plan.created).toEqual(['us-east-2']);
    expect(plan.confirmations).toEqual([
      { email: 'ops@example.com', count: 2, alreadyIn: ['us-east-1'] },
      { email: 'dev@example.com', count: 3, alreadyIn: [] },
    ]);
    expect(confirmationText(plan)).toBe(
      'ops@example.com gets 2 confirmation emails (one per region) (already subscribed in us-east-1); dev@example.com gets 3 confirmation emails (one per region). Nothing is delivered to an address until it clicks the link in each.',
    );
    // an existing topic: one email for an address not subscribed yet, none for one that is
    const existing = topicPlanView({ ...valid(), topicMode: 'existing', topicArn: 'arn:aws:sns:us-west-2:1:t', emails: ['a@example.com', 'b@example.com'] }, null, [
      { subscriptionArn: 'x', endpoint: 'b@example.com', protocol: 'email', status: 'confirmed' },
    ]);
    expect(existing.confirmations.map((c) => c.count)).toEqual([1, 0]);
  });
});
