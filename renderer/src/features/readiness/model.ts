/**
 * Pure shaping of the readiness report for the UI: limit figures, console links the Electron layer
 * will open, problems split into text and links, and the per-region status the wizard shows.
 */
import type { LimitUsage, ReadinessReport, RegionReadiness, UnknownQuota, Verdict } from '../../../../shared/contract/readiness';
import { QUOTAS, quotaConsoleUrl, type QuotaKey, type ResourceLimitKey } from '../../../../shared/readiness';
import { SUPPORTED_REGIONS, type SupportedRegion } from '../../../../shared/regions';

/** The figures one region card shows, in order, with their labels. */
export const LIMIT_ROWS: readonly { key: Exclude<ResourceLimitKey, null>; label: string }[] = [
  { key: 'vpcs', label: QUOTAS.vpcs.shortName },
  { key: 'elasticIps', label: QUOTAS.elasticIps.shortName },
  { key: 'natGateways', label: 'NAT gateways' },
  { key: 'vcpus', label: QUOTAS.vcpus.shortName },
  { key: 'spotVcpus', label: QUOTAS.spotVcpus.shortName },
];

/** What one row of a region card says: "used / limit" and where the limit came from. */
export interface LimitCell {
  used: string;
  limit: string | null;
  /** Null where nothing limits the figure; "not read" where the report has no such figure. */
  source: 'account' | 'AWS default' | 'not read' | null;
}

/** The cell for one figure of one region ("?" when the count could not be read). */
export function limitCell(region: RegionReadiness, key: Exclude<ResourceLimitKey, null>): LimitCell {
  if (key === 'natGateways') return { used: countText(region.natGateways.used), limit: null, source: null };
  const usage: LimitUsage | undefined = region[key];
  // A report from a main process older than the Spot figures has none.
  if (!usage) return { used: '?', limit: null, source: 'not read' };
  return { used: countText(usage.used), limit: String(usage.limit), source: usage.source === 'account' ? 'account' : 'AWS default' };
}

function countText(n: number | null): string {
  return n === null ? '?' : String(n);
}

/**
 * The Service Quotas console page of a quota on the global console host with `?region=` (the console
 * redirects to the region). The Electron layer opens only exact allow-listed hosts, and
 * `console.aws.amazon.com` is one while `<region>.console.aws.amazon.com` is not.
 */
export function quotaLink(region: SupportedRegion, key: QuotaKey): string {
  const q = QUOTAS[key];
  return `https://console.aws.amazon.com/servicequotas/home/services/${q.serviceCode}/quotas/${q.quotaCode}?region=${region}`;
}

/** A piece of a problem sentence: plain text, or a link to a quota's console page. */
export type ProblemPart = { kind: 'text'; text: string } | { kind: 'link'; href: string; label: string };

const QUOTA_KEYS = Object.keys(QUOTAS) as QuotaKey[];

/**
 * Split a problem sentence at the Service Quotas URLs the verdict embeds, replacing each with a link
 * (named after the quota) that the app may open. Text without a known URL stays one text part.
 */
export function problemParts(problem: string, region: SupportedRegion): ProblemPart[] {
  const parts: ProblemPart[] = [];
  let rest = problem;
  for (;;) {
    let hit: { at: number; url: string; key: QuotaKey } | null = null;
    for (const key of QUOTA_KEYS) {
      const url = quotaConsoleUrl(region, key);
      const at = rest.indexOf(url);
      if (at >= 0 && (hit === null || at < hit.at)) hit = { at, url, key };
    }
    if (!hit) break;
    if (hit.at > 0) parts.push({ kind: 'text', text: rest.slice(0, hit.at) });
    parts.push({ kind: 'link', href: quotaLink(region, hit.key), label: `Service Quotas: ${QUOTAS[hit.key].name} in ${region}` });
    rest = rest.slice(hit.at + hit.url.length);
  }
  if (rest) parts.push({ kind: 'text', text: rest });
  return parts;
}

/** A region's status as the wizard's region picker shows it. */
export interface RegionStatus {
  verdict: Verdict;
  /** False only when blocked (an unknown limit never blocks the form). */
  ok: boolean;
  /** Short text: "ready", "limits unknown" or "N problem(s)". */
  label: string;
}

/** How each verdict looks: a short label and a colour (the same on the cards, the picker and the summary). */
export const VERDICT_LOOK: Record<Verdict, { label: string; color: string }> = {
  ready: { label: 'Ready', color: 'teal' },
  unknown: { label: 'Limits unknown', color: 'yellow' },
  blocked: { label: 'Needs attention', color: 'red' },
};

