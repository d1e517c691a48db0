import { z } from 'zod';
import {
  validateAccountId,
  validateBucketName,
  validateConfigurationName,
  validateExternalId,
  validateRoleName,
  validateTableName,
} from '../validation/names';
import { namedString, RegionSchema } from './common';
import { PlatformLinkSchema } from './platform';

/** The platform's AWS account, which assumes the role (FACTS.md). */
export const DEFAULT_PLATFORM_ACCOUNT_ID = '481633624848';
/** The role name the platform's instructions use. */
export const DEFAULT_ROLE_NAME = 'BodoPlatformUser';
/** The inline policy name the platform's instructions use. */
export const INLINE_POLICY_NAME = 'Bodo-Platform-User-Policy';

/** What the user describes in the setup form. */
export const SetupInputSchema = z
  .object({
    name: namedString('Configuration name', validateConfigurationName),
    region: RegionSchema,
    bucketName: namedString('S3 bucket name', validateBucketName),
    tableName: namedString('DynamoDB table name', validateTableName),
    roleName: namedString('IAM role name', validateRoleName),
    externalId: namedString('External ID', validateExternalId),
    platformAccountId: namedString('Platform account ID', validateAccountId),
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
  action: z.enum(['create', 'keep', 'conflict']),
  detail: z.string(),
});
export type PlanStep = z.infer<typeof PlanStepSchema>;

/** The whole plan; it may be applied only when no step is a conflict. */
export const PlanSchema = z.object({ steps: z.array(PlanStepSchema) });
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

/** A saved configuration plus bookkeeping. */
export const SavedConfigurationSchema = CloudConfigurationSchema.extend({
  accountId: z.string(),
  profile: z.string().nullable(),
  createdAt: z.string(),
  verifiedAt: z.string().nullable(),
  /** Set once the configuration is registered with the Bodo Platform (optional: older files lack it). */
  platform: PlatformLinkSchema.optional(),
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

/** One verify check (drift detection). */
export const VerifyCheckSchema = z.object({ id: z.string(), ok: z.boolean(), detail: z.string() });
export type VerifyCheck = z.infer<typeof VerifyCheckSchema>;

/** Result of re-checking a configuration against AWS. */
export const VerifyResultSchema = z.object({ ok: z.boolean(), checks: z.array(VerifyCheckSchema) });
export type VerifyResult = z.infer<typeof VerifyResultSchema>;

/** Result of tearing a configuration down. */
export const DestroyResultSchema = z.object({
  deleted: z.array(z.string()),
  kept: z.array(z.object({ resource: z.string(), reason: z.string() })),
});
export type DestroyResult = z.infer<typeof DestroyResultSchema>;
