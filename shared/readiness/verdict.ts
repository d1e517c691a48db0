/**
 * Pure verdicts over measured limits: whether the platform's next workspace fits in a region, each
 * problem phrased as what to do about it, and whether a whole report passes.
 */
import type { LimitUsage, MissingPermission, ReadinessReport, RegionReadiness, SpotUsage, UnknownQuota, Verdict } from '../contract/readiness';
import type { SupportedRegion } from '../regions';
import { QUOTAS, quotaCliCommand, quotaConsoleUrl, VERDICT_QUOTA_KEYS, WORKSPACE_NEEDS, type QuotaKey, type VerdictQuotaKey } from './quotas';
import { SETUP_ACTIONS, type SetupAction } from './setup-actions';

/** What was measured in one region before judging it; `unreadable` says why a count is null. */
export interface RegionMeasurement {
  region: SupportedRegion;
  vpcs: LimitUsage;
  elasticIps: LimitUsage;
  natGateways: { used: number | null };
  vcpus: LimitUsage;
  /** Running Standard Spot vCPUs against their quota: informational, never part of the verdict. */
  spotVcpus?: LimitUsage;
  /** Why a usage count could not be read, by resource (e.g. "AccessDenied (UnauthorizedOperation)"). */
  unreadable: Partial<Record<QuotaKey | 'natGateways', string>>;
  /** Why a quota could not be read from Service Quotas (its limit is then AWS's default), by resource. */
  unreadableQuotas?: Partial<Record<QuotaKey, string>>;
  /** Remarks that do not block. */
  notes: string[];
}

const NOUN: Record<VerdictQuotaKey, { plural: string; action: string }> = {
  vpcs: { plural: 'VPCs', action: 'ec2:DescribeVpcs' },
  elasticIps: { plural: 'Elastic IPs', action: 'ec2:DescribeAddresses' },
  vcpus: { plural: 'running On-Demand Standard vCPUs', action: 'ec2:DescribeInstances and ec2:DescribeInstanceTypes' },
};

/** The limit, saying so when it is AWS's default rather than the account's own quota. */
function limitText(usage: LimitUsage): string {
  return usage.source === 'default'
    ? `${usage.limit} (AWS's default: this account's own quota could not be read and may be higher)`
    : String(usage.limit);
}

function unreadableProblem(region: SupportedRegion, key: VerdictQuotaKey, reason: string | undefined): string {
  const n = NOUN[key];
  return `Could not count ${n.plural} in ${region} (${reason ?? 'no answer'}). Allow ${n.action} for this identity, or check the network, then run the check again.`;
}

/** vCPUs still free under the quota (never negative); null when usage is unknown. */
export function vcpuHeadroom(vcpus: LimitUsage): number | null {
  return vcpus.used === null ? null : Math.max(0, vcpus.limit - vcpus.used);
}

/**
 * The problems that stop the next workspace in a region: no VPC left, no Elastic IP left, vCPU
 * headroom below `workspaceVcpus`, or a count that could not be read — each judged against a limit
 * that was READ from the account. A limit Service Quotas could not give (AWS's default shown
 * instead) is not known to be too small, so it is a warning (`regionWarnings`), never a problem.
 * Empty means the region is ok.
 */
export function regionProblems(m: RegionMeasurement, workspaceVcpus: number): string[] {
  const problems: string[] = [];
  const { region } = m;
  const known = (u: LimitUsage) => u.source === 'account';

  if (m.vpcs.used === null) problems.push(unreadableProblem(region, 'vpcs', m.unreadable.vpcs));
  else if (known(m.vpcs) && m.vpcs.limit - m.vpcs.used < WORKSPACE_NEEDS.vpcs) {
    problems.push(
      `No VPC left in ${region}: ${m.vpcs.used} in use of ${limitText(m.vpcs)}, and each workspace needs its own VPC. ` +
        `Delete a VPC you no longer use, request a higher "${QUOTAS.vpcs.name}" quota at ${quotaConsoleUrl(region, 'vpcs')}, or choose another region.`,
    );
  }

  if (m.elasticIps.used === null) problems.push(unreadableProblem(region, 'elasticIps', m.unreadable.elasticIps));
  else if (known(m.elasticIps) && m.elasticIps.limit - m.elasticIps.used < WORKSPACE_NEEDS.elasticIps) {
    problems.push(
      `No Elastic IP left in ${region}: ${m.elasticIps.used} allocated of ${limitText(m.elasticIps)}, and the workspace's NAT gateway needs one. ` +
        `Release an Elastic IP you no longer use, request a higher "${QUOTAS.elasticIps.name}" quota at ${quotaConsoleUrl(region, 'elasticIps')}, or choose another region.`,
    );
  }

  const headroom = vcpuHeadroom(m.vcpus);
  if (headroom === null) problems.push(unreadableProblem(region, 'vcpus', m.unreadable.vcpus));
  else if (known(m.vcpus) && headroom < workspaceVcpus) {
    problems.push(
      `Not enough vCPUs in ${region}: a workspace needs ${workspaceVcpus}, but only ${headroom} of the ${limitText(m.vcpus)} Standard On-Demand vCPUs are free (${m.vcpus.used} in use). ` +
        `Request a higher "${QUOTAS.vcpus.name}" quota at ${quotaConsoleUrl(region, 'vcpus')}, stop instances you no longer need, or choose another region.`,
    );
  }
  return problems;
}

