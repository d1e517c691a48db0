import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { contextForProfile } from '../../main/core/profiles/session';
import { ConfigurationStore } from '../../main/core/store/configurations';
import { createInvoker, createSessionHolder } from '../../main/handlers';
import * as names from '../../shared/validation/names';
import { awsTestEnv } from '../helpers/moto';
import { startRequestCounter, type RequestCounter } from '../helpers/request-counter';

// A corpus of hostile and malformed inputs for every field of the setup and alarm forms, for IPC
// payloads of the wrong shape, size or type, and for CLI arguments. Each must be rejected with a
// message naming the field and saying what is allowed — and no request may reach AWS. Requests are
// counted at the HTTP layer: AWS_ENDPOINT_URL points at a loopback server that counts every one.

const SETUP = {
  name: 'prod',
  region: 'us-east-1',
  bucketName: 'acme-bodo-state',
  tableName: 'acme-bodo-locks',
  roleName: 'BodoPlatformUser',
  externalId: 'abc-123',
  platformAccountId: '481633624848',
};
const ALARM = {
  regions: ['us-east-1'],
  name: 'vcpu-high',
  metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' },
  threshold: 1000,
  topic: { kind: 'new', name: 'alerts', emails: ['ops@example.com'] },
};
const HUGE = 'x'.repeat(20_000);

interface IpcCase {
  label: string;
  channel: string;
  payload: unknown;
  /** The field the error must name (error.field contains it, or the message mentions it). */
  field: RegExp;
  /** What the message must say is allowed. */
  says: RegExp;
}

const setupCase = (label: string, field: keyof typeof SETUP, value: unknown, says: RegExp): IpcCase => ({
  label: `setup ${field}: ${label}`,
  channel: 'setup:plan',
  payload: { ...SETUP, [field]: value },
  field: new RegExp(field),
  says,
});
const alarmCase = (label: string, patch: Record<string, unknown>, field: RegExp, says: RegExp): IpcCase => ({
  label: `alarm: ${label}`,
  channel: 'alarms:create',
  payload: { config: { ...ALARM, ...patch } },
  field,
  says,
});

