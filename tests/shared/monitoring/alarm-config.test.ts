import { describe, expect, it } from 'vitest';
import { AlarmConditionsSchema, AlarmConfigSchema, topicArnRegion } from '../../../shared/monitoring/alarm-config';

const VALID = {
  regions: ['us-east-1'],
  name: 'vcpu-high',
  metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' },
  threshold: 1000,
  topic: { kind: 'new', name: 'onramp-alerts', emails: ['ops@example.com'] },
};

function problem(over: Record<string, unknown>): { path: string; message: string } {
  const parsed = AlarmConfigSchema.safeParse({ ...VALID, ...over });
  expect(parsed.success).toBe(false);
  const issue = parsed.error!.issues[0]!;
  return { path: issue.path.map(String).join('.'), message: issue.message };
}

describe('AlarmConfigSchema', () => {
  it('fills CloudWatch-like defaults', () => {
    expect(AlarmConfigSchema.parse(VALID)).toEqual({
      ...VALID,
      description: '',
      stat: 'Maximum',
      comparison: 'gt',
      period: 300,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissing: 'missing',
      notifyOn: ['alarm'],
    });
  });

  it.each([NaN, Infinity, -Infinity, '1000', null, -1])('rejects threshold %s', (threshold) => {
    expect(problem({ threshold }).path).toBe('threshold');
  });

  it('accepts a zero or fractional threshold', () => {
    expect(AlarmConfigSchema.safeParse({ ...VALID, threshold: 0 }).success).toBe(true);
    expect(AlarmConfigSchema.safeParse({ ...VALID, threshold: 12.5 }).success).toBe(true);
  });

  it.each([60, 120, 300, 3600, 21_600])('accepts period %i', (period) => {
    expect(AlarmConfigSchema.safeParse({ ...VALID, period }).success).toBe(true);
  });
  it.each([0, 10, 20, 30, 15, 45, 90, 301, 59.5])('rejects period %s (AWS/Usage and AWS/Billing are standard resolution)', (period) => {
    expect(problem({ period })).toMatchObject({ path: 'period', message: expect.stringContaining('multiple of 60 seconds') });
  });

  it('rejects datapoints to alarm above evaluation periods', () => {
    expect(problem({ evaluationPeriods: 2, datapointsToAlarm: 3 })).toMatchObject({ path: 'datapointsToAlarm', message: expect.stringContaining('must not exceed') });
  });

  it('limits evaluation periods × period to 1 day under an hour, 7 days otherwise', () => {
    expect(AlarmConfigSchema.safeParse({ ...VALID, period: 300, evaluationPeriods: 288 }).success).toBe(true); // 86,400 s
    expect(problem({ period: 300, evaluationPeriods: 289 }).path).toBe('evaluationPeriods');
    expect(AlarmConfigSchema.safeParse({ ...VALID, period: 3600, evaluationPeriods: 168 }).success).toBe(true); // 7 days
    expect(problem({ period: 3600, evaluationPeriods: 169 }).path).toBe('evaluationPeriods');
  });

  it.each([0, 1.5, -2])('rejects evaluation periods %s', (evaluationPeriods) => {
    expect(problem({ evaluationPeriods }).path).toBe('evaluationPeriods');
  });

  it('rejects unknown comparisons and missing-data treatments', () => {
    expect(problem({ comparison: 'lt' }).path).toBe('comparison');
    expect(problem({ treatMissing: 'drop' }).path).toBe('treatMissing');
  });

  it('checks the name and description', () => {
    expect(problem({ name: '' }).path).toBe('name');
    expect(problem({ name: 'bad\nname' }).message).toContain('control characters');
    expect(problem({ description: 'x'.repeat(1025) }).path).toBe('description');
  });

  it('rejects an unsupported region, no region, and a region twice', () => {
    expect(problem({ regions: ['eu-west-1'] }).path).toBe('regions.0');
    expect(problem({ regions: [] }).path).toBe('regions');
    expect(problem({ regions: ['us-east-1', 'us-east-1'] }).path).toBe('regions');
  });

  it('accepts several regions with a new topic, and refuses an existing topic for several regions', () => {
    expect(AlarmConfigSchema.parse({ ...VALID, regions: ['us-east-1', 'us-west-2'] }).regions).toEqual(['us-east-1', 'us-west-2']);
    const p = problem({ regions: ['us-east-1', 'us-west-2'], topic: { kind: 'existing', arn: 'arn:aws:sns:us-east-1:123456789012:alerts' } });
    expect(p).toMatchObject({ path: 'topic.arn', message: expect.stringContaining('choose a new topic') });
  });

  it('notify on: any of alarm, ok, insufficient-data, at least one, each once', () => {
    expect(AlarmConfigSchema.parse({ ...VALID, notifyOn: ['ok', 'insufficient-data'] }).notifyOn).toEqual(['ok', 'insufficient-data']);
    expect(problem({ notifyOn: [] }).path).toBe('notifyOn');
    expect(problem({ notifyOn: ['alarm', 'alarm'] }).path).toBe('notifyOn');
    expect(problem({ notifyOn: ['recovered'] }).path).toBe('notifyOn.0');
  });

  it('all usage classes is a metric choice', () => {
    expect(AlarmConfigSchema.parse({ ...VALID, metric: { kind: 'vcpu', usageClass: 'all' } }).metric).toEqual({ kind: 'vcpu', usageClass: 'all' });
    expect(problem({ metric: { kind: 'vcpu', usageClass: 'everything' } }).path).toBe('metric.usageClass');
  });

  it('accepts an existing topic in the same region, with optional extra emails', () => {
    const arn = 'arn:aws:sns:us-east-1:123456789012:alerts';
    expect(AlarmConfigSchema.parse({ ...VALID, topic: { kind: 'existing', arn } }).topic).toEqual({ kind: 'existing', arn, emails: [] });
  });

  it.each([
    'arn:aws:sns:us-east-1:12345678901:alerts',
    'arn:aws:sqs:us-east-1:123456789012:alerts',
    'arn:aws:sns:us-east-1:123456789012:bad name',
    'alerts',
  ])('rejects malformed topic ARN %s', (arn) => {
    expect(problem({ topic: { kind: 'existing', arn } }).path).toBe('topic.arn');
  });

  it('rejects a topic in another region than the alarm', () => {
    const p = problem({ topic: { kind: 'existing', arn: 'arn:aws:sns:us-west-2:123456789012:alerts' } });
    expect(p).toMatchObject({ path: 'topic.arn', message: expect.stringContaining('us-west-2') });
  });

  it('a new topic needs a valid name and at least one valid email', () => {
    expect(problem({ topic: { kind: 'new', name: 'alerts', emails: [] } }).path).toBe('topic.emails');
    expect(problem({ topic: { kind: 'new', name: 'alerts', emails: ['not-an-email'] } })).toMatchObject({ path: 'topic.emails.0', message: expect.stringContaining('has no @') });
    expect(problem({ topic: { kind: 'new', name: 'bad.name', emails: ['a@example.com'] } }).path).toBe('topic.name');
  });

  it('billing alarms only in us-east-1', () => {
    expect(AlarmConfigSchema.safeParse({ ...VALID, metric: { kind: 'billing' } }).success).toBe(true);
    expect(problem({ regions: ['us-west-2'], metric: { kind: 'billing' } }).path).toBe('regions');
    expect(problem({ regions: ['us-east-1', 'us-west-2'], metric: { kind: 'billing' } }).path).toBe('regions');
  });

  it('rejects unknown fields', () => {
    expect(AlarmConfigSchema.safeParse({ ...VALID, extra: 1 }).success).toBe(false);
  });

  it('an alarm on all usage classes (a Metrics Insights query) evaluates at most the latest 3 hours', () => {
    const all = { metric: { kind: 'vcpu', usageClass: 'all' } };
    expect(AlarmConfigSchema.safeParse({ ...VALID, ...all, period: 300, evaluationPeriods: 36, datapointsToAlarm: 1 }).success).toBe(true);
    expect(problem({ ...all, period: 300, evaluationPeriods: 37, datapointsToAlarm: 1 })).toMatchObject({ path: 'evaluationPeriods', message: expect.stringContaining('at most the latest 3 hours (10800 s)') });
    // One class is a plain metric alarm: a day is fine.
    expect(AlarmConfigSchema.safeParse({ ...VALID, period: 300, evaluationPeriods: 288, datapointsToAlarm: 1 }).success).toBe(true);
  });

  it('out-of-range numbers say too large or too small, Infinity included', () => {
    expect(problem({ threshold: Number.POSITIVE_INFINITY })).toMatchObject({ path: 'threshold', message: 'Threshold is too large.' });
    expect(problem({ threshold: Number.NEGATIVE_INFINITY })).toMatchObject({ path: 'threshold', message: 'Threshold is too small.' });
    expect(problem({ threshold: 2e15 }).message).toBe('Threshold is too large: at most 1,000,000,000,000,000.');
    expect(problem({ threshold: -1 }).message).toBe('Threshold is too small: it must not be negative.');
    expect(problem({ evaluationPeriods: 0 }).message).toBe('Evaluation periods is too small: at least 1.');
    expect(problem({ threshold: 'high' }).message).toBe('Threshold must be a number.');
  });
});

describe('AlarmConditionsSchema and topicArnRegion', () => {
  it('applies the same cross-field limits as the full config', () => {
    expect(AlarmConditionsSchema.safeParse({ threshold: 5, evaluationPeriods: 3, datapointsToAlarm: 2 }).success).toBe(true);
    expect(AlarmConditionsSchema.safeParse({ threshold: 5, evaluationPeriods: 1, datapointsToAlarm: 2 }).success).toBe(false);
  });
  it('reads the region of a topic ARN', () => {
    expect(topicArnRegion('arn:aws:sns:us-west-1:123456789012:t')).toBe('us-west-1');
    expect(topicArnRegion('nope')).toBeNull();
  });
});