/** How much one workspace takes of each limit. */
function need(key: VerdictQuotaKey, workspaceVcpus: number): number {
  return key === 'vcpus' ? workspaceVcpus : WORKSPACE_NEEDS[key];
}

/**
 * The quotas Service Quotas could not give in a region (AWS's default is shown instead), with why and
 * whether the default alone would leave room for the next workspace.
 */
export function regionUnknownQuotas(m: RegionMeasurement, workspaceVcpus: number): UnknownQuota[] {
  return VERDICT_QUOTA_KEYS.filter((key) => m[key].source === 'default')
    .map((key) => {
      const usage = m[key];
      return {
        quota: key,
        reason: m.unreadableQuotas?.[key] ?? null,
        roomAtDefault: usage.used === null ? null : usage.limit - usage.used >= need(key, workspaceVcpus),
      };
    });
}

/**
 * Warnings for limits Service Quotas could not answer: the check does not know the account's
 * quota, so it says so, shows AWS's default (and whether that alone would be enough), and how to
 * look the real value up — in the console or with the AWS CLI. One self-contained sentence per
 * quota and region, for `doctor --json`; screens and the terminal group them (`unknownQuotaGroups`).
 */
export function regionWarnings(m: RegionMeasurement, workspaceVcpus: number): string[] {
  return regionUnknownQuotas(m, workspaceVcpus).map(({ quota: key, reason, roomAtDefault }) => {
    const q = QUOTAS[key];
    const usage = m[key];
    const verdict =
      roomAtDefault === null
        ? ''
        : roomAtDefault
          ? ' The default would leave room for a workspace.'
          : ` At the default there is no room (${usage.used} in use, ${need(key, workspaceVcpus)} needed).`;
    return (
      `${q.name} in ${m.region}: quota unknown (Service Quotas did not answer${reason ? `: ${reason}` : ''}). AWS's default is ${q.defaultValue}; this account's may be higher.${verdict} ` +
      `Check it at ${quotaConsoleUrl(m.region, key)} or with: ${quotaCliCommand(key, m.region)}`
    );
  });
}

/** One quota Service Quotas could not give, across the regions where that happened: the explanation said once. */
export interface UnknownQuotaGroup {
  quota: VerdictQuotaKey;
  /** The quota's name in the Service Quotas console. */
  name: string;
  defaultValue: number;
  /** Where it is unknown, in the report's order. */
  regions: SupportedRegion[];
  /** The distinct reasons Service Quotas gave (empty when it gave none). */
  reasons: string[];
  /** Regions where AWS's default alone would leave no room for the next workspace. */
  noRoomAtDefault: SupportedRegion[];
}

/** The AWS CLI command that looks a group's quota up: for its one region, or with a `<region>` to fill in. */
export function groupCliCommand(g: Pick<UnknownQuotaGroup, 'quota' | 'regions'>): string {
  return quotaCliCommand(g.quota, g.regions.length === 1 ? g.regions[0]! : '<region>');
}

/**
 * The unknown quotas of a report, one group per quota, so the long explanation (what a default is,
 * how to look the real value up) is said once rather than in every region's card or line.
 */
export function unknownQuotaGroups(regions: readonly Pick<RegionReadiness, 'region' | 'unknownQuotas'>[]): UnknownQuotaGroup[] {
  const groups = new Map<VerdictQuotaKey, UnknownQuotaGroup>();
  for (const r of regions) {
    for (const u of r.unknownQuotas) {
      const q = QUOTAS[u.quota];
      const g = groups.get(u.quota) ?? { quota: u.quota, name: q.name, defaultValue: q.defaultValue, regions: [], reasons: [], noRoomAtDefault: [] };
      g.regions.push(r.region);
      if (u.reason && !g.reasons.includes(u.reason)) g.reasons.push(u.reason);
      if (u.roomAtDefault === false) g.noRoomAtDefault.push(r.region);
      groups.set(u.quota, g);
    }
  }
  return VERDICT_QUOTA_KEYS.flatMap((key) => groups.get(key) ?? []);
}

/**
 * A region's verdict: `blocked` with any problem; `unknown` when a quota Service Quotas did not give
 * decides it (AWS's default alone would leave no room, so only the account's own value can say);
 * otherwise `ready` — including an unknown quota whose default already leaves room.
 */
