/** How the Organization screen words its runs: row states per kind, the apply and removal summaries, and the notice said elsewhere. */
import { describe, expect, it } from 'vitest';
import { orgRunNotice } from '../../../../renderer/src/features/organization/org-run';
import { applySummary, destroySummary, itemStateLabel } from '../../../../renderer/src/features/organization/run-model';
import type { OrgAccountResult } from '../../../../shared/contract/org';
import { runOf } from '../../helpers/runs';

const acct = (status: OrgAccountResult['status'], reg: OrgAccountResult['registration']['state'] = 'registered'): OrgAccountResult => ({
  accountId: '111111111111',
  accountName: 'a',
  region: 'us-east-2',
  status,
  reason: null,
  roleArn: 'r',
  externalId: 'e',
  bucket: 'b',
  table: 't',
  monitoringRoleArn: 'm',
  registration: { state: reg, detail: null, result: null },
});
const stackSet = { name: 'onramp-acme', id: null, region: 'us-east-2' as const, autoDeploy: false, operations: [] };

describe('org run wording', () => {
  it('row states read per kind', () => {
    expect(itemStateLabel('org-apply', 'done')).toBe('succeeded');
    expect(itemStateLabel('org-destroy', 'done')).toBe('removed');
    expect(itemStateLabel('org-apply', 'skipped')).toBe('skipped');
    expect(itemStateLabel('org-destroy', 'skipped')).toBe('kept');
    expect(itemStateLabel('org-apply', 'undone')).toBe('cancelled');
  });

  it('an apply is applied only when every deployed account succeeded and registered', () => {
    expect(applySummary({ stackSet, accounts: [acct('succeeded'), acct('skipped', 'not-attempted')], cancelled: false })).toMatchObject({ title: 'Roll-out applied', color: 'teal' });
    expect(applySummary({ stackSet, accounts: [acct('succeeded', 'mismatch')], cancelled: false })).toMatchObject({ title: 'Roll-out finished with problems', lines: [expect.any(String), expect.stringMatching(/not registered/)] });
    expect(applySummary({ stackSet, accounts: [acct('failed', 'not-attempted')], cancelled: false }).lines.join(' ')).toMatch(/retry the 1 account that failed alone/);
    expect(applySummary({ stackSet, accounts: [acct('cancelled', 'not-attempted')], cancelled: true }).title).toBe('Roll-out cancelled');
  });

  it('a removal says what stayed', () => {
    expect(destroySummary({ removed: [{ accountId: '1', region: 'us-east-2' }], kept: [], stackSetDeleted: true, manual: [], cancelled: false })).toEqual({ title: 'Removed from 1 account, and the StackSet', color: 'teal' });
    expect(destroySummary({ removed: [], kept: [{ accountId: '1', region: 'us-east-2', reason: 'x' }], stackSetDeleted: false, manual: [], cancelled: false }).title).toBe('Removed from 0, kept in 1');
    expect(destroySummary({ removed: [], kept: [], stackSetDeleted: false, manual: [], cancelled: true }).color).toBe('orange');
  });

  it('the notice said elsewhere names the roll-out and opens the Organization screen', () => {
    expect(orgRunNotice(runOf('org-apply', 'r1', 'acme'))).toBeNull();
    expect(orgRunNotice(runOf('org-apply', 'r1', 'acme', { state: 'succeeded', result: { stackSet, accounts: [acct('succeeded')], cancelled: false } }))).toMatchObject({ title: 'acme: Roll-out applied', about: 'organization', action: { screen: 'organization' } });
    expect(orgRunNotice(runOf('org-destroy', 'r2', 'acme', { state: 'failed', error: { code: 'Conflict', message: 'no' } }))).toMatchObject({ title: 'Removal of acme failed', color: 'red', message: 'no' });
    expect(orgRunNotice(runOf('setup-destroy', 'r3', 'x', { state: 'succeeded' }))).toBeNull();
  });
});
