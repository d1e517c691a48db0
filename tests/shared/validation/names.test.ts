import { describe, expect, it } from 'vitest';
import {
  validateAccountId,
  validateAlarmName,
  validateBucketName,
  validateConfigurationName,
  validateEmail,
  validateExternalId,
  validateRoleName,
  validateTableName,
  validateTopicName,
} from '../../../shared/validation/names';

const CYRILLIC_A = '\u0430'; // looks like Latin "a"

describe('validateBucketName', () => {
  it.each([
    'abc',
    'a'.repeat(63),
    'my-bucket.logs',
    '1bucket9',
    'a.b-c',
    '192.168.5.4a', // not IP-shaped: ends with a letter
    '1.2.3', // only three groups
    'xn-single-dash',
    'prefix-xn--inside',
    'bucket-s3alias-not-at-end',
    'sthree', // the reserved prefix is "sthree-"
    'foo-mrap', // the reserved suffix is ".mrap"
  ])('accepts %j', (name) => {
    expect(validateBucketName(name)).toBeNull();
  });

  it.each([
    ['', /3–63 characters/],
    ['ab', /3–63 characters long \(it is 2\)/],
    ['a'.repeat(64), /3–63 characters long \(it is 64\)/],
    ['MyBucket', /lowercase/],
    ['my_bucket', /lowercase/],
    ['my bucket', /lowercase/],
    [`b${CYRILLIC_A}cket`, /lowercase/],
    ['bucket\u0000x', /lowercase/],
    ['bucket\nname', /lowercase/],
    ['$$BUCKET_NAME$$', /lowercase/],
    ['x$$bucket_name$$x', /lowercase/],
    ['-bucket', /start and end/],
    ['bucket-', /start and end/],
    ['.bucket', /start and end/],
    ['bucket.', /start and end/],
    ['my..bucket', /\.\./],
    ['192.168.5.4', /IP address/],
    ['1.1.1.1', /IP address/],
    ['999.999.999.999', /IP address/],
    ['xn--bucket', /prefix "xn--"/],
    ['sthree-bucket', /prefix "sthree-"/],
    ['sthree-configurator', /prefix "sthree-"/],
    ['amzn-s3-demo-bucket', /prefix "amzn-s3-demo-"/],
    ['bucket-s3alias', /suffix "-s3alias"/],
    ['bucket--ol-s3', /suffix "--ol-s3"/],
    ['bucket.mrap', /suffix "\.mrap"/],
    ['bucket--x-s3', /suffix "--x-s3"/],
  ])('rejects %j', (name, message) => {
    const problem = validateBucketName(name);
    expect(problem).not.toBeNull();
    expect(problem).toMatch(message);
    expect(problem).toMatch(/^S3 bucket name/);
  });
});

describe('validateTableName', () => {
  it.each(['abc', 'a'.repeat(255), 'Terraform_Locks-1.0', 'ABC', '___', '...'])('accepts %j', (name) => {
    expect(validateTableName(name)).toBeNull();
  });

  it.each([
    ['ab', /3–255 characters long \(it is 2\)/],
    ['a'.repeat(256), /3–255 characters long \(it is 256\)/],
    ['', /3–255/],
    ['my table', /may only contain/],
    ['table/name', /may only contain/],
    [`t${CYRILLIC_A}ble`, /may only contain/],
    ['tab\tle', /may only contain/],
    ['$$DYNAMO_ARN$$', /may only contain/],
    ['table:x', /may only contain/],
  ])('rejects %j', (name, message) => {
    const problem = validateTableName(name);
    expect(problem).toMatch(message);
    expect(problem).toMatch(/^DynamoDB table name/);
  });
});

describe('validateRoleName', () => {
  it.each(['a', 'R'.repeat(64), 'BodoPlatformUser', 'role+=,.@_-X9'])('accepts %j', (name) => {
    expect(validateRoleName(name)).toBeNull();
  });

  it.each([
    ['', /1–64 characters long \(it is 0\)/],
    ['R'.repeat(65), /1–64 characters long \(it is 65\)/],
    ['role name', /may only contain/],
    ['role/path', /may only contain/],
    ['role:x', /may only contain/],
    [`r${CYRILLIC_A}le`, /may only contain/],
    ['role\u007f', /may only contain/],
    ['$$ROLE$$', /may only contain/],
  ])('rejects %j', (name, message) => {
    expect(validateRoleName(name)).toMatch(message);
  });
});

