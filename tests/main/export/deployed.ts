/**
 * Shared checks for the export integration tests: the resources a deployed export produced in moto
 * must be the ones the app itself creates. The oracle is the app's own verify (every check) and plan
 * (every step "keep"), plus the role description and inline policy read back with our own SDK client.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { GetPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import { GetRoleCommand, GetRolePolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import type { AwsContext } from '../../../main/core/aws/context';
import { contextForProfile } from '../../../main/core/profiles/session';
import { planSetup, verifyConfiguration } from '../../../main/core/setup';
import { renderPlatformPolicy, samePolicy } from '../../../main/core/setup/policy';
import { roleDescription } from '../../../main/core/export/source';
import { awsTestEnv, type Moto } from '../../helpers/moto';

/** Where moto answers: a Moto or a useMoto() handle. */
type MotoUrl = Pick<Moto, 'url'>;
import type { SetupInput } from '../../../shared/contract/setup';

/** moto's default account. */
export const ACCOUNT = '123456789012';


/** Inputs that are valid per AWS rules but full of characters that mean something to JSON, HCL or bash. */
export function hostileInput(region: SetupInput['region']): SetupInput {
  const id = randomBytes(4).toString('hex');
  return {
    name: `Export test: ${id} team/a @x=1+2 _.-`,
    region,
    bucketName: `onramp-export.${id}-state`,
    tableName: `Onramp.Locks_${id}-x`,
    roleName: `Bodo+Role=,.@_-${id}`,
    externalId: `ext=,.@:/_-+${id}/with:colons=and+plus`,
    platformAccountId: '481633624848',
  };
}

/**
 * A minimal environment for an external tool (aws CLI, terraform) that can only reach moto: no
 * developer AWS settings, static test keys, empty config files, AWS_ENDPOINT_URL set to moto.
 */
export function toolEnv(moto: MotoUrl, region: string): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), 'onramp-export-home-'));
  return {
    PATH: process.env.PATH,
    HOME: home,
    LANG: 'C.UTF-8',
    AWS_ACCESS_KEY_ID: 'AKIAEXPORTTEST000001',
    AWS_SECRET_ACCESS_KEY: 'export-test-secret',
    AWS_DEFAULT_REGION: region,
    AWS_CONFIG_FILE: join(home, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL: moto.url,
  };
}

/**
 * True when the AWS CLI on this machine sends requests to AWS_ENDPOINT_URL (CLI v2, v1 with
 * botocore >= 1.31). Checked against moto's account so a test never reaches real AWS.
 */
export function awsCliHonoursEndpoint(env: NodeJS.ProcessEnv): boolean {
  const res = spawnSync('aws', ['sts', 'get-caller-identity', '--query', 'Account', '--output', 'text'], { env, encoding: 'utf8', timeout: 30_000 });
  return res.status === 0 && res.stdout.trim() === ACCOUNT;
}

/** The app's AWS context against moto (the same one the app and the CLI build). */
export async function appContext(moto: MotoUrl, region: string): Promise<AwsContext> {
  return contextForProfile({ profile: 'default', env: awsTestEnv(moto), region });
}

/** Read an inline policy as moto returns it: URL-encoded JSON, or (moto's CloudFormation) a Python dict repr. */
function parseStoredPolicy(raw: string): unknown {
  const text = raw.trimStart().startsWith('{') ? raw : decodeURIComponent(raw);
  try {
    return JSON.parse(text);
  } catch {
    // moto 5.2 stores CloudFormation's inline policies with str(dict): single quotes. None of our
    // values contains a quote, so swapping them recovers the document.
    return JSON.parse(text.replace(/'/g, '"').replace(/\bTrue\b/g, 'true').replace(/\bFalse\b/g, 'false'));
  }
}

/** Checks the export may fail on because of a known moto gap, with the reason to print. */
export type MotoGaps = Partial<Record<string, string>>;

/**
 * Assert that moto now holds exactly what the app's apply would have created for `input`.
 * `gaps` lists verify checks moto cannot satisfy for this deployment path, each re-checked here by
 * other means or reported with a warning.
 */
export async function expectSameAsApp(moto: MotoUrl, input: SetupInput, gaps: MotoGaps = {}): Promise<{ tableArn: string; roleArn: string }> {
  const aws = await appContext(moto, input.region);
  const tableArn = `arn:aws:dynamodb:${input.region}:${ACCOUNT}:table/${input.tableName}`;
  const roleArn = `arn:aws:iam::${ACCOUNT}:role/${input.roleName}`;
  const creds = { accessKeyId: 'AKIAOBSERVER00000001', secretAccessKey: 'observer' };
  const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.url, credentials: creds });
  const s3 = new S3Client({ region: input.region, endpoint: moto.url, forcePathStyle: true, credentials: creds });

  // The app's own verify: bucket region, Block Public Access, SSE-S3, tags; table key, billing,
  // status, tags, ARN; role trust, tags, ARN; inline policy present and equal to the platform's.
  const verify = await verifyConfiguration(aws, { ...input, tableArn, roleArn });
  const failed = verify.checks.filter((c) => !c.ok);
  for (const c of failed) {
    if (!gaps[c.id]) continue;
    console.warn(`[export tests] ${c.id} not checkable through verify: ${gaps[c.id]}`);
  }
  expect(failed.filter((c) => !gaps[c.id])).toEqual([]);
  expect(verify.checks.map((c) => c.id)).toEqual(
    expect.arrayContaining(['bucket.region', 'bucket.encryption', 'bucket.tags', 'table.key-schema', 'table.billing', 'table.tags', 'role.trust', 'role.tags', 'policy.document']),
  );

  // Block Public Access, read directly (moto's CloudFormation may not apply it: see gaps).
  const pab = await s3.send(new GetPublicAccessBlockCommand({ Bucket: input.bucketName })).then(
    (out) => ({ ok: true as const, config: out.PublicAccessBlockConfiguration }),
    (err: { name?: string }) => ({ ok: false as const, error: String(err.name) }),
  );
  if (pab.ok) {
    expect(pab.config).toEqual({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
  } else {
    expect(gaps['bucket.public-access-block'], `GetPublicAccessBlock failed: ${pab.error}`).toBeTruthy();
  }

  // The role's description and inline policy, read back with our own client.
  const role = await iam.send(new GetRoleCommand({ RoleName: input.roleName }));
  expect(role.Role?.Description).toBe(roleDescription(input));
  expect(role.Role?.Arn).toBe(roleArn);
  const policy = await iam.send(new GetRolePolicyCommand({ RoleName: input.roleName, PolicyName: 'Bodo-Platform-User-Policy' }));
  expect(samePolicy(parseStoredPolicy(policy.PolicyDocument!), JSON.parse(renderPlatformPolicy(input.bucketName, tableArn)))).toBe(true);

  // And the app's plan for the same inputs keeps everything: re-running the app would change nothing.
  const plan = await planSetup(aws, input);
  expect(plan.steps.filter((s) => s.action !== 'keep' && !gaps[`plan.${s.resource}`])).toEqual([]);
  return { tableArn, roleArn };
}
