/** The Organization screen's pure logic (no DOM): form checks per field, plan counts and blockers, dashboard and status rows. */
import { describe, expect, it } from 'vitest';
import { applyBlocker, dashboardRows, dashboardTotals, emptyForm, formToInput, planCounts, statusProblems } from '../../../../renderer/src/features/organization/model';
import { applyCommand } from '../../../../renderer/src/features/organization/OrgApply';
import { DASHBOARD, samplePlan, STATUS } from './fixtures';

describe('formToInput', () => {
  const good = { ...emptyForm('us-east-2'), name: 'acme', targets: 'ou-ab12-cd34ef56, ou-ab12-cd34ef57', exclude: '111122223333', bucketPattern: 'acme-{account}', tableName: 'locks' };
  it('gives the input, lists split', () => {
    const r = formToInput(good);
    expect(r).toEqual({ ok: true, input: expect.objectContaining({ name: 'acme', region: 'us-east-2', targets: { ous: ['ou-ab12-cd34ef56', 'ou-ab12-cd34ef57'], accounts: [], exclude: ['111122223333'] }, platformAccountId: '481633624848', autoDeploy: false }) });
  });
  it('names each field at fault', () => {
    const r = formToInput({ ...good, name: '', targets: 'dev', exclude: '12', bucketPattern: 'acme' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['bucketPattern', 'exclude', 'name', 'targets']);
    expect(r.errors.bucketPattern).toMatch(/\{account\}/);
    expect(formToInput({ ...good, by: 'accounts', targets: '111122223333', autoDeploy: true })).toMatchObject({ ok: false, errors: { autoDeploy: expect.stringMatching(/organizational units/) } });
  });
});

describe('plan', () => {
  it('counts per action, in reading order', () => {
    expect(planCounts(samplePlan({}, true))).toEqual([
      { action: 'deploy', count: 1 },
      { action: 'skip', count: 1 },
      { action: 'conflict', count: 1 },
    ]);
  });
  it('says why it cannot be applied', () => {
    expect(applyBlocker(samplePlan({}, true), false)).toMatch(/1 account is a conflict/);
    expect(applyBlocker(samplePlan({ trustedAccess: 'DISABLED' }), false)).toMatch(/agree to turn it on/);
    expect(applyBlocker(samplePlan({ trustedAccess: 'DISABLED' }), true)).toBeNull();
    expect(applyBlocker(samplePlan({ trustedAccess: 'DISABLED_PERMANENTLY' }), true)).toMatch(/permanently off/);
    const done = samplePlan({ stackSet: { ...samplePlan().stackSet, exists: true, action: 'keep' } });
    done.accounts = done.accounts.map((a) => ({ ...a, action: a.action === 'deploy' ? 'keep' : a.action }));
    expect(applyBlocker(done, false)).toMatch(/Nothing to do/);
  });
  it('the CLI command of the same roll-out', () => {
    const r = formToInput({ ...emptyForm('us-east-2'), name: 'acme prod', targets: 'ou-ab12-cd34ef56', bucketPattern: 'acme-{account}', tableName: 'locks', autoDeploy: true });
    if (!r.ok) throw new Error('valid');
    expect(applyCommand({ input: r.input, consentTrustedAccess: true })).toBe(
      "onramp org apply --profile PROFILE --region us-east-2 --name 'acme prod' --ou ou-ab12-cd34ef56 --bucket 'acme-{account}' --table locks --role BodoPlatformUser --auto-deploy --enable-trusted-access",
    );
  });
});

describe('dashboard and status', () => {
  it('rows grouped by account; an unreadable account is one row with its error', () => {
    const groups = dashboardRows(DASHBOARD);
    expect(groups.map((g) => [g.accountName, g.rows.length])).toEqual([['prod-1', 1], ['prod-2', 1]]);
    expect(groups[0]!.rows[0]).toMatchObject({ region: 'us-east-2', ok: true, current: 12, peak24h: 40, quota: 256, alarms: { total: 2, inAlarm: 1 } });
    expect(groups[1]!.rows[0]).toMatchObject({ ok: false, error: expect.stringMatching(/AssumeRole/) });
    expect(dashboardTotals(DASHBOARD)).toEqual({ accounts: 2, unreadable: 1, current: 12, inAlarm: 1 });
  });
  it('status: what needs attention', () => {
    expect(statusProblems(STATUS)).toEqual(['222222222222: instance failed — bucket exists', '222222222222: drifted from the StackSet']);
  });
});
