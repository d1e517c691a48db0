/**
 * Organization roll-outs: one Cloud Configuration per member account of an AWS Organization, made
 * by one service-managed CloudFormation StackSet (docs/organizations.md). The input names the
 * targets and the names every account's resources get; plan, apply, status, destroy and the
 * dashboard answer per account and region.
 */
import { z } from 'zod';
import { validateRoleName, validateTableName, validateAccountId } from '../validation/names';
import { normaliseAccountId, trimPasted } from '../validation/forgiving';
import { splitList, validateBucketPattern, validateMemberAccountId, validateOuId, validateRolloutName } from '../validation/org';
import { namedString, RegionSchema, RunRefSchema } from './common';
import type { ContractEntry } from './entry';
import type { ORG_CHANNELS } from './org.channels';
import { DashboardSummarySchema } from './dashboard';
import { RegisterResultSchema } from './platform';
import { PlanStepSchema, VerifyCheckSchema } from './setup';

/** A list of IDs, typed as a list or as one comma-separated string. */
const idList = (field: string, validate: (v: string) => string | null, max: number) =>
  z
    .union([z.array(z.string().max(200)).max(max), z.string().max(20_000)])
    .transform((v) => (typeof v === 'string' ? splitList(v) : [...new Set(v.map((x) => x.trim()).filter(Boolean))]))
    .superRefine((list, ctx) => {
      if (list.length > max) ctx.addIssue({ code: 'custom', message: `${field}: at most ${max}.` });
      for (const id of list) {
        const problem = validate(id);
        if (problem) {
          ctx.addIssue({ code: 'custom', message: `${field}: ${problem}` });
          return;
        }
      }
    });

/** Which accounts a roll-out reaches: organizational units (with every OU below them) or listed accounts, less exclusions. */
export const OrgTargetsSchema = z
  .object({
    ous: idList('Organizational units', validateOuId, 100).default([]),
    accounts: idList('Accounts', validateMemberAccountId, 2000).default([]),
    exclude: idList('Excluded accounts', validateMemberAccountId, 2000).default([]),
  })
  .strict()
  .superRefine((t, ctx) => {
    if ((t.ous.length > 0) === (t.accounts.length > 0)) {
      ctx.addIssue({ code: 'custom', path: ['ous'], message: 'Name either organizational units or accounts (not both, not neither).' });
    }
  });
export type OrgTargets = z.infer<typeof OrgTargetsSchema>;

/** The fields the user describes for a roll-out (checked together by OrgRolloutInputSchema). */
const rolloutFields = {
  name: namedString('Roll-out name', validateRolloutName, undefined, trimPasted),
  region: RegionSchema,
  /** Each account's bucket name: `{account}` (required) and `{region}` are filled in per account. */
  bucketPattern: namedString('S3 bucket name pattern', validateBucketPattern, undefined, trimPasted),
  tableName: namedString('DynamoDB table name', validateTableName, undefined, trimPasted),
  roleName: namedString('IAM role name', validateRoleName, undefined, trimPasted),
  platformAccountId: namedString('Platform account ID', validateAccountId, undefined, normaliseAccountId),
  targets: OrgTargetsSchema,
  /** Deploy to accounts added to the OUs later (StackSets automatic deployment); OU targets only. */
  autoDeploy: z.boolean().default(false),
};

/** Automatic deployment needs OU targets. */
function checkAutoDeploy(i: { autoDeploy: boolean; targets: OrgTargets }, ctx: z.RefinementCtx): void {
  if (i.autoDeploy && i.targets.ous.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['autoDeploy'], message: 'Automatic deployment follows organizational units: name OUs to deploy to accounts added later.' });
  }
}

/** What the user describes for a roll-out. */
export const OrgRolloutInputSchema = z.object(rolloutFields).strict().superRefine(checkAutoDeploy);
export type OrgRolloutInput = z.infer<typeof OrgRolloutInputSchema>;

/** What `org:apply` is asked: the roll-out as `org:plan` takes it, and whether the user agreed that Onramp turns trusted access on. */
export const OrgApplyRequestSchema = z
  .object({ ...rolloutFields, consentTrustedAccess: z.boolean().default(false) })
  .strict()
  .superRefine(checkAutoDeploy);
export type OrgApplyRequest = z.infer<typeof OrgApplyRequestSchema>;

/** Which roll-out a status, destroy or dashboard is about: its name and region, optionally some of its accounts. */
export const OrgSubjectSchema = z
  .object({
    name: namedString('Roll-out name', validateRolloutName, undefined, trimPasted),
    region: RegionSchema,
    /** Only these accounts (all of the roll-out's when empty). */
    accounts: idList('Accounts', validateMemberAccountId, 2000).default([]),
  })
  .strict();
export type OrgSubject = z.infer<typeof OrgSubjectSchema>;

/** Whether StackSets may act in the organization (trusted access with AWS Organizations). */
export const TrustedAccessSchema = z.enum(['ENABLED', 'DISABLED', 'DISABLED_PERMANENTLY', 'UNKNOWN']);
export type TrustedAccess = z.infer<typeof TrustedAccessSchema>;