export function regionVerdict(r: Pick<RegionReadiness, 'problems' | 'unknownQuotas'>): Verdict {
  if (r.problems.length > 0) return 'blocked';
  return r.unknownQuotas.some((u) => u.roomAtDefault !== true) ? 'unknown' : 'ready';
}

/**
 * The report's verdict: `blocked` when any region is or a setup permission is known to be missing;
 * `unknown` when any region is, or the permissions could not be checked in advance; else `ready`.
 */
export function reportVerdict(report: Pick<ReadinessReport, 'permissions'> & { regions: readonly Pick<RegionReadiness, 'verdict'>[] }): Verdict {
  const verdicts = report.regions.map((r) => r.verdict);
  if (report.permissions.missing.length > 0 || verdicts.includes('blocked')) return 'blocked';
  if (!report.permissions.checked || verdicts.includes('unknown')) return 'unknown';
  return 'ready';
}

/** Judge one measured region: the report's entry for it. */
export function judgeRegion(m: RegionMeasurement, workspaceVcpus: number): RegionReadiness {
  const problems = regionProblems(m, workspaceVcpus);
  const unknownQuotas = regionUnknownQuotas(m, workspaceVcpus);
  const verdict = regionVerdict({ problems, unknownQuotas });
  const notes = [...m.notes];
  if (m.natGateways.used === null) {
    notes.push(`Could not count NAT gateways in ${m.region} (${m.unreadable.natGateways ?? 'no answer'}); this does not block the check.`);
  }
  return {
    region: m.region,
    verdict,
    ok: verdict !== 'blocked',
    vpcs: m.vpcs,
    elasticIps: m.elasticIps,
    natGateways: m.natGateways,
    vcpus: m.vcpus,
    ...(m.spotVcpus ? { spotVcpus: spotUsage(m, m.spotVcpus, workspaceVcpus) } : {}),
    problems,
    warnings: regionWarnings(m, workspaceVcpus),
    unknownQuotas,
    notes,
  };
}

/**
 * The Standard Spot vCPUs as the report shows them. A workspace may run On-Demand only, so this is
 * never a problem, a warning or an unknown quota: the note says what it means, whether a workspace
 * of `workspaceVcpus` would fit on Spot, and where the quota is raised.
 */
export function spotUsage(m: Pick<RegionMeasurement, 'region' | 'unreadable' | 'unreadableQuotas'>, spot: LimitUsage, workspaceVcpus: number): SpotUsage {
  const q = QUOTAS.spotVcpus;
  const url = quotaConsoleUrl(m.region, 'spotVcpus');
  const reason = spot.source === 'default' ? (m.unreadableQuotas?.spotVcpus ?? null) : null;
  const uncounted = spot.used === null ? ` (the instances could not be counted: ${m.unreadable.vcpus ?? 'no answer'})` : '';
  const limit =
    spot.source === 'default'
      ? `${spot.limit} (AWS's default: Service Quotas did not answer${reason ? `: ${reason}` : ''}; the account's own quota may be higher)`
      : String(spot.limit);
  const headroom = vcpuHeadroom(spot);
  const fit =
    headroom !== null && headroom < workspaceVcpus
      ? `A workspace of ${workspaceVcpus} vCPUs on Spot instances would not fit (${headroom} free${spot.source === 'default' ? " at AWS's default" : ''}): ` +
        `request a higher "${q.name}" quota at ${url} if its clusters use Spot.`
      : `Quota: ${url}`;
  return {
    ...spot,
    quotaReason: reason,
    note: `${q.shortName}: informational, it matters only when clusters use Spot instances and never changes the verdict. ${spot.used ?? '?'} in use of ${limit}${uncounted}. ${fit}`,
  };
}

/** IAM's verdict on one simulated action ("allowed", "explicitDeny" or "implicitDeny"). */
export interface SimulatedDecision {
  action: string;
  decision: string;
}

/**
 * The setup actions the simulation did not allow, in setup order. An action the simulation did not
 * mention counts as missing: the preflight never reports success it did not see.
 */
export function missingPermissions(decisions: readonly SimulatedDecision[], actions: readonly SetupAction[] = SETUP_ACTIONS): MissingPermission[] {
  const byAction = new Map(decisions.map((d) => [d.action.toLowerCase(), d.decision]));
  return actions
    .filter((a) => byAction.get(a.action.toLowerCase()) !== 'allowed')
    .map((a) => ({ action: a.action, blocks: a.blocks }));
}

/** True unless the report is `blocked`: an unknown limit (or an unchecked permission) never fails the doctor. */
export function reportPasses(report: Pick<ReadinessReport, 'regions' | 'permissions'>): boolean {
  return reportVerdict(report) !== 'blocked';
}
