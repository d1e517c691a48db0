/**
 * Unit tests of the three export renderers: escaping of every user value for its target language,
 * region-dependent bucket creation, and that each document carries the same resources as the app.
 */
import { spawnSync } from 'node:child_process';
import { requireTool } from '../../helpers/test-deps';
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../../main/core/export';
import { renderCliScript, shellQuote } from '../../../main/core/export/cli-script';
import { CFN_IDS, cloudFormationTemplate, renderCloudFormation } from '../../../main/core/export/cloudformation';
import { fileStem } from '../../../main/core/export/source';
import { hclEscape, hclString, renderTerraform } from '../../../main/core/export/terraform';
import { renderPlatformPolicy } from '../../../main/core/setup/policy';
import { trustPolicy } from '../../../main/core/setup/trust';
import { SetupInputSchema, type SetupInput } from '../../../shared/contract/setup';

/** Valid per AWS rules, but full of characters that mean something in JSON, HCL or bash. */
const HOSTILE: SetupInput = SetupInputSchema.parse({
  name: 'Prod: team/a @x=1+2 _.-',
  region: 'us-west-2',
  bucketName: 'onramp.state-bucket.1',
  tableName: 'Lock.Table_1-x',
  roleName: 'Bodo+Role=,.@_-1',
  externalId: 'ext=,.@:/_-+ID/with:colons=and+plus',
  platformAccountId: '481633624848',
});
const EAST: SetupInput = { ...HOSTILE, region: 'us-east-1' };

const HAS_BASH = requireTool('bash');

