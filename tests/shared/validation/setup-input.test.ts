import { describe, expect, it } from 'vitest';
import { SetupInputSchema } from '../../../shared/contract/setup';

const VALID = {
  name: 'Prod',
  region: 'us-west-2',
  bucketName: 'onramp-state-1',
  tableName: 'onramp-locks',
  roleName: 'BodoPlatformUser',
  externalId: 'ext-1234',
  platformAccountId: '481633624848',
};

function firstIssue(value: unknown): { path: string; message: string } {
  const parsed = SetupInputSchema.safeParse(value);
  expect(parsed.success).toBe(false);
  const issue = parsed.error!.issues[0]!;
  return { path: issue.path.map(String).join('.'), message: issue.message };
}

describe('SetupInputSchema', () => {
  it('accepts a valid input unchanged', () => {
    expect(SetupInputSchema.parse(VALID)).toEqual(VALID);
  });

  it.each(['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'])('accepts supported region %s', (region) => {
    expect(SetupInputSchema.safeParse({ ...VALID, region }).success).toBe(true);
  });

  it.each(['eu-west-1', 'US-EAST-1', 'us-east-1 ', '', 'ap-south-1'])('rejects region %j', (region) => {
    const issue = firstIssue({ ...VALID, region });
    expect(issue.path).toBe('region');
    expect(issue.message).toMatch(/us-east-1, us-east-2, us-west-1, us-west-2/);
  });

  it('rejects unknown keys', () => {
    const parsed = SetupInputSchema.safeParse({ ...VALID, extra: 1 });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.code).toBe('unrecognized_keys');
  });

  it.each(Object.keys(VALID))('rejects a missing %s', (key) => {
    const value: Record<string, unknown> = { ...VALID };
    delete value[key];
    expect(firstIssue(value).path).toBe(key);
  });

  it.each([
    ['name', 42],
    ['bucketName', ['onramp-state-1']],
    ['tableName', null],
    ['roleName', { a: 1 }],
    ['externalId', true],
    ['platformAccountId', 481633624848],
  ])('rejects %s of the wrong type', (key, value) => {
    const issue = firstIssue({ ...VALID, [key]: value });
    expect(issue.path).toBe(key);
  });

  it.each([
    ['bucketName', 'Bad_Bucket', /S3 bucket name/],
    ['bucketName', '$$BUCKET_NAME$$', /S3 bucket name/],
    ['tableName', 'a b', /DynamoDB table name/],
    ['roleName', 'R'.repeat(65), /IAM role name/],
    ['externalId', 'x', /External ID/],
    ['platformAccountId', '12345', /12 digits/],
    ['name', '$$DYNAMO_ARN$$', /Configuration name/],
  ])('names the field when %s is %j', (key, value, message) => {
    const issue = firstIssue({ ...VALID, [key]: value });
    expect(issue.path).toBe(key);
    expect(issue.message).toMatch(message);
  });

  it('caps huge strings before the validators run', () => {
    const issue = firstIssue({ ...VALID, externalId: 'x'.repeat(100_000) });
    expect(issue.path).toBe('externalId');
    expect(issue.message).toMatch(/far too long/);
  });

  it('rejects non-objects', () => {
    for (const v of [null, undefined, 'x', 1, []]) expect(SetupInputSchema.safeParse(v).success).toBe(false);
  });
});
