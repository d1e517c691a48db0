/** Roll-out inputs checked before any request: bucket patterns, roll-out names, OU and account IDs, and the input schema's rules. */
import { describe, expect, it } from 'vitest';
import { OrgRolloutInputSchema, OrgTargetsSchema } from '../../../shared/contract/org';
import { expandBucketPattern, splitList, validateBucketPattern, validateOuId, validateRolloutName } from '../../../shared/validation/org';

describe('bucket name pattern', () => {
  it('must hold {account}, may hold {region}, and give a valid name everywhere', () => {
    expect(validateBucketPattern('acme-bodo-{account}')).toBeNull();
    expect(validateBucketPattern('acme-{region}-{account}')).toBeNull();
    expect(validateBucketPattern('acme-bodo')).toMatch(/must contain \{account\}/);
    expect(validateBucketPattern('acme-{acct}-{account}')).toMatch(/only use the placeholders \{account\} and \{region\}/);
    expect(validateBucketPattern('Acme-{account}')).toMatch(/invalid name for account 123456789012 in us-east-1: S3 bucket name may only contain lowercase/);
    // 63 characters at most once the 12 digits and the longest region are in.
    expect(validateBucketPattern(`${'a'.repeat(41)}-{region}-{account}`)).toMatch(/3–63 characters/);
    expect(validateBucketPattern(`${'a'.repeat(40)}-{region}-{account}`)).toBeNull();
  });

  it('expands per account and region', () => {
    expect(expandBucketPattern('acme-{region}-{account}-{account}', '111122223333', 'us-west-1')).toBe('acme-us-west-1-111122223333-111122223333');
  });
});

describe('roll-out name and IDs', () => {
  it('roll-out names: a configuration name of at most 40 characters', () => {
    expect(validateRolloutName('acme prod')).toBeNull();
    expect(validateRolloutName('x'.repeat(41))).toMatch(/at most 40/);
    expect(validateRolloutName('a$b')).toMatch(/^Roll-out name may only contain/);
    expect(validateRolloutName('--')).toMatch(/letter or a digit/);
  });

  it('OU IDs and the root', () => {
    expect(validateOuId('ou-ab12-cd34ef56')).toBeNull();
    expect(validateOuId('r-ab12')).toBeNull();
    expect(validateOuId('dev')).toMatch(/not an organizational unit ID/);
  });

  it('lists split at commas and spaces, each once', () => {
    expect(splitList(' a, b  c,,a ')).toEqual(['a', 'b', 'c']);
  });
});

describe('OrgRolloutInputSchema', () => {
  const base = { name: 'acme', region: 'us-east-2', bucketPattern: 'acme-{account}', tableName: 'locks', roleName: 'BodoPlatformUser', platformAccountId: '4816-3362-4848' };
  it('takes OUs or accounts, never both or neither, and lists as text', () => {
    expect(OrgRolloutInputSchema.parse({ ...base, targets: { ous: 'ou-ab12-cd34ef56, ou-ab12-cd34ef57' } })).toMatchObject({ platformAccountId: '481633624848', autoDeploy: false, targets: { ous: ['ou-ab12-cd34ef56', 'ou-ab12-cd34ef57'], accounts: [], exclude: [] } });
    expect(OrgTargetsSchema.safeParse({ ous: ['ou-ab12-cd34ef56'], accounts: ['111122223333'] }).success).toBe(false);
    expect(OrgTargetsSchema.safeParse({}).success).toBe(false);
  });

  it('automatic deployment only with OUs', () => {
    const r = OrgRolloutInputSchema.safeParse({ ...base, targets: { accounts: ['111122223333'] }, autoDeploy: true });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/follows organizational units/);
  });
});
