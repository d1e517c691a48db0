import { z } from 'zod';
import { validateBucketName, validateRoleName, validateTableName } from '../validation/names';
import { namedString, RegionSchema } from './common';
import type { ContractEntry } from './entry';
import type { READINESS_CHANNELS } from './readiness-channels';

/** Most vCPUs a workspace may be said to need: far above any real quota, low enough to stay a sane number. */
export const MAX_WORKSPACE_VCPUS = 100_000;

/** What a readiness check asks: one region (all supported regions when absent) and the vCPUs a workspace needs. */
export const ReadinessRequestSchema = z
  .object({
    region: RegionSchema.optional(),
    workspaceVcpus: z
      .number({ error: 'Workspace vCPUs must be a number.' })
      .int({ error: 'Workspace vCPUs must be a whole number.' })
      .min(0, { error: 'Workspace vCPUs must not be negative.' })
      .max(MAX_WORKSPACE_VCPUS, { error: `Workspace vCPUs is too large: at most ${MAX_WORKSPACE_VCPUS}.` })
      .optional(),
  })
  .strict();
export type ReadinessRequest = z.infer<typeof ReadinessRequestSchema>;

/** Where a quota figure came from: the account's own value (Service Quotas) or AWS's documented default. */
export const QuotaSourceSchema = z.enum(['account', 'default']);
export type QuotaSource = z.infer<typeof QuotaSourceSchema>;

/** A counted resource against its quota; `used` is null when the count itself could not be read. */
export const LimitUsageSchema = z.object({
  used: z.number().int().nonnegative().nullable(),
  limit: z.number().nonnegative(),
  source: QuotaSourceSchema,
});
export type LimitUsage = z.infer<typeof LimitUsageSchema>;

/** A resource whose limit the readiness check reads from Service Quotas. */
export const QuotaKeySchema = z.enum(['vpcs', 'elasticIps', 'vcpus']);
export type QuotaKey = z.infer<typeof QuotaKeySchema>;

/**
 * A quota Service Quotas did not give in one region: why (null when it gave no reason), and whether
 * AWS's default alone would leave room for the next workspace (null when usage is unknown).
 */
export const UnknownQuotaSchema = z.object({
  quota: QuotaKeySchema,
  reason: z.string().nullable(),
  roomAtDefault: z.boolean().nullable(),
});
export type UnknownQuota = z.infer<typeof UnknownQuotaSchema>;

/** One region's limits and whether the platform's next workspace fits there. */
export const RegionReadinessSchema = z.object({
  region: RegionSchema,
  ok: z.boolean(),
  vpcs: LimitUsageSchema,
  elasticIps: LimitUsageSchema,
  natGateways: z.object({ used: z.number().int().nonnegative().nullable() }),
  vcpus: LimitUsageSchema,
  /** What stops the next workspace here, each saying what to do; empty when ok. */
  problems: z.array(z.string()),
  /** What the check could not know (a quota Service Quotas did not give), with how to check it; never blocks. */
  warnings: z.array(z.string()),
  /** The same unknown quotas as data, so a screen or a terminal can say the shared explanation once for all regions. */
  unknownQuotas: z.array(UnknownQuotaSchema),
  /** Informational remarks that do not block (why a default quota is shown, for example). */
  notes: z.array(z.string()),
});
export type RegionReadiness = z.infer<typeof RegionReadinessSchema>;

/** One setup action the identity may not perform, with what it blocks. */
export const MissingPermissionSchema = z.object({ action: z.string(), blocks: z.string() });
export type MissingPermission = z.infer<typeof MissingPermissionSchema>;

/** The permission preflight: checked is false when IAM's simulation could not be run (note says why). */
export const PermissionCheckSchema = z.object({
  checked: z.boolean(),
  missing: z.array(MissingPermissionSchema),
  note: z.string().nullable(),
});
export type PermissionCheck = z.infer<typeof PermissionCheckSchema>;

/** The whole readiness report, as `onramp doctor --json` prints it. */
export const ReadinessReportSchema = z.object({
  identity: z.object({ account: z.string(), arn: z.string() }),
  workspaceVcpus: z.number().int().nonnegative(),
  permissions: PermissionCheckSchema,
  regions: z.array(RegionReadinessSchema),
});
export type ReadinessReport = z.infer<typeof ReadinessReportSchema>;

/** The names a setup will use, to check its permissions on those exact resources. */
export const SetupPermissionsRequestSchema = z
  .object({
    region: RegionSchema,
    bucketName: namedString('S3 bucket name', validateBucketName),
    tableName: namedString('DynamoDB table name', validateTableName),
    roleName: namedString('IAM role name', validateRoleName),
  })
  .strict();
export type SetupPermissionsRequest = z.infer<typeof SetupPermissionsRequestSchema>;

/** Contract entries for the readiness channels (Account readiness: permission preflight and limits per region). */
export const readinessContract = {
  'readiness:check': {
    doc: 'Preflight the setup permissions and check VPC, Elastic IP, NAT gateway and vCPU limits per region.',
    request: ReadinessRequestSchema,
    response: ReadinessReportSchema,
  },
  'readiness:permissions': {
    doc: "Preflight the setup's permissions on the bucket, table and role it will use (IAM policy simulation).",
    request: SetupPermissionsRequestSchema,
    response: PermissionCheckSchema,
  },
} satisfies Record<(typeof READINESS_CHANNELS)[number], ContractEntry>;
