import { INLINE_POLICY_NAME, type VerifyCheck, type VerifyResult } from '../../../shared/contract/setup';
import type { AwsContext } from '../aws/context';
import { whoAmI } from '../profiles/session';
import {
  bucketEncryption,
  bucketPublicAccessBlock,
  bucketTags,
  inspectBucket,
  inspectPolicy,
  inspectRole,
  inspectTable,
  roleTags,
  tableKeyMismatch,
  tableTags,
} from './inspect';
import { renderPlatformPolicy, samePolicy } from './policy';
import { tableArnFor } from './plan';
import { CONFIGURATION_TAG_KEY, MANAGED_BY_TAG } from './tags';
import { trustMismatch } from './trust';

/** What verify checks: the configuration's names and expectations (ARNs when known). */
export interface VerifyTarget {
  name: string;
  region: string;
  bucketName: string;
  tableName: string;
  roleName: string;
  externalId: string;
  platformAccountId: string;
  tableArn?: string;
  roleArn?: string;
}

function tagDetail(tags: Record<string, string>, name: string): VerifyCheck['detail'] {
  const missing = [
    tags[MANAGED_BY_TAG.key] === MANAGED_BY_TAG.value ? null : `${MANAGED_BY_TAG.key}=${MANAGED_BY_TAG.value}`,
    tags[CONFIGURATION_TAG_KEY] === name ? null : `${CONFIGURATION_TAG_KEY}=${name}`,
  ].filter(Boolean);
  return missing.length ? `missing tag ${missing.join(' and ')}` : 'tagged managed-by=onramp and onramp:configuration';
}

/**
 * Re-check a Cloud Configuration against AWS and report each check (drift detection). Read-only.
 * Checks stop descending into a resource that is missing, so one drift gives one clear failure.
 */
export async function verifyConfiguration(aws: AwsContext, target: VerifyTarget): Promise<VerifyResult> {
  const checks: VerifyCheck[] = [];
  const add = (id: string, ok: boolean, detail: string) => checks.push({ id, ok, detail });
  const { account } = await whoAmI(aws);
  const tableArn = target.tableArn ?? tableArnFor(target.region, account, target.tableName);

  const bucket = await inspectBucket(aws, target.bucketName, account);
  if (bucket.kind !== 'ours') {
    add('bucket.exists', false, bucket.kind === 'absent' ? `bucket ${target.bucketName} does not exist` : `bucket ${target.bucketName} ${bucket.detail}`);
  } else {
    add('bucket.exists', true, `bucket ${target.bucketName} exists and is owned by this account`);
    add('bucket.region', bucket.region === target.region, `bucket is in ${bucket.region}${bucket.region === target.region ? '' : `, expected ${target.region}`}`);
    const [pab, enc, tags] = await Promise.all([
      bucketPublicAccessBlock(aws, target.bucketName, bucket.region),
      bucketEncryption(aws, target.bucketName, bucket.region),
      bucketTags(aws, target.bucketName, bucket.region),
    ]);
    const pabOk = Boolean(pab?.BlockPublicAcls && pab.IgnorePublicAcls && pab.BlockPublicPolicy && pab.RestrictPublicBuckets);
    add('bucket.public-access-block', pabOk, pabOk ? 'all four Block Public Access settings are on' : 'Block Public Access is not fully on');
    add('bucket.encryption', enc === 'AES256', enc ? `default encryption ${enc}${enc === 'AES256' ? ' (SSE-S3)' : ', expected AES256 (SSE-S3)'}` : 'no default encryption');
    const t = tagDetail(tags, target.name);
    add('bucket.tags', !t.startsWith('missing'), t);
  }

  const table = await inspectTable(aws, target.tableName, target.region);
  if (table.kind === 'absent') {
    add('table.exists', false, `table ${target.tableName} does not exist in ${target.region}`);
  } else {
    const t = table.table;
    add('table.exists', true, `table ${target.tableName} exists in ${target.region}`);
    add('table.arn', t.TableArn === tableArn, `ARN ${t.TableArn}${t.TableArn === tableArn ? '' : `, expected ${tableArn}`}`);
    const keyProblem = tableKeyMismatch(t);
    add('table.key-schema', keyProblem === null, keyProblem ?? 'partition key LockID of type String');
    add('table.status', t.TableStatus === 'ACTIVE', `status ${t.TableStatus}`);
    const billing = t.BillingModeSummary?.BillingMode ?? 'PROVISIONED';
    add('table.billing', billing === 'PAY_PER_REQUEST', `billing mode ${billing}`);
    const tags = t.TableArn ? await tableTags(aws, t.TableArn, target.region) : {};
    const td = tagDetail(tags, target.name);
    add('table.tags', !td.startsWith('missing'), td);
  }

  const role = await inspectRole(aws, target.roleName);
  if (role.kind === 'absent') {
    add('role.exists', false, `role ${target.roleName} does not exist`);
  } else {
    add('role.exists', true, `role ${role.role.Arn}`);
    if (target.roleArn) add('role.arn', role.role.Arn === target.roleArn, `ARN ${role.role.Arn}${role.role.Arn === target.roleArn ? '' : `, expected ${target.roleArn}`}`);
    const mismatch = trustMismatch(role.trust, target.platformAccountId, target.externalId);
    add('role.trust', mismatch === null, mismatch ?? `trusts arn:aws:iam::${target.platformAccountId}:root with the external ID`);
    const td = tagDetail(await roleTags(aws, target.roleName), target.name);
    add('role.tags', !td.startsWith('missing'), td);
    const policy = await inspectPolicy(aws, target.roleName, INLINE_POLICY_NAME);
    if (policy.kind === 'absent') {
      add('policy.exists', false, `inline policy ${INLINE_POLICY_NAME} is missing from the role`);
    } else {
      add('policy.exists', true, `inline policy ${INLINE_POLICY_NAME} is attached`);
      const same = samePolicy(policy.document, JSON.parse(renderPlatformPolicy(target.bucketName, tableArn)));
      add('policy.document', same, same ? 'matches the platform policy for this bucket and table' : 'differs from the platform policy for this bucket and table');
    }
  }
  return { ok: checks.every((c) => c.ok), checks };
}