const IPC_CASES: IpcCase[] = [
  // S3 bucket name
  setupCase('one below the minimum length', 'bucketName', 'ab', /3–63 characters/),
  setupCase('one past the maximum length', 'bucketName', 'a'.repeat(64), /3–63 characters/),
  setupCase('uppercase', 'bucketName', 'Acme-bodo', /lowercase letters/),
  setupCase('underscore', 'bucketName', 'acme_bodo', /lowercase letters/),
  setupCase('leading hyphen', 'bucketName', '-acme-bodo', /start and end/),
  setupCase('trailing dot', 'bucketName', 'acme-bodo.', /start and end/),
  setupCase('adjacent dots', 'bucketName', 'acme..bodo', /adjacent dots/),
  setupCase('IP-shaped', 'bucketName', '192.168.5.4', /IP address/),
  setupCase('prefix xn--', 'bucketName', 'xn--acme', /reserved prefix "xn--"/),
  setupCase('prefix sthree-', 'bucketName', 'sthree-acme', /reserved prefix "sthree-"/),
  setupCase('prefix amzn-s3-demo-', 'bucketName', 'amzn-s3-demo-acme', /reserved prefix "amzn-s3-demo-"/),
  setupCase('suffix -s3alias', 'bucketName', 'acme-s3alias', /reserved suffix "-s3alias"/),
  setupCase('suffix --ol-s3', 'bucketName', 'acme--ol-s3', /reserved suffix "--ol-s3"/),
  setupCase('suffix .mrap', 'bucketName', 'acme.mrap', /reserved suffix ".mrap"/),
  setupCase('suffix --x-s3', 'bucketName', 'acme--x-s3', /reserved suffix "--x-s3"/),
  setupCase('Cyrillic look-alike a', 'bucketName', 'аcme-bodo', /lowercase letters/),
  setupCase('NUL byte', 'bucketName', 'acme\u0000bodo', /lowercase letters/),
  setupCase('JSON-breaking quote', 'bucketName', 'acme"},{"x', /lowercase letters/),
  setupCase('$$ placeholder', 'bucketName', '$$BUCKET_NAME$$', /lowercase letters/),
  setupCase('enormous string', 'bucketName', HUGE, /far too long|too large/),
  setupCase('a number', 'bucketName', 42, /must be text/),
  setupCase('null', 'bucketName', null, /must be text/),
  setupCase('an array', 'bucketName', ['acme'], /must be text/),
  // DynamoDB table name
  setupCase('one below the minimum length', 'tableName', 'ab', /3–255 characters/),
  setupCase('one past the maximum length', 'tableName', 'a'.repeat(256), /3–255 characters/),
  setupCase('space', 'tableName', 'acme locks', /letters A–Z/),
  setupCase('slash', 'tableName', 'acme/locks', /letters A–Z/),
  setupCase('Cyrillic letters', 'tableName', 'Таблица-locks', /letters A–Z/),
  setupCase('newline', 'tableName', 'locks\nid', /letters A–Z/),
  setupCase('$$ placeholder', 'tableName', '$$DYNAMO_ARN$$', /letters A–Z/),
  setupCase('JSON-breaking', 'tableName', '"}]}', /letters A–Z/),
  setupCase('a number', 'tableName', 123, /must be text/),
  // IAM role name
  setupCase('empty', 'roleName', '', /1–64 characters/),
  setupCase('one past the maximum length', 'roleName', 'R'.repeat(65), /1–64 characters/),
  setupCase('space', 'roleName', 'Bodo Platform', /letters, digits and \+ = , \. @ _ -/),
  setupCase('slash (a path, not a name)', 'roleName', 'Bodo/Platform', /letters, digits/),
  setupCase('tab', 'roleName', 'Bodo\tUser', /letters, digits/),
  setupCase('fullwidth look-alike', 'roleName', 'BodoＰlatform', /letters, digits/),
  // External ID
  setupCase('one below the minimum length', 'externalId', 'a', /2–1224 characters/),
  setupCase('one past the maximum length', 'externalId', 'e'.repeat(1225), /2–1224 characters/),
  setupCase('space', 'externalId', 'ext id', /letters, digits and \+ = , \. @ : \/ _ -/),
  setupCase('quote', 'externalId', 'ext"id', /letters, digits/),
  setupCase('$$ placeholder', 'externalId', 'ext$$DYNAMO_ARN$$', /letters, digits/),
  setupCase('right-to-left override', 'externalId', 'ext\u202eid', /letters, digits/),
  setupCase('bell control character', 'externalId', 'ext\u0007id', /letters, digits/),
  // Platform account
  setupCase('11 digits', 'platformAccountId', '48163362484', /exactly 12 digits/),
  setupCase('13 digits', 'platformAccountId', '4816336248480', /exactly 12 digits/),
  setupCase('letter inside', 'platformAccountId', '48163362484a', /exactly 12 digits/),
  setupCase('fullwidth digits', 'platformAccountId', '４８１６３３６２４８４８', /exactly 12 digits/),
  setupCase('a number, not a string', 'platformAccountId', 481633624848, /must be text/),
  // Configuration name
  setupCase('empty', 'name', '', /1–64 characters/),
  setupCase('one past the maximum length', 'name', 'n'.repeat(65), /1–64 characters/),
  setupCase('NUL byte', 'name', 'prod\u0000', /control characters/),
  setupCase('header injection', 'name', 'prod\r\nX-Injected: 1', /control characters/),
  // A leading or trailing space is trimmed (issue 13: forgiving input, tests/shared/validation/forgiving.test.ts); one inside is not.
  setupCase('tab inside', 'name', 'pro\td', /control characters/),
  setupCase('quote', 'name', 'prod"', /letters, digits, spaces/),
  setupCase('$$ placeholder', 'name', '$$BUCKET_NAME$$', /letters, digits, spaces/),
  // Region
  setupCase('unsupported region', 'region', 'eu-west-1', /us-east-1, us-east-2, us-west-1, us-west-2/),
  setupCase('uppercase region', 'region', 'US-EAST-1', /us-east-1, us-east-2/),
  setupCase('trailing space', 'region', 'us-east-1 ', /us-east-1, us-east-2/),
  setupCase('GovCloud', 'region', 'us-gov-west-1', /us-east-1, us-east-2/),
  setupCase('a number', 'region', 1, /us-east-1, us-east-2/),
  // Wrong shapes, sizes and types on the IPC layer
  { label: 'unknown extra key', channel: 'setup:plan', payload: { ...SETUP, injected: true }, field: /injected|request/, says: /injected/ },
  { label: 'payload is a string', channel: 'setup:plan', payload: 'setup everything', field: /.*/, says: /object/i },
  { label: 'payload is an array', channel: 'setup:plan', payload: [SETUP], field: /.*/, says: /object/i },
  { label: 'missing fields', channel: 'setup:plan', payload: {}, field: /name/, says: /text/ },
  { label: 'oversized payload', channel: 'setup:plan', payload: { ...SETUP, bucketName: 'y'.repeat(70_000) }, field: /request/, says: /at most 65536/ },
  { label: 'unknown channel', channel: 'setup:nuke', payload: {}, field: /channel/, says: /Unknown channel/ },
  { label: '__proto__ as channel', channel: '__proto__', payload: {}, field: /channel/, says: /Unknown channel/ },
  { label: 'connect: empty profile', channel: 'session:connect', payload: { profile: '' }, field: /profile/, says: /must not be empty/ },
  { label: 'connect: enormous profile', channel: 'session:connect', payload: { profile: 'p'.repeat(129) }, field: /profile/, says: /at most 128/ },
  { label: 'connect: control char in profile', channel: 'session:connect', payload: { profile: 'dev\n' }, field: /profile/, says: /control characters/ },
  { label: 'connect: 5-digit MFA code', channel: 'session:connect', payload: { profile: 'dev', mfaCode: '12345' }, field: /mfaCode/, says: /exactly 6 digits/ },
  { label: 'connect: MFA code as number', channel: 'session:connect', payload: { profile: 'dev', mfaCode: 123456 }, field: /mfaCode/, says: /string|text/i },
  { label: 'connect: unsupported region', channel: 'session:connect', payload: { profile: 'dev', region: 'ap-south-1' }, field: /region/, says: /us-east-1/ },
  { label: 'keys: empty access key ID', channel: 'session:connect-keys', payload: { accessKeyId: '', secretAccessKey: 'x' }, field: /accessKeyId/, says: /Enter the access key ID/ },
  { label: 'keys: access key ID with a space inside', channel: 'session:connect-keys', payload: { accessKeyId: 'AKIA 123', secretAccessKey: 'x' }, field: /accessKeyId/, says: /contains spaces/ },
  { label: 'keys: secret with a line break inside', channel: 'session:connect-keys', payload: { accessKeyId: 'AKIA123', secretAccessKey: 'ab\ncd' }, field: /secretAccessKey/, says: /line break/ },
  { label: 'keys: enormous secret', channel: 'session:connect-keys', payload: { accessKeyId: 'AKIA123', secretAccessKey: 's'.repeat(400) }, field: /secretAccessKey/, says: /far too long/ },
  { label: 'keys: secret as a number', channel: 'session:connect-keys', payload: { accessKeyId: 'AKIA123', secretAccessKey: 42 }, field: /secretAccessKey/, says: /text/ },
  { label: 'keys: unknown extra key', channel: 'session:connect-keys', payload: { accessKeyId: 'a', secretAccessKey: 'b', profile: 'x' }, field: /.*/, says: /profile/ },
  { label: 'save profile: enormous name', channel: 'session:save-profile', payload: { name: 'n'.repeat(300) }, field: /name/, says: /far too long/ },
  { label: 'sso: control char in profile', channel: 'sso:sign-in', payload: { profile: 'corp\u0007' }, field: /profile/, says: /control characters/ },
  { label: 'sso: enormous sign-in id', channel: 'sso:progress', payload: { signInId: 'i'.repeat(101) }, field: /signInId/, says: /100/ },
  { label: 'destroy: enormous confirmation', channel: 'setup:destroy', payload: { name: 'prod', confirmation: 'c'.repeat(65) }, field: /confirmation/, says: /64/ },
  { label: 'progress: enormous job id', channel: 'setup:progress', payload: { jobId: 'j'.repeat(101) }, field: /jobId/, says: /100/ },
  // Alarm form
  alarmCase('threshold NaN', { threshold: NaN }, /threshold/, /number/i),
  alarmCase('threshold Infinity', { threshold: Infinity }, /threshold/, /number|finite|large/i),
  alarmCase('threshold -Infinity', { threshold: -Infinity }, /threshold/, /too small/i),
  alarmCase('threshold negative', { threshold: -1 }, /threshold/, /not be negative/),
  alarmCase('threshold as a string', { threshold: '1000' }, /threshold/, /must be a number/),
  alarmCase('threshold in exponent string', { threshold: '1e3' }, /threshold/, /must be a number/),
  alarmCase('threshold null', { threshold: null }, /threshold/, /must be a number/),
  alarmCase('threshold absurd', { threshold: 1e16 }, /threshold/, /too large/),
  alarmCase('period 45 s', { period: 45 }, /period/, /multiple of 60 seconds/),
  alarmCase('period 0', { period: 0 }, /period/, /multiple of 60/),
  alarmCase('period 90.5', { period: 90.5 }, /period/, /multiple of 60/),
  alarmCase('period as string', { period: '300' }, /period/, /number of seconds/),
  alarmCase('evaluation periods 0', { evaluationPeriods: 0 }, /evaluationPeriods/, /at least 1/),
  alarmCase('evaluation periods fractional', { evaluationPeriods: 1.5 }, /evaluationPeriods/, /whole number/),
  alarmCase('N × period beyond a day', { period: 300, evaluationPeriods: 289, datapointsToAlarm: 1 }, /evaluationPeriods/, /at most 86400 s/),
  alarmCase('M greater than N', { evaluationPeriods: 2, datapointsToAlarm: 3 }, /datapointsToAlarm/, /must not exceed evaluation periods/),
  alarmCase('comparison lt', { comparison: 'lt' }, /comparison/, /gt or gte/),
  alarmCase('treat missing zero', { treatMissing: 'zero' }, /treatMissing/, /missing, notBreaching, breaching or ignore/),
  alarmCase('empty name', { name: '' }, /name/, /1–255 characters/),
  alarmCase('name one past the limit', { name: 'a'.repeat(256) }, /name/, /1–255 characters/),
  alarmCase('name with NUL', { name: 'alarm\u0000' }, /name/, /control characters/),
  alarmCase('name with terminal escape', { name: 'alarm\u001b[31m' }, /name/, /control characters/),
  alarmCase('description too long', { description: 'd'.repeat(1025) }, /description/, /at most 1024/),
  alarmCase('unsupported region', { regions: ['eu-central-1'] }, /regions/, /us-east-1, us-east-2/),
  alarmCase('region given twice', { regions: ['us-east-1', 'us-east-1'] }, /regions/, /only once/),
  alarmCase('billing outside us-east-1', { regions: ['us-west-2'], metric: { kind: 'billing' } }, /regions/, /only in us-east-1/),
  alarmCase('period of 10 s (high resolution only)', { period: 10 }, /period/, /standard-resolution/),
  alarmCase('notify on an unknown state', { notifyOn: ['recovered'] }, /notifyOn/, /alarm, ok, insufficient-data/),
  alarmCase('usage class with spaces', { metric: { kind: 'vcpu', usageClass: 'Standard OnDemand; rm -rf' } }, /metric|usageClass/, /.+/),
  alarmCase('topic name with space', { topic: { kind: 'new', name: 'my alerts', emails: ['ops@example.com'] } }, /topic/, /letters, digits, hyphens/),
  alarmCase('topic name one past the limit', { topic: { kind: 'new', name: 't'.repeat(257), emails: ['ops@example.com'] } }, /topic/, /1–256 characters/),
  alarmCase('new topic without emails', { topic: { kind: 'new', name: 'alerts', emails: [] } }, /topic/, /at least one email/),
  alarmCase('malformed email', { topic: { kind: 'new', name: 'alerts', emails: ['not-an-email'] } }, /topic/, /has no @/),
  alarmCase('email with header injection', { topic: { kind: 'new', name: 'alerts', emails: ['ops@example.com\r\nBcc: x@y.z'] } }, /topic/, /contains spaces/),
  alarmCase('email with look-alike domain', { topic: { kind: 'new', name: 'alerts', emails: ['ops@exаmple.com'] } }, /topic/, /characters an address cannot have: "а"/),
  alarmCase('too many emails', { topic: { kind: 'new', name: 'alerts', emails: Array.from({ length: 21 }, (_, i) => `o${i}@example.com`) } }, /topic/, /at most 20/i),
  alarmCase('topic ARN for another region', { topic: { kind: 'existing', arn: 'arn:aws:sns:us-west-2:123456789012:alerts' } }, /topic/, /can only notify a topic in its own region/),
  alarmCase('topic ARN with short account', { topic: { kind: 'existing', arn: 'arn:aws:sns:us-east-1:12345:alerts' } }, /topic/, /arn:aws:sns:us-east-1:123456789012:my-topic/),
  alarmCase('SQS ARN as topic', { topic: { kind: 'existing', arn: 'arn:aws:sqs:us-east-1:123456789012:q' } }, /topic/, /arn:aws:sns/),
  { label: 'resend: malformed endpoint', channel: 'topics:resend', payload: { region: 'us-east-1', topicArn: 'arn:aws:sns:us-east-1:123456789012:alerts', endpoint: 'ops@' }, field: /endpoint/, says: /valid address/ },
  { label: 'dashboard: unsupported region', channel: 'dashboard:summary', payload: { regions: ['eu-west-1'] }, field: /regions/, says: /us-east-1/ },
  { label: 'dashboard: no regions', channel: 'dashboard:summary', payload: { regions: [] }, field: /regions/, says: /.+/ },
  { label: 'history: unknown range', channel: 'usage:history', payload: { region: 'us-east-1', range: '1y' }, field: /range/, says: /1h/ },
  { label: 'history: period as NaN', channel: 'usage:history', payload: { region: 'us-east-1', period: NaN }, field: /period/, says: /number/i },
  { label: 'permissions: IP-shaped bucket', channel: 'readiness:permissions', payload: { region: 'us-east-1', bucketName: '10.0.0.1', tableName: 'acme-lock', roleName: 'R' }, field: /bucketName/, says: /IP address/i },
  { label: 'permissions: $$ in role name', channel: 'readiness:permissions', payload: { region: 'us-east-1', bucketName: 'acme-state', tableName: 'acme-lock', roleName: 'Role$$' }, field: /roleName/, says: /.+/ },
  { label: 'permissions: unsupported region', channel: 'readiness:permissions', payload: { region: 'eu-central-1', bucketName: 'acme-state', tableName: 'acme-lock', roleName: 'R' }, field: /region/, says: /us-east-1/ },
];

