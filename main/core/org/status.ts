/**
 * A roll-out's state per account: its stack instance (CloudFormation's status and reason), drift
 * (StackSet drift detection where AWS offers it; Onramp's own verify through the monitoring role
 * otherwise, or when asked), and its registration with the platform. Drift detection starts a
 * StackSet operation (read-only for the accounts); verify only reads.
 */
import type { OrgAccountState, OrgStatus } from '../../../shared/contract/org';
import { toAppError } from '../aws/errors';
import type { CloudConfigApi } from '../platform';
import { verifyConfiguration } from '../setup/verify';
import { monitoringContext, platformEntries, registrationOf, rolloutAccounts, type RolloutAccount } from './accounts';
import { mapLimit } from './limit';
import type { Rollout } from './rollout';
import { detectDrift, followOperation, listInstances, type FollowOptions } from './stackset';

/** What status should find out besides the instances. */
export interface StatusOptions {
  /** Run StackSet drift detection (falls back to verify where it is not available). */
  drift?: boolean;
  /** Run Onramp's verify in every account through its monitoring role. */
  verify?: boolean;
  /** The platform's API, to show each account's registration (null: not shown). */
  platform?: CloudConfigApi | null;
  /** Only these accounts. */
  accounts?: readonly string[];
  signal?: AbortSignal;
  follow?: Pick<FollowOptions, 'pollMs' | 'sleep'>;
}

/** Onramp's checks of one account through its monitoring role. */
async function verifyAccount(r: Rollout, a: RolloutAccount): Promise<NonNullable<OrgAccountState['verify']>> {
  const d = r.description;
  try {
    const result = await verifyConfiguration(
      monitoringContext(r, a.names),
      { name: d.name, region: d.region, bucketName: a.names.bucket, tableName: a.names.table, roleName: a.names.roleName, externalId: a.names.externalId, platformAccountId: d.platformAccountId, roleArn: a.names.roleArn },
      { account: a.instance.account },
    );
    return { ...result, error: null };
  } catch (err) {
    return { ok: false, checks: [], error: toAppError(err, `account ${a.instance.account}`).message };
  }
}

/** The roll-out's status. */
export async function rolloutStatus(r: Rollout, opts: StatusOptions = {}): Promise<OrgStatus> {
  const notes: string[] = [];
  let accounts = await rolloutAccounts(r, opts.accounts);
  let verifyAll = opts.verify === true;
  if (opts.drift && accounts.length) {
    try {
      const op = await detectDrift(r.scope);
      await followOperation(r.scope, op, { ...opts.follow, signal: opts.signal });
      const drifts = await listInstances(r.scope);
      accounts = accounts.map((a) => ({ ...a, instance: { ...a.instance, drift: drifts.find((d) => d.account === a.instance.account)?.drift ?? a.instance.drift } }));
    } catch (err) {
      const why = toAppError(err).message.split('\n')[0]!.slice(0, 200);
      notes.push(`StackSet drift detection is not available here (${why}): Onramp checked each account itself through its monitoring role instead.`);
      verifyAll = true;
    }
  }
  const entries = opts.platform === undefined ? null : await platformEntries(opts.platform);
  if (entries && 'error' in entries) notes.push(`Registrations not read: ${entries.error}.`);
  const rows = await mapLimit(accounts, 4, async (a): Promise<OrgAccountState> => {
    opts.signal?.throwIfAborted();
    const i = a.instance;
    const checkThis = verifyAll || (opts.drift === true && i.drift !== 'IN_SYNC' && i.drift !== 'DRIFTED');
    return {
      accountId: i.account,
      region: r.description.region,
      instanceStatus: i.status,
      detailedStatus: i.detailed,
      reason: i.reason,
      names: a.names,
      drift: i.drift,
      verify: checkThis ? await verifyAccount(r, a) : null,
      registration:
        entries === null
          ? { state: 'not-attempted', detail: 'not asked', result: null }
          : 'error' in entries
            ? { state: 'failed', detail: entries.error, result: null }
            : registrationOf(entries.items, i.account, r.description.region, a.names),
    };
  });
  return {
    stackSet: { name: r.scope.name, region: r.description.region, autoDeploy: r.stackSet?.autoDeploy ?? false, status: r.stackSet?.status ?? 'ACTIVE' },
    accounts: rows,
    notes,
  };
}
