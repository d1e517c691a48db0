import type { SetupInput } from '../contract/setup';

/**
 * Every IAM action `setup apply` performs (or that its plan, verify and rollback perform), with what
 * the user loses without it. Kept in step with main/core/setup (inspect, apply, rollback); the
 * permission preflight simulates exactly this list.
 */

/** One action the setup needs and the step it blocks. */
export interface SetupAction {
  action: string;
  blocks: string;
}

/** The actions, in the order setup uses them. */
export const SETUP_ACTIONS: readonly SetupAction[] = [
  { action: 's3:ListBucket', blocks: 'checking whether the bucket name is free (HeadBucket)' },
  { action: 's3:ListAllMyBuckets', blocks: 'confirming an existing bucket belongs to this account' },
  { action: 's3:GetBucketLocation', blocks: "finding an existing bucket's region" },
  { action: 's3:CreateBucket', blocks: 'creating the bucket' },
  { action: 's3:PutBucketPublicAccessBlock', blocks: "blocking public access to the bucket" },
  { action: 's3:PutEncryptionConfiguration', blocks: "turning on the bucket's default encryption" },
  { action: 's3:PutBucketTagging', blocks: 'tagging the bucket so Onramp can recognise it later' },
  { action: 's3:GetBucketTagging', blocks: "reading the bucket's tags (plan and verify)" },
  { action: 's3:GetBucketPublicAccessBlock', blocks: "verifying the bucket's public-access block" },
  { action: 's3:GetEncryptionConfiguration', blocks: "verifying the bucket's encryption" },
  { action: 'dynamodb:CreateTable', blocks: 'creating the table' },
  { action: 'dynamodb:DescribeTable', blocks: 'checking the table exists and waiting until it is ACTIVE' },
  { action: 'dynamodb:TagResource', blocks: 'tagging the table (CreateTable with tags needs it)' },
  { action: 'dynamodb:ListTagsOfResource', blocks: "reading the table's tags (plan and verify)" },
  { action: 'iam:CreateRole', blocks: 'creating the role the platform assumes' },
  { action: 'iam:TagRole', blocks: 'tagging the role (CreateRole with tags needs it)' },
  { action: 'iam:GetRole', blocks: 'checking the role exists and reading its trust policy' },
  { action: 'iam:ListRoleTags', blocks: "reading the role's tags (plan and verify)" },
  { action: 'iam:PutRolePolicy', blocks: "putting the platform's inline policy on the role" },
  { action: 'iam:GetRolePolicy', blocks: "reading the role's inline policy back (verify)" },
  { action: 's3:DeleteBucket', blocks: 'undoing a failed setup (deleting the bucket it created)' },
  { action: 'dynamodb:DeleteTable', blocks: 'undoing a failed setup (deleting the table it created)' },
  { action: 'iam:DeleteRolePolicy', blocks: "undoing a failed setup (removing the role's inline policy)" },
  { action: 'iam:DeleteRole', blocks: 'undoing a failed setup (deleting the role it created)' },
];

/** The names a setup will use, for checking its permissions on those exact resources. */
export type SetupResourceNames = Pick<SetupInput, 'region' | 'bucketName' | 'tableName' | 'roleName'>;

/** What an action is performed on: the bucket, the table, the role, or the account as a whole. */
export type ActionTarget = 'bucket' | 'table' | 'role' | 'account';

/** The resource a setup action acts on (s3:ListAllMyBuckets has no resource but the account). */
export function actionTarget(action: string): ActionTarget {
  if (action === 's3:ListAllMyBuckets') return 'account';
  if (action.startsWith('s3:')) return 'bucket';
  if (action.startsWith('dynamodb:')) return 'table';
  if (action.startsWith('iam:')) return 'role';
  return 'account';
}

/**
 * The ARN an action of `target` acts on, for names in `account` (null for the account as a whole).
 * The supported regions are all in the `aws` partition.
 */
export function targetArn(target: ActionTarget, names: SetupResourceNames, account: string): string | null {
  switch (target) {
    case 'bucket':
      return `arn:aws:s3:::${names.bucketName}`;
    case 'table':
      return `arn:aws:dynamodb:${names.region}:${account}:table/${names.tableName}`;
    case 'role':
      return `arn:aws:iam::${account}:role/${names.roleName}`;
    case 'account':
      return null;
  }
}

/** The setup actions whose requests carry Onramp's tags (so `aws:RequestTag` / `aws:TagKeys` conditions apply). */
export const TAGGING_ACTIONS: ReadonlySet<string> = new Set([
  's3:PutBucketTagging',
  'dynamodb:CreateTable',
  'dynamodb:TagResource',
  'iam:CreateRole',
  'iam:TagRole',
]);
