/** Which accounts get an instance and the DeploymentTargets that say so (pure; hand-computed expectations). */
import { describe, expect, it } from 'vitest';
import { accountTargets, MANAGEMENT_SKIP, ouTargets, resolveTargets } from '../../../main/core/org/targets';
import { outcomeOf } from '../../../main/core/org/report';
import type { OrgAccount } from '../../../main/core/org/organization';

const acct = (id: string, parentId: string, state = 'ACTIVE'): OrgAccount => ({ id, name: `n${id}`, state, parentId, path: 'dev' });

describe('resolveTargets', () => {
  it('skips exclusions, the management account and inactive accounts, saying why', () => {
    const out = resolveTargets({ ous: ['ou-a'], accounts: [], exclude: ['222222222222'] }, [acct('111111111111', 'ou-a'), acct('222222222222', 'ou-a'), acct('999999999999', 'ou-a'), acct('333333333333', 'ou-b', 'SUSPENDED')], '999999999999');
    expect(out.map((a) => [a.id, a.skip])).toEqual([
      ['111111111111', null],
      ['222222222222', 'excluded (--exclude)'],
      ['999999999999', MANAGEMENT_SKIP],
      ['333333333333', 'the account is suspended: StackSets deploys only to active accounts'],
    ]);
  });
});

describe('deployment targets', () => {
  it('the OUs less the accounts left out (DIFFERENCE), or all of them (NONE)', () => {
    expect(ouTargets(['ou-a', 'ou-b'], ['2', '1', '2'])).toEqual({ OrganizationalUnitIds: ['ou-a', 'ou-b'], Accounts: ['1', '2'], AccountFilterType: 'DIFFERENCE' });
    expect(ouTargets(['ou-a'], [])).toEqual({ OrganizationalUnitIds: ['ou-a'], AccountFilterType: 'NONE' });
  });

  it('exactly these accounts: their parents, INTERSECTION', () => {
    expect(accountTargets([{ id: '2', parentId: 'ou-b' }, { id: '1', parentId: 'ou-a' }, { id: '3', parentId: 'ou-a' }])).toEqual({ OrganizationalUnitIds: ['ou-a', 'ou-b'], Accounts: ['1', '2', '3'], AccountFilterType: 'INTERSECTION' });
  });
});

describe('an account\'s outcome', () => {
  const instance = (detailed: string | null, status = 'CURRENT', reason: string | null = null) => ({ account: '1', region: 'us-east-1', status, detailed, reason, ou: null, drift: null });
  it('the operation\'s result first, then the instance', () => {
    expect(outcomeOf({ account: '1', region: 'us-east-1', status: 'FAILED', reason: 'bucket exists' }, instance('SUCCEEDED'))).toEqual({ status: 'failed', reason: 'bucket exists' });
    expect(outcomeOf({ account: '1', region: 'us-east-1', status: 'CANCELLED', reason: null }, undefined).status).toBe('cancelled');
    expect(outcomeOf(undefined, instance('SUCCEEDED'))).toEqual({ status: 'succeeded', reason: null });
    expect(outcomeOf(undefined, instance('FAILED', 'OUTDATED', 'role exists'))).toEqual({ status: 'failed', reason: 'role exists' });
    expect(outcomeOf(undefined, instance('SKIPPED_SUSPENDED_ACCOUNT', 'OUTDATED')).status).toBe('skipped');
    expect(outcomeOf(undefined, undefined)).toEqual({ status: 'failed', reason: 'CloudFormation made no stack instance for this account' });
  });
});