describe('CloudFormation renderer', () => {
  it('is valid JSON whose values are exactly the inputs', () => {
    const tpl = JSON.parse(renderCloudFormation(HOSTILE));
    const r = tpl.Resources;
    expect(r[CFN_IDS.bucket].Properties.BucketName).toBe(HOSTILE.bucketName);
    expect(r[CFN_IDS.table].Properties.TableName).toBe(HOSTILE.tableName);
    expect(r[CFN_IDS.role].Properties.RoleName).toBe(HOSTILE.roleName);
    expect(r[CFN_IDS.role].Properties.AssumeRolePolicyDocument).toEqual(JSON.parse(trustPolicy(HOSTILE.platformAccountId, HOSTILE.externalId)));
    expect(r[CFN_IDS.bucket].Properties.Tags).toEqual([
      { Key: 'managed-by', Value: 'onramp' },
      { Key: 'onramp:configuration', Value: HOSTILE.name },
    ]);
    expect(tpl.Rules.ConfiguredRegion.Assertions[0].Assert).toEqual({ 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-west-2'] });
  });

  it('sets every bucket, table and role property the app sets', () => {
    const r = cloudFormationTemplate(HOSTILE).Resources as Record<string, { Properties: Record<string, unknown> }>;
    expect(r[CFN_IDS.bucket]!.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    expect(r[CFN_IDS.bucket]!.Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(r[CFN_IDS.table]!.Properties.KeySchema).toEqual([{ AttributeName: 'LockID', KeyType: 'HASH' }]);
    expect(r[CFN_IDS.table]!.Properties.AttributeDefinitions).toEqual([{ AttributeName: 'LockID', AttributeType: 'S' }]);
    expect(r[CFN_IDS.table]!.Properties.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('refers to the table ARN with Fn::GetAtt and otherwise matches the rendered platform policy', () => {
    const role = (cloudFormationTemplate(HOSTILE).Resources as Record<string, { Properties: { Policies: { PolicyName: string; PolicyDocument: unknown }[] } }>)[CFN_IDS.role]!;
    const [policy] = role.Properties.Policies;
    expect(policy!.PolicyName).toBe('Bodo-Platform-User-Policy');
    const text = JSON.stringify(policy!.PolicyDocument);
    expect(text).toContain(JSON.stringify({ 'Fn::GetAtt': [CFN_IDS.table, 'Arn'] }));
    const arn = 'arn:aws:dynamodb:us-west-2:111122223333:table/Lock.Table_1-x';
    const resolved = JSON.parse(text.split(JSON.stringify({ 'Fn::GetAtt': [CFN_IDS.table, 'Arn'] })).join(JSON.stringify(arn)));
    expect(resolved).toEqual(JSON.parse(renderPlatformPolicy(HOSTILE.bucketName, arn)));
  });

  it('outputs the role ARN and the table ARN', () => {
    const out = cloudFormationTemplate(HOSTILE).Outputs as Record<string, { Value: unknown }>;
    expect(out.RoleArn!.Value).toEqual({ 'Fn::GetAtt': [CFN_IDS.role, 'Arn'] });
    expect(out.TableArn!.Value).toEqual({ 'Fn::GetAtt': [CFN_IDS.table, 'Arn'] });
  });
});

describe('Terraform renderer', () => {
  it('escapes quotes, backslashes, control characters and template introducers', () => {
    expect(hclEscape('a"b\\c')).toBe('a\\"b\\\\c');
    expect(hclEscape('line\nnext\ttab\r')).toBe('line\\nnext\\ttab\\r');
    expect(hclEscape('${var.x} %{ if true }')).toBe('$${var.x} %%{ if true }');
    expect(hclEscape('$x %y $$ {}')).toBe('$x %y $$ {}');
    expect(hclEscape('\u0001')).toBe('\\u0001');
    expect(hclString('=,.@:/_-+')).toBe('"=,.@:/_-+"');
  });

  it('writes every value as an escaped literal and refers to resources for ARNs', () => {
    const tf = renderTerraform(HOSTILE);
    expect(tf).toContain(`configuration_name  = "${HOSTILE.name}"`);
    expect(tf).toContain(`external_id         = "${HOSTILE.externalId}"`);
    expect(tf).toContain(`role_name           = "${HOSTILE.roleName}"`);
    expect(tf).toContain('"Resource" = aws_dynamodb_table.lock.arn');
    expect(tf).toContain('"Resource" = "arn:aws:s3:::${aws_s3_bucket.state.bucket}/*"');
    expect(tf).toContain('"onramp:configuration" = local.configuration_name');
    expect(tf).toContain('"sts:ExternalId" = local.external_id');
    expect(tf).toMatch(/source\s+= "hashicorp\/aws"\n\s+version = "~> 5.0"/);
    expect(tf).toContain('default     = "us-west-2"');
    expect(tf).toContain('name = "Bodo-Platform-User-Policy"');
    expect(tf).not.toContain('$$BUCKET_NAME$$');
    expect(tf).not.toContain('@@ONRAMP');
    // The document stays clean for real AWS: no endpoints, keys or skip flags.
    expect(tf).not.toMatch(/endpoints|access_key|skip_/);
  });

  it('lets the provider choose the bucket location (us-east-1 included)', () => {
    expect(renderTerraform(EAST)).toContain('default     = "us-east-1"');
    expect(renderTerraform(EAST)).not.toMatch(/location_constraint|LocationConstraint/);
  });
});

describe('AWS CLI script renderer', () => {
  it('quotes for bash so nothing inside expands', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('$(rm -rf /) `x` $HOME "q"')).toBe(`'$(rm -rf /) \`x\` $HOME "q"'`);
  });

  it('sends a LocationConstraint outside us-east-1 only', () => {
    expect(renderCliScript(HOSTILE)).toContain('--create-bucket-configuration "LocationConstraint=$REGION"');
    expect(renderCliScript(EAST)).not.toContain('LocationConstraint');
    expect(renderCliScript(EAST)).toContain(`aws s3api create-bucket --region "$REGION" --bucket "$BUCKET" >/dev/null`);
  });

  it('makes every call the app makes, fails fast, and takes the table ARN from DescribeTable', () => {
    const sh = renderCliScript(HOSTILE);
    expect(sh.startsWith('#!/usr/bin/env bash\n')).toBe(true);
    expect(sh).toContain('set -euo pipefail');
    for (const call of [
      's3api create-bucket',
      's3api put-public-access-block',
      's3api put-bucket-encryption',
      's3api put-bucket-tagging',
      'dynamodb create-table',
      'dynamodb wait table-exists',
      'dynamodb describe-table',
      'iam create-role',
      'iam put-role-policy',
    ]) {
      expect(sh).toContain(`aws ${call} `);
    }
    expect(sh).toContain('--billing-mode PAY_PER_REQUEST');
    expect(sh).toContain('BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true');
    expect(sh).toContain('"SSEAlgorithm":"AES256"');
  });

  it.skipIf(!HAS_BASH)('assigns exactly the inputs to the shell variables (bash reads them back)', () => {
    const sh = renderCliScript(HOSTILE);
    const header = sh.slice(0, sh.indexOf('log() {'));
    const probe = `${header}\nprintf '%s\\0' "$CONFIGURATION_NAME" "$BUCKET" "$TABLE" "$ROLE" "$TRUST_POLICY_JSON" "$TAGS_JSON" "$POLICY_TEMPLATE_JSON"`;
    const res = spawnSync('bash', ['-c', probe], { encoding: 'utf8' });
    expect(res.status).toBe(0);
    const [name, bucket, table, role, trust, tags, policy] = res.stdout.split('\0');
    expect([name, bucket, table, role]).toEqual([HOSTILE.name, HOSTILE.bucketName, HOSTILE.tableName, HOSTILE.roleName]);
    expect(JSON.parse(trust!)).toEqual(JSON.parse(trustPolicy(HOSTILE.platformAccountId, HOSTILE.externalId)));
    expect(JSON.parse(tags!)).toEqual([
      { Key: 'managed-by', Value: 'onramp' },
      { Key: 'onramp:configuration', Value: HOSTILE.name },
    ]);
    const arn = 'arn:aws:dynamodb:us-west-2:111122223333:table/Lock.Table_1-x';
    expect(JSON.parse(policy!.split('@@ONRAMP_TABLE_ARN@@').join(arn))).toEqual(JSON.parse(renderPlatformPolicy(HOSTILE.bucketName, arn)));
  });

  it.skipIf(!HAS_BASH)('substitutes the table ARN into the policy with bash, literally', () => {
    const sh = renderCliScript(HOSTILE);
    const header = sh.slice(0, sh.indexOf('log() {'));
    const line = sh.split('\n').find((l) => l.startsWith('POLICY_JSON='))!;
    // `&` would mean "the match" in an unquoted bash 5.2 replacement; the script quotes it.
    const arn = 'arn:aws:dynamodb:us-west-2:111122223333:table/a&b';
    const res = spawnSync('bash', ['-c', `${header}\nTABLE_ARN='${arn}'\n${line}\nprintf '%s' "$POLICY_JSON"`], { encoding: 'utf8' });
    expect(JSON.parse(res.stdout)).toEqual(JSON.parse(renderPlatformPolicy(HOSTILE.bucketName, arn)));
  });

  it.skipIf(!HAS_BASH)('is syntactically valid bash', () => {
    for (const src of [HOSTILE, EAST]) expect(spawnSync('bash', ['-n'], { input: renderCliScript(src) }).status).toBe(0);
  });
});

describe('renderExport', () => {
  it('names the file after the configuration, safely', () => {
    expect(fileStem('Prod: team/a @x=1+2 _.-')).toBe('onramp-prod-team-a-x-1-2-_');
    expect(fileStem('../../etc/passwd')).toBe('onramp-etc-passwd');
    expect(fileStem('@@@')).toBe('onramp-configuration');
    const docs = (['cloudformation', 'terraform', 'cli'] as const).map((f) => renderExport(HOSTILE, f));
    expect(docs.map((d) => d.filename)).toEqual([
      'onramp-prod-team-a-x-1-2-_.cfn.json',
      'onramp-prod-team-a-x-1-2-_.tf',
      'onramp-prod-team-a-x-1-2-_.sh',
    ]);
    expect(docs.map((d) => d.mimeType)).toEqual(['application/json', 'text/plain', 'text/x-shellscript']);
    for (const d of docs) expect(d.filename).toMatch(/^[a-z0-9._-]+$/);
  });
});
