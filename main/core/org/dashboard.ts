/**
 * Every account of the organization's roll-outs in one place, read through each account's
 * read-only monitoring role: the dashboard (vCPU usage, quotas, alarms) grouped by account, and the
 * per-account readers behind `onramp usage --org` and `onramp alarms --org`. An account whose role
 * cannot be assumed (not deployed yet, or denied) shows its own error; the others still show.
 * `findRollouts` is how `--org` knows the roll-outs: Onramp's StackSets in the region.
 */
import { paginateListStackSets } from '@aws-sdk/client-cloudformation';
import type { OrgDashboard, OrgDashboardAccount } from '../../../shared/contract/org';
import type { AwsContext } from '../aws/context';
import { toAppError } from '../aws/errors';
import { dashboardSummary } from '../monitoring/dashboard';
import type { SeriesCacheRef } from '../monitoring/metrics';
import { monitoringContext, rolloutAccounts } from './accounts';
import { mapLimit } from './limit';
import { STACKSET_PREFIX } from './names';
import { accountDisplayNames } from './organization';
import { administration, openExisting, type Rollout } from './rollout';
import { instanceDone } from './plan';
import { describeStackSet } from './stackset';
import { describedRollout } from './template';

/** One deployed account of a roll-out with a read-only context in it. */
export interface MonitoredAccount {
  rollout: string;
  accountId: string;
  /** The account's read-only context (its monitoring role), in the roll-out's region unless told otherwise. */
  aws: AwsContext;
}

/** Every Onramp roll-out whose StackSet lives in `region` (StackSets are regional), opened. */
export async function findRollouts(aws: AwsContext, region: string): Promise<Rollout[]> {
  const admin = await administration(aws);
  const client = await aws.cloudformation(region);
  const names: string[] = [];
  try {
    for await (const page of paginateListStackSets({ client }, { Status: 'ACTIVE', CallAs: admin.callAs })) {
      for (const s of page.Summaries ?? []) if (s.StackSetName?.startsWith(STACKSET_PREFIX) && s.PermissionModel !== 'SELF_MANAGED') names.push(s.StackSetName);
    }
  } catch (err) {
    throw toAppError(err, 'CloudFormation ListStackSets');
  }
  const found: Rollout[] = [];
  for (const name of names) {
    // Only StackSets whose tags and template describe an Onramp roll-out count.
    const info = await describeStackSet({ aws, region, name, callAs: admin.callAs });
    const d = info ? describedRollout(info.templateBody) : null;
    const opened = d ? await openExisting(aws, d.name, region, admin).catch(() => null) : null;
    if (opened) found.push(opened);
  }
  return found;
}

/** The deployed accounts of these roll-outs, each with a read-only context (one entry per account and roll-out). */
export async function monitoredAccounts(rollouts: readonly Rollout[], region?: string): Promise<MonitoredAccount[]> {
  const out: MonitoredAccount[] = [];
  for (const r of rollouts) {
    for (const a of await rolloutAccounts(r)) {
      if (!instanceDone(a.instance)) continue;
      out.push({ rollout: r.description.name, accountId: a.instance.account, aws: monitoringContext(r, a.names, region) });
    }
  }
  return out;
}

/** The dashboard over every deployed account of a roll-out, grouped by account. */
export async function orgDashboard(r: Rollout, opts: { regions?: readonly string[]; usageClass?: string; now: number; cache?: SeriesCacheRef; names?: Record<string, string> }): Promise<OrgDashboard> {
  const regions = opts.regions?.length ? opts.regions : [r.description.region];
  const accounts = await rolloutAccounts(r);
  const names = opts.names ?? (await accountDisplayNames(r.aws, accounts.map((a) => a.instance.account)));
  const rows = await mapLimit(accounts, 4, async (a): Promise<OrgDashboardAccount> => {
    const accountName = names[a.instance.account] ?? a.instance.account;
    if (!instanceDone(a.instance)) {
      return { ok: false, accountId: a.instance.account, accountName, error: { code: 'NotFound', message: `not deployed: its instance is ${a.instance.status.toLowerCase()}${a.instance.reason ? ` (${a.instance.reason})` : ''}` } };
    }
    try {
      const summary = await dashboardSummary(monitoringContext(r, a.names), regions, opts.usageClass, opts.now, opts.cache);
      // A region that failed because the role could not be assumed is the account's failure, said once.
      const denied = summary.regions.find((x) => !x.ok && /AssumeRole/.test(x.error.message));
      if (denied && !denied.ok && summary.regions.every((x) => !x.ok)) return { ok: false, accountId: a.instance.account, accountName, error: denied.error };
      return { ok: true, accountId: a.instance.account, accountName, summary };
    } catch (err) {
      const e = toAppError(err, `account ${a.instance.account}`);
      return { ok: false, accountId: a.instance.account, accountName, error: { code: e.code, message: e.message } };
    }
  });
  return { generatedAt: opts.now, stackSet: r.scope.name, accounts: rows };
}
