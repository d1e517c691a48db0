/**
 * The StackSet template (unit): built from the same resource spec as the one-account export (the
 * bucket, table and platform role are the export's resources with per-account expressions in place
 * of the literals), every account's bucket name and external ID derived from AWS::AccountId unless
 * overridden, a read-only monitoring role with exactly the documented actions, the roll-out described
 * in Metadata; and it passes cfn-lint.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CFN_IDS, cloudFormationTemplate } from '../../../main/core/export/cloudformation';
import { MONITORING_READ_ACTIONS, monitoringActions } from '../../../main/core/org/monitoring-role';
import { accountNames, monitoringRoleNameFor, stackSetNameFor } from '../../../main/core/org/names';
import { describedRollout, renderStackSetTemplate, stackSetTemplate } from '../../../main/core/org/template';
import { trustPolicy } from '../../../main/core/setup/trust';
import { requireTool } from '../../helpers/test-deps';

const SRC = {
  input: { name: 'Acme: prod', region: 'us-west-2' as const, bucketPattern: 'acme-{region}-{account}', tableName: 'acme-locks', roleName: 'BodoPlatformUser', platformAccountId: '481633624848' },
  adminAccount: '123456789012',
  stackSetName: 'onramp-acme-prod',
};
type Resources = Record<string, { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string }>;

describe('StackSet template', () => {
  const tpl = stackSetTemplate(SRC);
  const res = tpl.Resources as unknown as Resources;

  it('is the export\'s resources with per-account expressions where the export has literals', () => {
    const exported = cloudFormationTemplate({ name: SRC.input.name, region: 'us-west-2', bucketName: 'x', tableName: 'acme-locks', roleName: 'BodoPlatformUser', externalId: 'x', platformAccountId: '481633624848' }).Resources as unknown as Resources;
    for (const id of Object.values(CFN_IDS)) {
      const strip = (r: Resources[string]) => JSON.parse(JSON.stringify({ ...r, Properties: { ...r.Properties, BucketName: null, AssumeRolePolicyDocument: null, Policies: null } })) as unknown;
      expect(strip(res[id]!)).toEqual(strip(exported[id]!));
    }
    expect(res[CFN_IDS.bucket]!.DeletionPolicy).toBe('Retain');
    expect(res[CFN_IDS.bucket]!.Properties.BucketName).toEqual({
      'Fn::If': ['DeriveBucketName', { 'Fn::Join': ['', ['acme-', { Ref: 'AWS::Region' }, '-', { Ref: 'AWS::AccountId' }]] }, { Ref: 'BucketName' }],
    });
    const trust = res[CFN_IDS.role]!.Properties.AssumeRolePolicyDocument as { Statement: { Condition: { StringEquals: Record<string, unknown> } }[] };
    expect(trust.Statement[0]!.Condition.StringEquals['sts:ExternalId']).toEqual({
      'Fn::If': ['DeriveExternalId', { 'Fn::Join': ['-', [{ Ref: 'ExternalIdBase' }, { Ref: 'AWS::AccountId' }]] }, { Ref: 'ExternalId' }],
    });
    expect(tpl.Conditions).toEqual({ DeriveExternalId: { 'Fn::Equals': [{ Ref: 'ExternalId' }, ''] }, DeriveBucketName: { 'Fn::Equals': [{ Ref: 'BucketName' }, ''] } });
  });

  it('derives in the template what Onramp derives for an account (so automatic deployment gives a new account the same names)', () => {
    const names = accountNames({ input: SRC.input, stackSetName: SRC.stackSetName, externalIdBase: 'base-1' }, '210987654321');
    expect(names).toMatchObject({ bucket: 'acme-us-west-2-210987654321', externalId: 'base-1-210987654321', monitoringRoleArn: 'arn:aws:iam::210987654321:role/onramp-acme-prod-monitor', platformName: 'Acme: prod-210987654321' });
    const withOverride = accountNames({ input: SRC.input, stackSetName: SRC.stackSetName, externalIdBase: 'base-1', overrides: { ExternalId: 'platform-chosen' } }, '210987654321');
    expect(withOverride.externalId).toBe('platform-chosen');
  });

  it('gives every account a monitoring role trusted only by the administering account, with read-only actions', () => {
    const role = res.MonitoringRole!;
    expect(role.Properties.RoleName).toBe(monitoringRoleNameFor(SRC.stackSetName));
    expect(role.Properties.AssumeRolePolicyDocument).toEqual(
      JSON.parse(trustPolicy(SRC.adminAccount, '@@X@@').replace('"@@X@@"', JSON.stringify({ Ref: 'MonitoringExternalId' }))),
    );
    const policy = (role.Properties.Policies as { PolicyDocument: { Statement: { Action: string[]; Resource: unknown }[] } }[])[0]!.PolicyDocument;
    expect(policy.Statement.flatMap((s) => s.Action).sort()).toEqual(monitoringActions());
    // Nothing that writes, deletes or grants: every action is a read (Get/List/Describe/Scan).
    expect(monitoringActions().filter((a) => !/:(Get|List|Describe|Scan)/.test(a))).toEqual([]);
    expect(policy.Statement[0]!.Resource).toBe('*');
    expect(policy.Statement[0]!.Action).toEqual(Object.keys(MONITORING_READ_ACTIONS));
    expect(policy.Statement.slice(1).map((s) => s.Resource)).toEqual([
      { 'Fn::Join': ['', ['arn:aws:s3:::', res[CFN_IDS.bucket]!.Properties.BucketName]] },
      { 'Fn::GetAtt': [CFN_IDS.table, 'Arn'] },
      { 'Fn::GetAtt': [CFN_IDS.role, 'Arn'] },
    ]);
  });

  it('describes the roll-out it was made from (status and --org read it back)', () => {
    expect(describedRollout(renderStackSetTemplate(SRC))).toEqual({ ...SRC.input, adminAccount: SRC.adminAccount });
    expect(describedRollout('{"Resources":{}}')).toBeNull();
    expect(describedRollout('not json')).toBeNull();
  });

  it('names the StackSet after the roll-out as CreateStackSet allows', () => {
    expect(stackSetNameFor('Acme: prod')).toBe('onramp-acme-prod');
    expect(stackSetNameFor('A/B  c')).toBe('onramp-a-b-c');
    expect(() => stackSetNameFor('::')).toThrow(/needs a letter or a digit/);
    expect(monitoringRoleNameFor(`onramp-${'x'.repeat(80)}`).length).toBeLessThanOrEqual(64);
  });

  it.skipIf(!requireTool('cfnLint'))('passes cfn-lint in every supported region', () => {
    const regions = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'] as const;
    const files = regions.map((region) => {
      const file = join(mkdtempSync(join(tmpdir(), 'onramp-stackset-')), 'template.json');
      writeFileSync(file, JSON.stringify(stackSetTemplate({ ...SRC, input: { ...SRC.input, region } }), null, 2));
      return file;
    });
    const res = spawnSync('cfn-lint', ['--format', 'parseable', '--regions', ...regions, '--', ...files], { encoding: 'utf8', timeout: 120_000 });
    expect(res.stdout + res.stderr).toBe('');
    expect(res.status).toBe(0);
  }, 120_000);
});
