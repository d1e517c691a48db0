/** Issue 13 item 6: pasted values are trimmed, dashed account IDs accepted, and what is still invalid says why. */
import { describe, expect, it } from 'vitest';
import { SetupInputSchema } from '../../../shared/contract/setup';
import { normaliseAccountId, trimPasted } from '../../../shared/validation/forgiving';
import { validateAccountId, validateBucketName, validateExternalId, validateRoleName, validateTableName } from '../../../shared/validation/names';

const VALID = {
  name: 'Prod',
  region: 'us-west-2',
  bucketName: 'onramp-state-1',
  tableName: 'onramp-locks',
  roleName: 'BodoPlatformUser',
  externalId: 'ext-1234',
  platformAccountId: '481633624848',
};

describe('normalisers', () => {
  it('trimPasted removes spaces, tabs, line breaks and no-break spaces at both ends only', () => {
    expect(trimPasted('  ext-1\t\n')).toBe('ext-1');
    expect(trimPasted('\u00a0ext-1\u00a0')).toBe('ext-1');
    expect(trimPasted('a b')).toBe('a b');
  });

  it.each([
    ['4816-3362-4848', '481633624848'],
    ['4816 3362 4848', '481633624848'],
    [' 481633624848\n', '481633624848'],
    ['481633624848', '481633624848'],
  ])('normaliseAccountId(%j) is %j', (raw, expected) => {
    expect(normaliseAccountId(raw)).toBe(expected);
  });

  it.each(['4816-3362 4848', '48-1633624848', '4816-3362-484', '4816–3362–4848'])('leaves %j for the validator to explain', (raw) => {
    expect(normaliseAccountId(raw)).toBe(raw);
    expect(validateAccountId(raw)).toMatch(/exactly 12 digits/);
  });
});

describe('what is still invalid says exactly why', () => {
  it.each([
    [validateBucketName, 'acme bodo', /^S3 bucket name contains spaces: it may only contain lowercase/],
    [validateTableName, 'acme locks', /^DynamoDB table name contains spaces: it may only contain letters A–Z/],
    [validateRoleName, 'Bodo Platform', /^IAM role name contains spaces: it may only contain letters, digits/],
    [validateExternalId, 'ext id', /^External ID contains spaces: it may only contain letters, digits/],
    [validateExternalId, 'ext\nid', /^External ID contains a line break/],
    [validateAccountId, '4816-3362-484', /exactly 12 digits .*; it has 11\.$/],
    [validateAccountId, '48163362484a', /other than the digits 0–9/],
  ])('%o(%j)', (validate, value, message) => {
    expect(validate(value)).toMatch(message);
  });
});

describe('SetupInputSchema is forgiving where it is safe', () => {
  it('trims pasted names and external ID and normalises a dashed account ID', () => {
    const parsed = SetupInputSchema.parse({
      ...VALID,
      name: '  Prod ',
      bucketName: ' onramp-state-1\n',
      tableName: '\tonramp-locks',
      roleName: 'BodoPlatformUser ',
      externalId: '  ext-1234  ',
      platformAccountId: '4816-3362-4848',
    });
    expect(parsed).toEqual(VALID);
  });

  it('still refuses a value with spaces inside, saying so', () => {
    const parsed = SetupInputSchema.safeParse({ ...VALID, externalId: ' ext 1234 ' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ['externalId'], message: expect.stringMatching(/^External ID contains spaces/) });
  });
});
