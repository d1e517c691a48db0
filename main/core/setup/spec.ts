import type { BucketLocationConstraint, PublicAccessBlockConfiguration } from '@aws-sdk/client-s3';
import type { AttributeDefinition, BillingMode, KeySchemaElement } from '@aws-sdk/client-dynamodb';
import { INLINE_POLICY_NAME, type SetupInput } from '../../../shared/contract/setup';
import { onrampTags } from './tags';
import { trustPolicy } from './trust';

/**
 * The one definition of what a Cloud Configuration's resources look like. Plan compares against it,
 * apply creates and hardens to it, verify checks it, and the three exporters render it; a property
 * Onramp sets is written here and nowhere else.
 */
export const RESOURCE_SPEC = {
  bucket: {
    publicAccessBlock: {
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    } satisfies Required<Pick<PublicAccessBlockConfiguration, 'BlockPublicAcls' | 'IgnorePublicAcls' | 'BlockPublicPolicy' | 'RestrictPublicBuckets'>>,
    /** SSE-S3. */
    encryption: 'AES256',
  },
  table: {
    /** The Terraform-style state lock key the platform needs (docs/platform-api.md#onboarding). */
    lockKey: 'LockID',
    lockKeyType: 'S',
    billingMode: 'PAY_PER_REQUEST' satisfies BillingMode,
  },
  role: {
    inlinePolicyName: INLINE_POLICY_NAME,
  },
} as const;

/** The table's key schema as CreateTable takes it. */
export function tableKeySchema(): { AttributeDefinitions: AttributeDefinition[]; KeySchema: KeySchemaElement[] } {
  const { lockKey, lockKeyType } = RESOURCE_SPEC.table;
  return {
    AttributeDefinitions: [{ AttributeName: lockKey, AttributeType: lockKeyType }],
    KeySchema: [{ AttributeName: lockKey, KeyType: 'HASH' }],
  };
}

/** CreateBucket's location argument: none in us-east-1, which rejects a LocationConstraint naming itself (docs/aws-facts.md#s3). */
export function bucketLocation(region: string): { CreateBucketConfiguration?: { LocationConstraint: BucketLocationConstraint } } {
  return region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } };
}

/** The S3 encryption configuration as PutBucketEncryption takes it. */
export function bucketEncryptionConfiguration() {
  return { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: RESOURCE_SPEC.bucket.encryption } }] };
}

/** The tags every resource of a configuration carries. */
export function specTags(input: Pick<SetupInput, 'name'>): { Key: string; Value: string }[] {
  return onrampTags(input.name);
}

/** The role's description. */
export function roleDescription(input: Pick<SetupInput, 'name' | 'platformAccountId'>): string {
  return `Lets the Bodo Platform (account ${input.platformAccountId}) manage resources for configuration ${input.name}. Created by Onramp.`;
}

/** The role's trust policy document (JSON text). */
export function roleTrustPolicy(input: Pick<SetupInput, 'platformAccountId' | 'externalId'>): string {
  return trustPolicy(input.platformAccountId, input.externalId);
}

/** True when a Block Public Access configuration has every setting the spec turns on. */
export function publicAccessBlockMatches(pab: PublicAccessBlockConfiguration | null): boolean {
  const want = RESOURCE_SPEC.bucket.publicAccessBlock;
  return Boolean(pab) && (Object.keys(want) as (keyof typeof want)[]).every((k) => pab![k] === want[k]);
}
