/**
 * The accounts of a roll-out that exists: its stack instances, each account's names (with its
 * overrides), a read-only context in each through the monitoring role, and what the platform holds
 * for each. Shared by status, destroy, the dashboard and `--org`.
 */
import type { OrgAccountNames, OrgRegistration } from '../../../shared/contract/org';
import type { PlatformCloudConfig } from '../../../shared/contract/platform';
import { allMatch, compareWithPlatform } from '../app/platform-service';
import type { AwsContext } from '../aws/context';
import type { CloudConfigApi } from '../platform';
import { mapLimit } from './limit';
import { namesFor, type Rollout } from './rollout';
import { listInstances, type InstanceSummary } from './stackset';

/** One account of a roll-out: its instance and its names. */
export interface RolloutAccount {
  instance: InstanceSummary;
  names: OrgAccountNames;
}

/** Every instance of the roll-out (only these accounts, when some are named), with its names. */
export async function rolloutAccounts(r: Rollout, only: readonly string[] = []): Promise<RolloutAccount[]> {
  const instances = (await listInstances(r.scope)).filter((i) => only.length === 0 || only.includes(i.account));
  return mapLimit(instances, 4, async (instance) => ({ instance, names: await namesFor(r, instance.account, true) }));
}

/** A read-only context in one account, through the roll-out's monitoring role (with its external ID). */
export function monitoringContext(r: Rollout, names: Pick<OrgAccountNames, 'monitoringRoleArn'>, region?: string): AwsContext {
  return r.aws.assumeRole({ roleArn: names.monitoringRoleArn, externalId: r.seeds.monitoringExternalId, sessionName: 'onramp-monitor', region: region ?? r.description.region });
}

/** What the platform holds for one account, compared field by field (read-only: nothing is created). */
export function registrationOf(items: readonly PlatformCloudConfig[], account: string, region: string, names: OrgAccountNames): OrgRegistration {
  const named = items.filter((c) => c.name === names.platformName);
  if (named.length === 0) return { state: 'not-registered', detail: `the platform has no Cloud Configuration named "${names.platformName}"; "onramp org apply" registers it`, result: null };
  if (named.length > 1) return { state: 'failed', detail: `the platform holds ${named.length} Cloud Configurations named "${names.platformName}"`, result: null };
  const found = named[0]!;
  const fields = compareWithPlatform({ name: names.platformName, region, bucketName: names.bucket, tableName: names.table, roleArn: names.roleArn, externalId: names.externalId, accountId: account }, found);
  const matches = allMatch(fields);
  const differ = fields.filter((f) => f.state === 'differ').map((f) => f.label);
  return {
    state: matches ? 'registered' : 'mismatch',
    detail: matches ? `registered as ${found.uuid} (${found.status})` : `the platform holds different values for ${differ.join(', ')}`,
    result: { outcome: 'existing', uuid: found.uuid, status: found.status, name: found.name, matches, fields, note: null },
  };
}

/** The platform's Cloud Configurations, or why they could not be read (registration then shows as failed with that reason). */
export async function platformEntries(api: CloudConfigApi | null): Promise<{ items: PlatformCloudConfig[] } | { error: string }> {
  if (!api) return { error: 'no Bodo Platform credentials' };
  try {
    return { items: (await api.list()).items };
  } catch (err) {
    return { error: (err as Error).message };
  }
}
