/**
 * The Organization screen's pure logic: the roll-out form and its errors per field, the plan's
 * counts, and the dashboard and status as rows grouped by account. Tested without a DOM.
 */
import { OrgRolloutInputSchema, type OrgAccountAction, type OrgDashboard, type OrgPlan, type OrgRolloutInput, type OrgStatus } from '../../../../shared/contract/org';
import { DEFAULT_PLATFORM_ACCOUNT_ID, DEFAULT_ROLE_NAME } from '../../../../shared/defaults';
import type { SupportedRegion } from '../../../../shared/regions';

/** The roll-out form as typed. */
export interface RolloutForm {
  name: string;
  region: SupportedRegion;
  /** OU IDs (or account IDs when `by` is accounts), separated by commas or spaces. */
  targets: string;
  by: 'ous' | 'accounts';
  exclude: string;
  bucketPattern: string;
  tableName: string;
  roleName: string;
  platformAccountId: string;
  autoDeploy: boolean;
}

/** A new form. */
export function emptyForm(region: SupportedRegion = 'us-east-1'): RolloutForm {
  return { name: '', region, targets: '', by: 'ous', exclude: '', bucketPattern: '', tableName: '', roleName: DEFAULT_ROLE_NAME, platformAccountId: DEFAULT_PLATFORM_ACCOUNT_ID, autoDeploy: false };
}

/** The form's fields that carry an error message. */
export type FormField = 'name' | 'region' | 'targets' | 'exclude' | 'bucketPattern' | 'tableName' | 'roleName' | 'platformAccountId' | 'autoDeploy';

/** The input the form describes, or each field's first problem. */
export function formToInput(form: RolloutForm): { ok: true; input: OrgRolloutInput } | { ok: false; errors: Partial<Record<FormField, string>> } {
  const parsed = OrgRolloutInputSchema.safeParse({
    name: form.name,
    region: form.region,
    bucketPattern: form.bucketPattern,
    tableName: form.tableName,
    roleName: form.roleName,
    platformAccountId: form.platformAccountId,
    targets: form.by === 'ous' ? { ous: form.targets, exclude: form.exclude } : { accounts: form.targets, exclude: form.exclude },
    autoDeploy: form.autoDeploy,
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: Partial<Record<FormField, string>> = {};
  for (const issue of parsed.error.issues) {
    const [top, sub] = issue.path.map(String);
    const field: FormField = top === 'targets' ? (sub === 'exclude' ? 'exclude' : 'targets') : (top as FormField);
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

/** How many accounts each action has, in the order a reader scans them. */
export function planCounts(plan: OrgPlan): { action: OrgAccountAction; count: number }[] {
  const order: OrgAccountAction[] = ['deploy', 'update', 'keep', 'skip', 'conflict'];
  return order.map((action) => ({ action, count: plan.accounts.filter((a) => a.action === action).length })).filter((c) => c.count > 0);
}

/** Whether the plan can be applied, and if not why (what the Apply button says). */
export function applyBlocker(plan: OrgPlan, consent: boolean): string | null {
  const conflicts = plan.accounts.filter((a) => a.action === 'conflict');
  if (conflicts.length) return `${conflicts.length} account${conflicts.length === 1 ? ' is a conflict' : 's are conflicts'}: free the names or exclude ${conflicts.length === 1 ? 'it' : 'them'}.`;
  if (plan.trustedAccess === 'DISABLED_PERMANENTLY') return 'Trusted access for StackSets is permanently off in this organization.';
  if (plan.trustedAccess !== 'ENABLED' && !consent) return 'Trusted access for StackSets is off: agree to turn it on, or turn it on yourself and plan again.';
  if (!plan.accounts.some((a) => a.action === 'deploy' || a.action === 'update') && plan.stackSet.action === 'keep') return 'Nothing to do: every account is deployed and current.';
  return null;
}

/** The badge colour of a plan action. */
export const ACTION_COLOR: Record<OrgAccountAction, string> = { deploy: 'blue', update: 'orange', keep: 'gray', skip: 'gray', conflict: 'red' };

/** One region of one account on the dashboard. */
export interface DashboardRow {
  accountId: string;
  accountName: string;
  region: string;
  ok: boolean;
  error: string | null;
  current: number | null;
  peak24h: number | null;
  quota: number | null;
  alarms: { total: number; inAlarm: number };
}

/** The dashboard as rows, grouped by account (each account's regions together, in the order given). */
export function dashboardRows(d: OrgDashboard): { accountId: string; accountName: string; rows: DashboardRow[] }[] {
  return d.accounts.map((a) => {
    const base = { accountId: a.accountId, accountName: a.accountName };
    if (!a.ok) return { ...base, rows: [{ ...base, region: '—', ok: false, error: a.error.message, current: null, peak24h: null, quota: null, alarms: { total: 0, inAlarm: 0 } }] };
    return {
      ...base,
      rows: a.summary.regions.map((r): DashboardRow => {
        if (!r.ok) return { ...base, region: r.region, ok: false, error: r.error.message, current: null, peak24h: null, quota: null, alarms: { total: 0, inAlarm: 0 } };
        const quota = r.quota ?? (r.classes.length === 1 ? r.classes[0]!.quota : null);
        return { ...base, region: r.region, ok: true, error: null, current: r.current, peak24h: r.peak24h, quota, alarms: { total: r.alarms.length, inAlarm: r.alarms.filter((x) => x.state === 'ALARM').length } };
      }),
    };
  });
}

/** Totals over every account that could be read (the dashboard's headline). */
export function dashboardTotals(d: OrgDashboard): { accounts: number; unreadable: number; current: number; inAlarm: number } {
  const rows = dashboardRows(d).flatMap((g) => g.rows);
  return {
    accounts: d.accounts.length,
    unreadable: d.accounts.filter((a) => !a.ok).length,
    current: rows.reduce((n, r) => n + (r.current ?? 0), 0),
    inAlarm: rows.reduce((n, r) => n + r.alarms.inAlarm, 0),
  };
}

/** What needs attention in a status: failed instances, drift, failed checks, registrations not matching. */
export function statusProblems(s: OrgStatus): string[] {
  return s.accounts.flatMap((a) => [
    ...(a.detailedStatus && a.detailedStatus !== 'SUCCEEDED' ? [`${a.accountId}: instance ${a.detailedStatus.toLowerCase()}${a.reason ? ` — ${a.reason}` : ''}`] : []),
    ...(a.drift === 'DRIFTED' ? [`${a.accountId}: drifted from the StackSet`] : []),
    ...(a.verify && !a.verify.ok ? [`${a.accountId}: ${a.verify.error ?? a.verify.checks.filter((c) => !c.ok).map((c) => c.label).join('; ')}`] : []),
    ...(a.registration.state === 'mismatch' || a.registration.state === 'failed' ? [`${a.accountId}: platform ${a.registration.state}${a.registration.detail ? ` — ${a.registration.detail}` : ''}`] : []),
  ]);
}