/** The names one account's Cloud Configuration gets. */
export const OrgAccountNamesSchema = z.object({
  bucket: z.string(),
  table: z.string(),
  roleName: z.string(),
  roleArn: z.string(),
  externalId: z.string(),
  monitoringRoleArn: z.string(),
  /** The name it is registered under with the Bodo Platform. */
  platformName: z.string(),
});
export type OrgAccountNames = z.infer<typeof OrgAccountNamesSchema>;

/** What a plan decides for one account: deploy (new), update (retry or refresh), keep, skip (with why) or conflict. */
export const OrgAccountActionSchema = z.enum(['deploy', 'update', 'keep', 'skip', 'conflict']);
export type OrgAccountAction = z.infer<typeof OrgAccountActionSchema>;

/** One account of the plan. */
export const OrgAccountPlanSchema = z.object({
  accountId: z.string(),
  accountName: z.string(),
  /** The OU path it sits in (`Root/dev/team-a`). */
  path: z.string(),
  action: OrgAccountActionSchema,
  reason: z.string(),
  names: OrgAccountNamesSchema,
  /** What Onramp found in the account (through a member access role), or why it could not look. */
  existing: z.object({ checked: z.boolean(), detail: z.string(), steps: z.array(PlanStepSchema) }),
});
export type OrgAccountPlan = z.infer<typeof OrgAccountPlanSchema>;

/** The StackSet as plan sees it. */
export const OrgStackSetSchema = z.object({
  name: z.string(),
  exists: z.boolean(),
  /** What apply does to it: create it, update its template or settings, or leave it. */
  action: z.enum(['create', 'update', 'keep']),
  autoDeploy: z.boolean(),
  callAs: z.enum(['SELF', 'DELEGATED_ADMIN']),
});
export type OrgStackSet = z.infer<typeof OrgStackSetSchema>;

/** The whole plan; apply refuses while trusted access is off (unless the user consents to enable it) or an account is a conflict. */
export const OrgPlanSchema = z.object({
  adminAccount: z.string(),
  managementAccount: z.string(),
  organizationId: z.string(),
  region: RegionSchema,
  trustedAccess: TrustedAccessSchema,
  /** How to turn trusted access on, when it is off. */
  trustedAccessHelp: z.string().nullable(),
  stackSet: OrgStackSetSchema,
  accounts: z.array(OrgAccountPlanSchema),
  notes: z.array(z.string()),
});
export type OrgPlan = z.infer<typeof OrgPlanSchema>;

/** How one account's registration with the Bodo Platform ended. */
export const OrgRegistrationSchema = z.object({
  /** registered (matches), mismatch (the platform holds other values), failed, not-registered (status found none), not-attempted. */
  state: z.enum(['registered', 'mismatch', 'failed', 'not-registered', 'not-attempted']),
  detail: z.string().nullable(),
  result: RegisterResultSchema.nullable(),
});
export type OrgRegistration = z.infer<typeof OrgRegistrationSchema>;

/** How one account and region of a roll-out ended. */
export const OrgAccountStatusSchema = z.enum(['succeeded', 'failed', 'skipped', 'cancelled', 'pending']);
export type OrgAccountStatus = z.infer<typeof OrgAccountStatusSchema>;

/** One account and region of an apply's result (`onramp org apply --json` prints these). */
export const OrgAccountResultSchema = z.object({
  accountId: z.string(),
  accountName: z.string(),
  region: RegionSchema,
  status: OrgAccountStatusSchema,
  /** CloudFormation's reason for a failure, or why the account was skipped. */
  reason: z.string().nullable(),
  roleArn: z.string(),
  externalId: z.string(),
  bucket: z.string(),
  table: z.string(),
  monitoringRoleArn: z.string(),
  registration: OrgRegistrationSchema,
});
export type OrgAccountResult = z.infer<typeof OrgAccountResultSchema>;

/** What an apply did. */
export const OrgApplyResultSchema = z.object({
  stackSet: z.object({ name: z.string(), id: z.string().nullable(), region: RegionSchema, autoDeploy: z.boolean(), operations: z.array(z.string()) }),
  accounts: z.array(OrgAccountResultSchema),
});
export type OrgApplyResult = z.infer<typeof OrgApplyResultSchema>;

/** One account of `org status`: its stack instance, drift, Onramp's own checks and its platform registration. */
export const OrgAccountStateSchema = z.object({
  accountId: z.string(),
  region: RegionSchema,
  /** CloudFormation's instance status (CURRENT, OUTDATED, INOPERABLE) and detailed status (SUCCEEDED, FAILED, …). */
  instanceStatus: z.string(),
  detailedStatus: z.string().nullable(),
  reason: z.string().nullable(),
  names: OrgAccountNamesSchema,
  /** StackSet drift detection's verdict (IN_SYNC, DRIFTED, UNKNOWN, NOT_CHECKED), when it ran. */
  drift: z.string().nullable(),
  /** Onramp's verify through the monitoring role, when asked for; failed checks first. */
  verify: z.object({ ok: z.boolean(), checks: z.array(VerifyCheckSchema), error: z.string().nullable() }).nullable(),
  registration: OrgRegistrationSchema,
});
export type OrgAccountState = z.infer<typeof OrgAccountStateSchema>;