interface CliCase {
  label: string;
  argv: string[];
  flag: RegExp;
}
const SETUP_ARGS = ['--profile', 'default', '--region', 'us-east-1', '--name', 'prod', '--bucket', 'acme-bodo-state', '--table', 'acme-bodo-locks', '--external-id', 'abc-123'];
const withArg = (argv: string[], flag: string, value: string) => {
  const i = argv.indexOf(flag);
  return i >= 0 ? [...argv.slice(0, i + 1), value, ...argv.slice(i + 2)] : [...argv, flag, value];
};
const without = (argv: string[], flag: string) => {
  const i = argv.indexOf(flag);
  return [...argv.slice(0, i), ...argv.slice(i + 2)];
};
const ALARM_ARGS = ['alarm', 'create', '--profile', 'default', '--region', 'us-east-1', '--name', 'vcpu-high', '--threshold', '1000', '--new-topic', 'alerts', '--email', 'ops@example.com'];
const CLI_CASES: CliCase[] = [
  { label: 'plan without --profile', argv: ['setup', 'plan', ...without(SETUP_ARGS, '--profile')], flag: /--profile/ },
  { label: 'plan in eu-west-1', argv: ['setup', 'plan', ...withArg(SETUP_ARGS, '--region', 'eu-west-1')], flag: /--region/ },
  { label: 'apply with an IP bucket', argv: ['setup', 'apply', ...withArg(SETUP_ARGS, '--bucket', '10.0.0.1')], flag: /--bucket/ },
  { label: 'apply with a spaced table', argv: ['setup', 'apply', ...withArg(SETUP_ARGS, '--table', 'a b')], flag: /--table/ },
  { label: 'apply with a 65-char role', argv: ['setup', 'apply', ...withArg(SETUP_ARGS, '--role', 'R'.repeat(65))], flag: /--role/ },
  { label: 'apply with a 1-char external id', argv: ['setup', 'apply', ...withArg(SETUP_ARGS, '--external-id', 'x')], flag: /--external-id/ },
  { label: 'apply with a short platform account', argv: ['setup', 'apply', ...withArg(SETUP_ARGS, '--platform-account', '123')], flag: /--platform-account/ },
  { label: 'apply with an unknown flag', argv: ['setup', 'apply', ...SETUP_ARGS, '--force'], flag: /--force|force/ },
  { label: 'apply with a stray argument', argv: ['setup', 'apply', ...SETUP_ARGS, 'now'], flag: /now/ },
  { label: 'destroy with an empty name', argv: ['setup', 'destroy', ...withArg(SETUP_ARGS, '--name', '')], flag: /--name/ },
  { label: 'alarm threshold NaN', argv: withArg(ALARM_ARGS, '--threshold', 'NaN'), flag: /--threshold/ },
  { label: 'alarm threshold Infinity', argv: withArg(ALARM_ARGS, '--threshold', 'Infinity'), flag: /--threshold/ },
  { label: 'alarm threshold negative', argv: withArg(ALARM_ARGS, '--threshold', '-5'), flag: /--threshold/ },
  { label: 'alarm threshold text', argv: withArg(ALARM_ARGS, '--threshold', 'lots'), flag: /--threshold/ },
  { label: 'alarm period 45', argv: [...ALARM_ARGS, '--period', '45'], flag: /--period/ },
  { label: 'alarm 0 evaluation periods', argv: [...ALARM_ARGS, '--evaluation-periods', '0'], flag: /--evaluation-periods/ },
  { label: 'alarm M > N', argv: [...ALARM_ARGS, '--evaluation-periods', '2', '--datapoints-to-alarm', '5'], flag: /--datapoints-to-alarm/ },
  { label: 'alarm N × period over a day', argv: [...ALARM_ARGS, '--period', '300', '--evaluation-periods', '300'], flag: /--evaluation-periods/ },
  { label: 'alarm malformed email', argv: withArg(ALARM_ARGS, '--email', 'ops-at-example'), flag: /--email/ },
  { label: 'alarm topic in another region', argv: ['alarm', 'create', '--profile', 'default', '--region', 'us-east-1', '--name', 'a', '--threshold', '1', '--topic-arn', 'arn:aws:sns:us-west-1:123456789012:t'], flag: /--topic-arn/ },
  { label: 'alarm with both topic flags', argv: [...ALARM_ARGS, '--topic-arn', 'arn:aws:sns:us-east-1:123456789012:t'], flag: /--topic-arn/ },
  { label: 'alarm comparison lt', argv: [...ALARM_ARGS, '--comparison', 'lt'], flag: /--comparison/ },
  { label: 'alarm name with control char', argv: withArg(ALARM_ARGS, '--name', 'x\u0007y'), flag: /--name/ },
  { label: 'backtest without a threshold', argv: ['alarm', 'backtest', '--profile', 'default', '--region', 'us-east-1'], flag: /--threshold/ },
  { label: 'usage in an unsupported region', argv: ['usage', '--profile', 'default', '--region', 'sa-east-1'], flag: /--region/ },
  { label: 'usage with statistic p99', argv: ['usage', '--profile', 'default', '--region', 'us-east-1', '--stat', 'p99'], flag: /--stat/ },
  { label: 'usage with a period of 7 s', argv: ['usage', '--profile', 'default', '--region', 'us-east-1', '--period', '7'], flag: /--period/ },
  { label: 'alarms in an unsupported region', argv: ['alarms', '--profile', 'default', '--region', 'us-east'], flag: /--region/ },
  { label: 'unknown command', argv: ['setup', 'nuke'], flag: /nuke|command/ },
];