/** Status per supported region from a report; regions the report does not cover are absent. */
export function regionStatuses(report: ReadinessReport | null): Partial<Record<SupportedRegion, RegionStatus>> {
  const out: Partial<Record<SupportedRegion, RegionStatus>> = {};
  for (const r of report?.regions ?? []) {
    const n = Math.max(r.problems.length, 1);
    const label = r.verdict === 'blocked' ? (n === 1 ? '1 problem' : `${n} problems`) : r.verdict === 'unknown' ? 'limits unknown' : 'ready';
    out[r.region] = { verdict: r.verdict, ok: r.verdict !== 'blocked', label };
  }
  return out;
}

/** The regions of a report in the platform's order. */
export function orderedRegions(report: ReadinessReport): RegionReadiness[] {
  return [...report.regions].sort((a, b) => SUPPORTED_REGIONS.indexOf(a.region) - SUPPORTED_REGIONS.indexOf(b.region));
}

/** "us-east-1", "us-east-1 and us-west-2", "us-east-1, us-east-2 and us-west-2". */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * A short summary of the whole report for the page heading, from the same verdicts as the cards:
 * which regions have room, where it cannot be told (and what to check), and where something blocks.
 * It never says "room" about a region whose verdict is `unknown`.
 */
export function reportSummary(report: ReadinessReport): string {
  const by = (v: Verdict) => orderedRegions(report).filter((r) => r.verdict === v);
  const ready = by('ready').map((r) => r.region);
  const unknown = by('unknown');
  const blocked = by('blocked').map((r) => r.region);
  const parts: string[] = [];
  const total = report.regions.length;
  if (ready.length === total) parts.push(total === 1 ? `${ready[0]} has room for a workspace.` : `All ${total} regions checked have room for a workspace.`);
  else if (ready.length > 0) parts.push(`${listed(ready)} ${ready.length === 1 ? 'has' : 'have'} room for a workspace.`);
  if (unknown.length > 0) {
    const quotas = [...new Set(unknown.flatMap((r) => r.unknownQuotas.filter((u) => u.roomAtDefault !== true).map((u) => QUOTAS[u.quota].name)))];
    parts.push(
      `Cannot tell for ${listed(unknown.map((r) => r.region))}: Service Quotas did not give ${listed(quotas.map((q) => `"${q}"`))}, and AWS's default would leave no room — check ${quotas.length === 1 ? 'that quota' : 'those quotas'} (below).`,
    );
  }
  if (blocked.length > 0) parts.push(`Needs attention: ${listed(blocked)}.`);
  const perms = report.permissions.checked
    ? report.permissions.missing.length === 0
      ? 'Every setup permission is allowed.'
      : `${report.permissions.missing.length} setup permission${report.permissions.missing.length === 1 ? ' is' : 's are'} missing.`
    : 'Permissions were not checked in advance.';
  return [...parts, perms].join(' ');
}

/** Parse the workspace vCPUs field: a whole number from 0 to max, else null. */
export function parseWorkspaceVcpus(text: string | number, max: number): number | null {
  const n = typeof text === 'number' ? text : Number(text.trim());
  if (text === '' || !Number.isInteger(n) || n < 0 || n > max) return null;
  return n;
}

/** The DOM id of a figure's row header in a region card, so other pages can link to it. */
export function limitAnchorId(region: SupportedRegion, key: Exclude<ResourceLimitKey, null>): string {
  return `limit-${region}-${key}`;
}

/**
 * The line a region card shows under its table for the Standard Spot vCPUs: that they are
 * informational and, where a workspace of `workspaceVcpus` would not fit on Spot, the quota page
 * (a Service Quotas URL, which the card turns into a link). Null for a report without Spot figures.
 */
export function spotLine(region: RegionReadiness, workspaceVcpus: number): string | null {
  const s = region.spotVcpus;
  if (!s) return null;
  const base = 'Standard Spot vCPUs are informational: they matter only when clusters use Spot instances and never change this verdict.';
  const free = s.used === null ? null : Math.max(0, s.limit - s.used);
  if (free === null || free >= workspaceVcpus) return base;
  const at = s.source === 'default' ? " at AWS's default" : '';
  return `${base} A workspace of ${workspaceVcpus} vCPUs on Spot would not fit (${free} free${at}); if its clusters use Spot, request more at ${quotaConsoleUrl(region.region, 'spotVcpus')}.`;
}

/**
 * The short lines a region card adds for its unknown quotas: only where AWS's default alone leaves
 * no room (the table already marks each default, and the explanation is said once above the cards).
 */
export function unknownQuotaLines(region: RegionReadiness): string[] {
  return region.unknownQuotas
    .filter((u: UnknownQuota) => u.roomAtDefault === false)
    .map((u) => {
      const q = QUOTAS[u.quota];
      return `${q.shortName}: at AWS's default of ${q.defaultValue} there is no room here (${region[u.quota].used ?? '?'} in use); this account's own quota is unknown and may be higher.`;
    });
}