/** A roll-out's state. */
export const OrgStatusSchema = z.object({
  stackSet: z.object({ name: z.string(), region: RegionSchema, autoDeploy: z.boolean(), status: z.string() }),
  accounts: z.array(OrgAccountStateSchema),
  notes: z.array(z.string()),
});
export type OrgStatus = z.infer<typeof OrgStatusSchema>;

/** What a destroy did: instances removed, accounts kept (with why), and what is left to do by hand. */
export const OrgDestroyResultSchema = z.object({
  removed: z.array(z.object({ accountId: z.string(), region: RegionSchema })),
  kept: z.array(z.object({ accountId: z.string(), region: RegionSchema, reason: z.string() })),
  stackSetDeleted: z.boolean(),
  /** Retained empty buckets and similar: what to run, in which account. */
  manual: z.array(z.object({ accountId: z.string(), what: z.string(), command: z.string() })),
  cancelled: z.boolean(),
});
export type OrgDestroyResult = z.infer<typeof OrgDestroyResultSchema>;

/** One account of the organization dashboard: its regions' usage and alarms, read through its monitoring role. */
export const OrgDashboardAccountSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), accountId: z.string(), accountName: z.string(), summary: DashboardSummarySchema }),
  z.object({ ok: z.literal(false), accountId: z.string(), accountName: z.string(), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type OrgDashboardAccount = z.infer<typeof OrgDashboardAccountSchema>;

/** The dashboard over every account of a roll-out, grouped by account. */
export const OrgDashboardSchema = z.object({ generatedAt: z.number(), stackSet: z.string(), accounts: z.array(OrgDashboardAccountSchema) });
export type OrgDashboard = z.infer<typeof OrgDashboardSchema>;

/** One roll-out as `org:list` finds it (Onramp's StackSets in a region). */
export const OrgRolloutSummarySchema = z.object({
  name: z.string(),
  region: RegionSchema,
  stackSet: z.string(),
  autoDeploy: z.boolean(),
  bucketPattern: z.string(),
  tableName: z.string(),
  roleName: z.string(),
});
export type OrgRolloutSummary = z.infer<typeof OrgRolloutSummarySchema>;

/** What `org:status` is asked: a roll-out, and whether to run drift detection and Onramp's checks. */
export const OrgStatusRequestSchema = OrgSubjectSchema.extend({ drift: z.boolean().default(false), verify: z.boolean().default(false) }).strict();

/** What `org:destroy` is asked: the roll-out, optionally some of its accounts, and its name typed again to confirm. */
export const OrgDestroyRequestSchema = OrgSubjectSchema.extend({ confirmation: z.string().max(64) }).strict();
export type OrgDestroyRequest = z.infer<typeof OrgDestroyRequestSchema>;

/** What `org:dashboard` is asked: a roll-out and, optionally, one usage class (all by default). */
export const OrgDashboardRequestSchema = z.object({ name: OrgSubjectSchema.shape.name, region: RegionSchema, usageClass: z.string().max(64).optional() }).strict();

/** Contract entries for the organization channels. */
export const orgContract = {
  'org:list': {
    doc: "The organization's Onramp roll-outs in a region (its StackSets whose template describes one).",
    request: z.object({ region: RegionSchema }).strict(),
    response: z.array(OrgRolloutSummarySchema),
  },
  'org:plan': {
    doc: 'Plan a roll-out (read-only): trusted access, the StackSet, and per account its names, external ID, what exists there and what apply does.',
    request: OrgRolloutInputSchema,
    response: OrgPlanSchema,
  },
  'org:apply': {
    doc: 'Start applying a roll-out as a run (kind org-apply, one item per account): main plans again and refuses conflicts, turns trusted access on only with consent, and registers each account with the stored platform token. runs:cancel stops the StackSet operation in flight.',
    request: OrgApplyRequestSchema,
    response: RunRefSchema,
  },
  'org:destroy': {
    doc: "Start removing a roll-out from its accounts (or the named ones) as a run (kind org-destroy); the confirmation must repeat its name. Accounts whose bucket or table hold data keep everything.",
    request: OrgDestroyRequestSchema,
    response: RunRefSchema,
  },
  'org:status': {
    doc: "A roll-out's accounts: stack instance, drift (StackSet drift detection, or Onramp's verify through the monitoring roles), platform registration.",
    request: OrgStatusRequestSchema,
    response: OrgStatusSchema,
  },
  'org:dashboard': {
    doc: "Every deployed account's vCPU usage, quotas and alarms, read through its monitoring role, grouped by account.",
    request: OrgDashboardRequestSchema,
    response: OrgDashboardSchema,
  },
} satisfies Record<(typeof ORG_CHANNELS)[number], ContractEntry>;