describe('hostile input is rejected before any request reaches AWS', () => {
  let counter: RequestCounter;
  let env: ReturnType<typeof awsTestEnv>;
  let invoke: ReturnType<typeof createInvoker>;

  beforeAll(async () => {
    counter = await startRequestCounter();
    env = { ...awsTestEnv(null), AWS_ENDPOINT_URL: counter.url };
    // A connected session whose every request would land on the counter.
    const session = createSessionHolder();
    const aws = await contextForProfile({ profile: 'default', env });
    session.set({ aws, info: { profile: 'default', account: '123456789012', arn: 'arn:aws:iam::123456789012:user/t', userId: 'u', region: 'us-east-1', endpointUrl: counter.url } });
    invoke = createInvoker({ env, dataDir: env.ONRAMP_DATA_DIR, store: new ConfigurationStore(env.ONRAMP_DATA_DIR), session });
  });

  afterAll(async () => {
    await counter?.close();
  });

  it('has a corpus of at least 80 hostile inputs', () => {
    expect(IPC_CASES.length + CLI_CASES.length).toBeGreaterThanOrEqual(80);
  });

  it.each(IPC_CASES)('IPC $label', async ({ channel, payload, field, says }) => {
    const res = await invoke(channel, payload);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('InvalidInput');
    expect(`${res.error.field ?? ''} ${res.error.message}`).toMatch(field);
    expect(res.error.message).toMatch(says);
    expect(res.error.message.length).toBeLessThan(400);
    expect(counter.count).toBe(0);
  });

  it.each(CLI_CASES)('CLI $label', async ({ argv, flag }) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli([...argv, '--json'], { env, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    expect(code).toBe(2);
    const doc = JSON.parse(stdout) as { error: { code: string; message: string } };
    expect(doc.error.code).toBe('InvalidInput');
    expect(doc.error.message).toMatch(flag);
    expect(stderr).toMatch(flag);
    expect(counter.count).toBe(0);
  });

  it.each([
    ['__proto__', (payload: string) => JSON.parse(`{"__proto__":{"polluted":true},${payload.slice(1)}`) as unknown],
    ['constructor.prototype', (payload: string) => JSON.parse(`{"constructor":{"prototype":{"polluted":true}},${payload.slice(1)}`) as unknown],
  ])('IPC prototype pollution through %s: refused as an unknown field, nothing polluted, nothing sent', async (_key, build) => {
    const payload = build(JSON.stringify(SETUP));
    const res = await invoke('setup:plan', payload);
    expect(res).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    if (!res.ok) expect(res.error.message).toMatch(/unrecognized|unknown|not allowed|key/i);
    // Neither Object.prototype nor a fresh object picked up the attacker's property.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(counter.count).toBe(0);
  });

  it('the same validators accept values exactly at each length limit', () => {
    expect(names.validateBucketName('a'.repeat(63))).toBeNull();
    expect(names.validateBucketName('abc')).toBeNull();
    expect(names.validateTableName('t'.repeat(255))).toBeNull();
    expect(names.validateRoleName('R'.repeat(64))).toBeNull();
    expect(names.validateExternalId('e'.repeat(1224))).toBeNull();
    expect(names.validateConfigurationName('n'.repeat(64))).toBeNull();
    expect(names.validateAlarmName('a'.repeat(255))).toBeNull();
    expect(names.validateTopicName('t'.repeat(256))).toBeNull();
  });

  it('sent nothing to AWS across the whole corpus', () => {
    expect(counter.requests).toEqual([]);
  });
});
