import { z } from 'zod';
import { validateBucketName, validateRoleName, validateTableName } from '../validation/names';
import { namedString, RegionSchema } from './common';
import type { ContractEntry } from './entry';
import type { READINESS_CHANNELS } from './readiness.channels';

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
export const QuotaKeySchema = z.enum(['vpcs', 'elasticIps', 'vcpus', 'spotVcpus']);
export type QuotaKey = z.infer<typeof QuotaKeySchema>;

/** The quotas that decide a region's verdict (the Standard Spot vCPUs are informational only). */
export const VerdictQuotaKeySchema = QuotaKeySchema.exclude(['spotVcpus']);
export type VerdictQuotaKey = z.infer<typeof VerdictQuotaKeySchema>;

/**
 * Running Standard Spot vCPUs against the "All Standard (A, C, D, H, I, M, R, T, Z) Spot Instance
 * Requests" quota. Informational: a workspace may run On-Demand only, so it never changes a verdict.
 */
export const SpotUsageSchema = LimitUsageSchema.extend({
  /** Why Service Quotas did not give the quota (the limit is then AWS's default); null when it did. */
  quotaReason: z.string().nullable(),
  /** The row in words: that it matters only when clusters use Spot instances, the figures, and the quota page. */
  note: z.string(),
});
export type SpotUsage = z.infer<typeof SpotUsageSchema>;

/**
 * A quota Service Quotas did not give in one region: why (null when it gave no reason), and whether
 * AWS's default alone would leave room for the next workspace (null when usage is unknown).
 */
export const UnknownQuotaSchema = z.object({
  quota: VerdictQuotaKeySchema,
  reason: z.string().nullable(),
  roomAtDefault: z.boolean().nullable(),
});
export type UnknownQuota = z.infer<typeof UnknownQuotaSchema>;

/**
 * The one answer to "does the platform's next workspace fit?": `ready` (every limit that decides it
 * leaves room), `unknown` (a limit could not be read and AWS's default alone would leave no room:
 * Onramp cannot tell) or `blocked` (a limit that was read leaves no room, a count could not be made,
 * or a setup permission is missing). Only `blocked` fails `onramp doctor`.
 */
export const VerdictSchema = z.enum(['ready', 'unknown', 'blocked']);
export type Verdict = z.infer<typeof VerdictSchema>;

/** One region's limits and whether the platform's next workspace fits there. */
export const RegionReadinessSchema = z.object({
  region: RegionSchema,
  /** Whether the next workspace fits here: the summary, the cards and the doctor all say this. */
  verdict: VerdictSchema,
  /** False only when the verdict is `blocked` (an unknown limit never fails the check). */
  ok: z.boolean(),
  vpcs: LimitUsageSchema,
  elasticIps: LimitUsageSchema,
  natGateways: z.object({ used: z.number().int().nonnegative().nullable() }),
  vcpus: LimitUsageSchema,
  /** Standard Spot vCPUs (informational, never part of the verdict); absent only from a main process older than the field. */
  spotVcpus: SpotUsageSchema.optional(),
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
  /** The whole report's verdict: `blocked` if any region is or a permission is missing, else `unknown` if any region is or the permissions could not be checked, else `ready`. */
  verdict: VerdictSchema,
  workspaceVcpus: z.number().int().nonnegative(),
  permissions: PermissionCheckSchema,
  /** The permissions of the cost features (Cost Explorer, AWS Budgets): listed, never part of the verdict. */
  costPermissions: PermissionCheckSchema.optional(),
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
    doc: 'Preflight the setup permissions and check VPC, Elastic IP, NAT gateway and vCPU (On-Demand, and Spot for information) limits per region.',
    request: ReadinessRequestSchema,
    response: ReadinessReportSchema,
  },
  'readiness:permissions': {
    doc: "Preflight the setup's permissions on the bucket, table and role it will use (IAM policy simulation).",
    request: SetupPermissionsRequestSchema,
    response: PermissionCheckSchema,
  },
} satisfies Record<(typeof READINESS_CHANNELS)[number], ContractEntry>;