describe('validateExternalId', () => {
  it.each(['ab', 'x'.repeat(1224), 'A1+=,.@:/_-z', '3f1c2a8e-7b9d-4e1a-9c7f-0a1b2c3d4e5f'])('accepts %j', (id) => {
    expect(validateExternalId(id)).toBeNull();
  });

  it.each([
    ['a', /2–1224 characters long \(it is 1\)/],
    ['', /2–1224/],
    ['x'.repeat(1225), /2–1224 characters long \(it is 1225\)/],
    ['has space', /may only contain/],
    ['quote"s', /may only contain/],
    ['$$BUCKET_NAME$$', /may only contain/],
    [`id${CYRILLIC_A}`, /may only contain/],
    ['id\n', /may only contain/],
  ])('rejects %j', (id, message) => {
    expect(validateExternalId(id)).toMatch(message);
  });
});

describe('validateAccountId', () => {
  it.each(['481633624848', '000000000000', '123456789012'])('accepts %j', (id) => {
    expect(validateAccountId(id)).toBeNull();
  });

  it.each(['48163362484', '4816336248480', '', '48163362484a', ' 481633624848', '481633624848\n', '4816-3362-4848', '４８１６３３６２４８４８'])(
    'rejects %j',
    (id) => {
      expect(validateAccountId(id)).toMatch(/exactly 12 digits/);
    },
  );
});

describe('validateConfigurationName', () => {
  it.each(['p', 'N'.repeat(64), 'Prod data 1', 'team/a:b@c+d-e=f.g_h'])('accepts %j', (name) => {
    expect(validateConfigurationName(name)).toBeNull();
  });

  it.each([
    ['', /1–64 characters/],
    ['N'.repeat(65), /1–64 characters long \(it is 65\)/],
    ['bad\u0007bell', /control characters/],
    ['tab\there', /control characters/],
    ['nul\u0000', /control characters/],
    ['c1\u0085', /control characters/],
    [' lead', /space/],
    ['trail ', /space/],
    ['$$BUCKET_NAME$$', /may only contain/],
    ['a$$b', /may only contain/],
    [`n${CYRILLIC_A}me`, /may only contain/],
    ['emoji 🚀', /may only contain/],
    ['quote"', /may only contain/],
  ])('rejects %j', (name, message) => {
    expect(validateConfigurationName(name)).toMatch(message);
  });
});

describe('validateAlarmName', () => {
  it.each(['a', 'x'.repeat(255), 'vCPU > 1000 (us-east-1)', 'ünïcode is fine'])('accepts %j', (name) => {
    expect(validateAlarmName(name)).toBeNull();
  });

  it.each([
    ['', /1–255/],
    ['x'.repeat(256), /1–255 characters long \(it is 256\)/],
    ['line\nbreak', /control characters/],
    ['del\u007f', /control characters/],
    [' lead', /space/],
  ])('rejects %j', (name, message) => {
    expect(validateAlarmName(name)).toMatch(message);
  });
});

describe('validateTopicName', () => {
  it.each(['t', 'T'.repeat(256), 'onramp-alerts_1'])('accepts %j', (name) => {
    expect(validateTopicName(name)).toBeNull();
  });

  it.each([
    ['', /1–256/],
    ['T'.repeat(257), /1–256 characters long \(it is 257\)/],
    ['has.dot', /may only contain/],
    ['has space', /may only contain/],
    [`t${CYRILLIC_A}`, /may only contain/],
  ])('rejects %j', (name, message) => {
    expect(validateTopicName(name)).toMatch(message);
  });
});

describe('validateEmail', () => {
  it.each(['ops@example.com', 'a.b+c@sub.example.co.uk', 'x@a1.io'])('accepts %j', (email) => {
    expect(validateEmail(email)).toBeNull();
  });

  it.each([
    'no-at-sign',
    'two@@example.com',
    'nodomain@',
    '@example.com',
    'user@localhost',
    'space in@example.com',
    `us${CYRILLIC_A}r@example.com`,
    'user@-example.com',
    'user@example.com\n',
    `${'a'.repeat(245)}@example.com`,
  ])('rejects %j', (email) => {
    expect(validateEmail(email)).not.toBeNull();
  });
});
