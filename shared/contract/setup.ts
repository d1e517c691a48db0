import { z } from 'zod';
import {
  validateAccountId,
  validateBucketName,
  validateConfigurationName,
  validateExternalId,
  validateRoleName,
  validateTableName,
} from '../validation/names';
import { normaliseAccountId, trimPasted } from '../validation/forgiving';
import { namedString, RegionSchema } from './common';
import { PlatformLinkSchema } from './platform';

export { DEFAULT_PLATFORM_ACCOUNT_ID, DEFAULT_ROLE_NAME } from '../defaults';
/** The inline policy name the platform's instructions use. */
export const INLINE_POLICY_NAME = 'Bodo-Platform-User-Policy';

/**
 * What the user describes in the setup form. Pasted values are trimmed and the platform account ID
 * may be typed as the console shows it (`4816-3362-4848`); the parsed input holds the normalised values.
 */
export const SetupInputSchema = z
  .object({
    name: namedString('Configuration name', validateConfigurationName, undefined, trimPasted),
    region: RegionSchema,
    bucketName: namedString('S3 bucket name', validateBucketName, undefined, trimPasted),
    tableName: namedString('DynamoDB table name', validateTableName, undefined, trimPasted),
    roleName: namedString('IAM role name', validateRoleName, undefined, trimPasted),
    externalId: namedString('External ID', validateExternalId, undefined, trimPasted),
    platformAccountId: namedString('Platform account ID', validateAccountId, undefined, normaliseAccountId),
  })
  .strict();
export type SetupInput = z.infer<typeof SetupInputSchema>;

/** The four resources a Cloud Configuration consists of. */
export const SetupResourceSchema = z.enum(['bucket', 'table', 'role', 'policy']);
export type SetupResource = z.infer<typeof SetupResourceSchema>;

/** One line of the plan: what will happen to one resource. */
export const PlanStepSchema = z.object({
  resource: SetupResourceSchema,
  name: z.string(),
  /** create (absent), keep (matches in every property Onramp sets), update (Onramp's, hardened by apply), conflict. */
  action: z.enum(['create', 'keep', 'update', 'conflict']),
  detail: z.string(),
  /** The role only: who besides the platform (with your external ID) its trust policy lets assume it, in words. */
  alsoTrusted: z.array(z.string()).optional(),
});
export type PlanStep = z.infer<typeof PlanStepSchema>;

/** A resource an interrupted run's journal lists, and how far that run got with it. */
export const JournalResourceSchema = z.object({
  kind: SetupResourceSchema,
  name: z.string(),
  state: z.enum(['intended', 'created', 'hardened']),
  /** What identifies the resource once created (RoleId; table ARN and creation time; bucket creation date). */
  identity: z.object({ id: z.string().optional(), createdAt: z.string().optional() }).optional(),
});

/** A setup run that stopped before completing or undoing (a crash, a killed process). */
export const InterruptedRunSchema = z.object({
  runId: z.string(),
  configuration: z.string(),
  account: z.string(),
  region: RegionSchema,
  profile: z.string().nullable(),
  startedAt: z.string(),
  resources: z.array(JournalResourceSchema),
  input: SetupInputSchema,
});
export type InterruptedRun = z.infer<typeof InterruptedRunSchema>;

/** The whole plan; it may be applied only when no step is a conflict. */
export const PlanSchema = z.object({
  steps: z.array(PlanStepSchema),
  /** Interrupted runs of this configuration: apply finishes them; their resources count as this configuration's. */
  interrupted: z.array(InterruptedRunSchema).default([]),
});
export type Plan = z.infer<typeof PlanSchema>;

/** A saved Cloud Configuration: what the platform's form needs, never a secret. */
export const CloudConfigurationSchema = z.object({
  name: z.string(),
  region: RegionSchema,
  bucketName: z.string(),
  tableName: z.string(),
  tableArn: z.string(),
  roleName: z.string(),
  roleArn: z.string(),
  externalId: z.string(),
  platformAccountId: z.string(),
});
export type CloudConfiguration = z.infer<typeof CloudConfigurationSchema>;

/**
 * What identifies each resource Onramp created, recorded when it was created: a resource of the same
 * name with another identity was deleted and re-created by someone else. The role's unique RoleId
 * (IAM GetRole), the table's ARN and CreationDateTime (DynamoDB DescribeTable), the bucket's
 * CreationDate (S3 ListBuckets). A resource Onramp did not create has no entry.
 */
export const CreatedIdentitySchema = z.object({
  bucket: z.object({ createdAt: z.string() }).optional(),
  table: z.object({ arn: z.string(), createdAt: z.string() }).optional(),
  role: z.object({ roleId: z.string() }).optional(),
});
export type CreatedIdentity = z.infer<typeof CreatedIdentitySchema>;

/** A saved configuration plus bookkeeping. */
export const SavedConfigurationSchema = CloudConfigurationSchema.extend({
  accountId: z.string(),
  profile: z.string().nullable(),
  createdAt: z.string(),
  verifiedAt: z.string().nullable(),
  /** Set once the configuration is registered with the Bodo Platform (optional: older files lack it). */
  platform: PlatformLinkSchema.optional(),
  /** What identifies the resources Onramp created (optional: older files lack it, and then tags and names decide). */
  identity: CreatedIdentitySchema.optional(),
});
export type SavedConfiguration = z.infer<typeof SavedConfigurationSchema>;

/** Live state of one apply step. */
export const ApplyStepStatusSchema = z.object({
  id: z.enum(['bucket', 'table', 'role', 'policy', 'propagation', 'rollback']),
  label: z.string(),
  state: z.enum(['pending', 'running', 'done', 'skipped', 'failed', 'undone']),
  detail: z.string().nullable(),
});
export type ApplyStepStatus = z.infer<typeof ApplyStepStatusSchema>;

/** One verify check (drift detection); `label` is what people read, `id` what scripts match. */
export const VerifyCheckSchema = z.object({
  id: z.string(),
  label: z.string(),
  resource: SetupResourceSchema,
  ok: z.boolean(),
  detail: z.string(),
  /** role.trust only: who besides the platform (with your external ID) the trust policy lets assume the role, in words. */
  alsoTrusted: z.array(z.string()).optional(),
});
export type VerifyCheck = z.infer<typeof VerifyCheckSchema>;

/** Result of re-checking a configuration against AWS. */
export const VerifyResultSchema = z.object({ ok: z.boolean(), checks: z.array(VerifyCheckSchema) });
export type VerifyResult = z.infer<typeof VerifyResultSchema>;

/** Something Onramp could not undo or delete: what, why, and exactly how to finish by hand. */
export const ManualStepSchema = z.object({
  resource: SetupResourceSchema,
  name: z.string(),
  reason: z.string(),
  /** The AWS CLI command that finishes it. */
  command: z.string(),
  /** Where in the AWS console to do it instead. */
  console: z.string(),
});
export type ManualStep = z.infer<typeof ManualStepSchema>;

/** Result of tearing a configuration down. */
export const DestroyResultSchema = z.object({
  deleted: z.array(z.string()),
  kept: z.array(z.object({ resource: z.string(), reason: z.string() })),
  /** What was done on purpose and is worth saying (a pre-existing role kept, its Onramp policy removed). */
  notes: z.array(z.string()).default([]),
  /** True when the run was cancelled before it finished (what is listed was done). */
  cancelled: z.boolean().default(false),
});
export type DestroyResult = z.infer<typeof DestroyResultSchema>;
