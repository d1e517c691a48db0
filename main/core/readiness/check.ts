import type { PermissionCheck, ReadinessReport } from '../../../shared/contract/readiness';
import { SUPPORTED_REGIONS, type SupportedRegion } from '../../../shared/regions';
import { COST_ACTIONS } from '../../../shared/readiness/cost-actions';
import { DEFAULT_WORKSPACE_VCPUS } from '../../../shared/readiness/quotas';
import { SETUP_ACTIONS, type SetupAction, type SetupResourceNames } from '../../../shared/readiness/setup-actions';
import { judgeRegion, reportVerdict } from '../../../shared/readiness/verdict';
import type { AwsContext } from '../aws/context';
import { whoAmI } from '../profiles/session';
import { measureRegion } from './limits';
import { checkPermissions } from './permissions';

/** What to check: one region or all supported ones, and the vCPUs a workspace needs. */
export interface ReadinessOptions {
  region?: SupportedRegion;
  workspaceVcpus?: number;
  /** The caller, when already known (a connected session); otherwise STS GetCallerIdentity is asked. */
  identity?: { account: string; arn: string };
  /** Bound on each region's reads and on the permission simulation (default 30 s). */
  timeoutMs?: number;
  /** The setup's names, to check its permissions on those exact resources (else on any resource). */
  resources?: SetupResourceNames;
}

/**
 * The account readiness report: who is asking, whether they may run the setup, and per region
 * whether the platform's next workspace fits. Regions are measured in parallel, and a region that
 * fails (access denied, timeout) reports its own problems without failing the others. Only the
 * identity lookup can throw (without credentials nothing else is meaningful).
 */
export async function checkReadiness(aws: AwsContext, opts: ReadinessOptions = {}): Promise<ReadinessReport> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const workspaceVcpus = opts.workspaceVcpus ?? DEFAULT_WORKSPACE_VCPUS;
  const regions: readonly SupportedRegion[] = opts.region ? [opts.region] : SUPPORTED_REGIONS;
  const identity = opts.identity ?? (await whoAmI(aws));
  // One simulation covers the setup's actions and the cost features' (Cost Explorer, Budgets), split after.
  const [both, measured] = await Promise.all([
    checkPermissionsWithin(aws, identity.arn, { timeoutMs, resources: opts.resources, actions: [...SETUP_ACTIONS, ...COST_ACTIONS] }),
    Promise.all(regions.map((region) => measureRegion(aws, region, { timeoutMs }))),
  ]);
  const isCost = (a: { action: string }) => COST_ACTIONS.some((c) => c.action === a.action);
  const setupMissing = both.missing.filter((m) => !isCost(m));
  const costMissing = both.missing.filter(isCost);
  const permissions = { ...both, missing: setupMissing, note: both.checked && setupMissing.length === 0 ? null : both.note };
  const judged = measured.map((m) => judgeRegion(m, workspaceVcpus));
  return {
    identity: { account: identity.account, arn: identity.arn },
    verdict: reportVerdict({ permissions, regions: judged }),
    workspaceVcpus,
    permissions,
    costPermissions: { checked: both.checked, missing: costMissing, note: both.checked ? null : both.note },
    regions: judged,
  };
}

/** The permission preflight, bounded in time (a slow IAM answers "not checked", never hangs). */
export async function checkPermissionsWithin(
  aws: AwsContext,
  arn: string,
  { timeoutMs = 30_000, resources, actions }: { timeoutMs?: number; resources?: SetupResourceNames; actions?: readonly SetupAction[] } = {},
): Promise<PermissionCheck> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    return await checkPermissions(aws, arn, { abortSignal: abort.signal, resources, actions });
  } finally {
    clearTimeout(timer);
  }
}
