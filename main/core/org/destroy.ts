/**
 * Remove a roll-out from some or all of its accounts with single-account destroy's guarantees: an
 * account whose bucket holds objects or whose table holds lock items keeps everything (the
 * platform's workspaces still use them), as does one Onramp could not look into; the others' stack
 * instances are deleted, which deletes only what the StackSet created — the bucket itself is kept
 * by its DeletionPolicy Retain and named for removal by hand. When no instance is left, the StackSet
 * goes too. Data is checked through each account's read-only monitoring role.
 */
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import type { OrgDestroyResult } from '../../../shared/contract/org';
import { AppError } from '../../../shared/errors';
import { toAppError } from '../aws/errors';
import { monitoringContext, rolloutAccounts, type RolloutAccount } from './accounts';
import { mapLimit } from './limit';
import { readParents } from './organization';
import { itemLabel, type RolloutReporter } from './report';
import type { Rollout } from './rollout';
import type { SeedStore } from './seeds';
import { deleteInstances, deleteStackSet, followOperation, listInstances, type FollowOptions } from './stackset';
import { accountTargets } from './targets';

/** How to destroy. */
export interface DestroyOptions extends RolloutReporter {
  /** Only these accounts (all of the roll-out's when empty). */
  accounts?: readonly string[];
  follow?: Pick<FollowOptions, 'pollMs' | 'sleep'>;
  /** Forgets the roll-out's seeds once its StackSet is gone. */
  seeds?: SeedStore;
}

/** Why an account must keep its configuration, or null when it holds no data (read through its monitoring role). */
async function dataIn(r: Rollout, a: RolloutAccount): Promise<string | null> {
  // An instance that never deployed has no stack: nothing of it can hold data.
  if (a.instance.detailed !== 'SUCCEEDED' && a.instance.status !== 'CURRENT') return null;
  const aws = monitoringContext(r, a.names);
  try {
    const objects = await (await aws.s3()).send(new ListObjectsV2Command({ Bucket: a.names.bucket, MaxKeys: 1 }));
    if ((objects.KeyCount ?? objects.Contents?.length ?? 0) > 0) return `bucket ${a.names.bucket} holds objects (the platform's state): kept, with everything else of this account`;
  } catch (err) {
    const e = toAppError(err);
    if (e.code !== 'NotFound') return `could not check bucket ${a.names.bucket} for data (${e.message.slice(0, 160)}): kept`;
  }
  try {
    const items = await (await aws.dynamodb()).send(new ScanCommand({ TableName: a.names.table, Limit: 1 }));
    if ((items.Count ?? 0) > 0) return `table ${a.names.table} holds lock items (a workspace is using it): kept, with everything else of this account`;
  } catch (err) {
    const e = toAppError(err);
    if (e.code !== 'NotFound') return `could not check table ${a.names.table} for lock items (${e.message.slice(0, 160)}): kept`;
  }
  return null;
}

/** Destroy the roll-out in its accounts (or the named ones). */
export async function destroyRollout(r: Rollout, opts: DestroyOptions = {}): Promise<OrgDestroyResult> {
  const region = r.description.region;
  const accounts = await rolloutAccounts(r, opts.accounts);
  const unknown = (opts.accounts ?? []).filter((id) => !accounts.some((a) => a.instance.account === id));
  if (unknown.length) throw new AppError('InvalidInput', `--accounts: ${unknown.join(', ')} ${unknown.length === 1 ? 'has' : 'have'} no instance of roll-out "${r.description.name}" in ${region}.`, '--accounts');
  const label = (a: RolloutAccount) => itemLabel('', a.instance.account, region);
  for (const a of accounts) opts.item?.({ id: a.instance.account, label: label(a), state: 'pending', reason: null });
  opts.step?.({ id: 'check', label: 'Check each account for data', state: 'running', detail: null });
  const checked = await mapLimit(accounts, 4, async (a) => ({ a, keep: await dataIn(r, a) }));
  opts.step?.({ id: 'check', label: 'Check each account for data', state: 'done', detail: null });
  const kept: OrgDestroyResult['kept'] = [];
  for (const { a, keep } of checked) {
    if (!keep) continue;
    kept.push({ accountId: a.instance.account, region, reason: keep });
    opts.item?.({ id: a.instance.account, label: label(a), state: 'skipped', reason: keep });
  }
  const remove = checked.filter((c) => !c.keep).map((c) => c.a);
  const result: OrgDestroyResult = { removed: [], kept, stackSetDeleted: false, manual: [], cancelled: false };
  if (remove.length && !opts.signal?.aborted) {
    opts.step?.({ id: 'remove', label: `Remove ${remove.length} stack instance${remove.length === 1 ? '' : 's'}`, state: 'running', detail: null });
    const withOu = await Promise.all(remove.map(async (a) => ({ id: a.instance.account, parentId: a.instance.ou ?? (await readParents(r.aws, a.instance.account)) })));
    const op = await deleteInstances(r.scope, accountTargets(withOu));
    const out = await followOperation(r.scope, op, {
      ...opts.follow,
      signal: opts.signal,
      onPoll: (_s, results) => {
        for (const res of results) opts.item?.({ id: res.account, label: itemLabel('', res.account, region), state: res.status === 'SUCCEEDED' ? 'done' : res.status === 'FAILED' ? 'failed' : 'running', reason: res.reason });
      },
    });
    result.cancelled = out.stopped;
    const left = await listInstances(r.scope);
    for (const a of remove) {
      const res = out.results.find((x) => x.account === a.instance.account);
      const gone = !left.some((i) => i.account === a.instance.account);
      if (gone) {
        result.removed.push({ accountId: a.instance.account, region });
        if (a.instance.status === 'CURRENT') {
          result.manual.push({ accountId: a.instance.account, what: `bucket ${a.names.bucket} (empty when checked) is kept: the StackSet never deletes a bucket`, command: `aws s3 rb s3://${a.names.bucket}   # with credentials for account ${a.instance.account}` });
        }
        opts.item?.({ id: a.instance.account, label: label(a), state: 'done', reason: null });
      } else {
        const reason = res?.status === 'CANCELLED' ? 'cancelled before its instance was removed' : (res?.reason ?? 'its instance was not removed');
        kept.push({ accountId: a.instance.account, region, reason });
        opts.item?.({ id: a.instance.account, label: label(a), state: res?.status === 'CANCELLED' ? 'undone' : 'failed', reason });
      }
    }
    opts.step?.({ id: 'remove', label: `Remove ${remove.length} stack instance${remove.length === 1 ? '' : 's'}`, state: out.stopped ? 'undone' : 'done', detail: `operation ${op}: ${out.status.toLowerCase()}` });
  }
  if (!result.cancelled && !opts.signal?.aborted && (await listInstances(r.scope)).length === 0) {
    await deleteStackSet(r.scope);
    await opts.seeds?.forget(r.adminAccount, region, r.scope.name);
    result.stackSetDeleted = true;
    opts.step?.({ id: 'stackset', label: `Delete StackSet ${r.scope.name}`, state: 'done', detail: 'no instance was left' });
  }
  result.cancelled ||= opts.signal?.aborted === true;
  return result;
}
