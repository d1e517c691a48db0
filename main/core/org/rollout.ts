/**
 * One roll-out, opened: who administers it (the connected account, its organization and CallAs),
 * its StackSet (when it exists) and the values every account's names derive from. `openRollout`
 * starts from what the user typed (plan, apply); `openExisting` from the StackSet alone (status,
 * destroy, the dashboard and `--org`), whose template describes the roll-out it was made from.
 */
import type { OrgAccountNames, OrgRolloutInput } from '../../../shared/contract/org';
import { AppError } from '../../../shared/errors';
import type { AwsContext } from '../aws/context';
import { whoAmI } from '../profiles/session';
import { MANAGED_BY_TAG, onrampTags, CONFIGURATION_TAG_KEY } from '../setup/tags';
import { accountNames, stackSetNameFor } from './names';
import { callAsFor, describeOrganization, type CallAs, type Organization } from './organization';
import type { RolloutSeeds, SeedStore } from './seeds';
import { describeStackSet, instanceOverrides, type StackSetInfo, type StackSetScope, type StackSetSpec } from './stackset';
import { describedRollout, PARAMS, renderStackSetTemplate, type RolloutDescription } from './template';

/** What every roll-out operation works with. */
export interface Rollout {
  aws: AwsContext;
  adminAccount: string;
  org: Organization;
  callAs: CallAs;
  scope: StackSetScope;
  /** The roll-out's names (from the input, or read back from the StackSet). */
  description: RolloutDescription;
  seeds: RolloutSeeds;
  /** The StackSet as it is now, or null before the first apply. */
  stackSet: StackSetInfo | null;
}

/** Who administers roll-outs: the connected account, its organization, and how it calls StackSets. */
export interface Administration {
  adminAccount: string;
  org: Organization;
  callAs: CallAs;
}

/** Who the connected identity is in its organization: its account, the organization, and how it calls StackSets. */
export async function administration(aws: AwsContext): Promise<Administration> {
  const { account } = await whoAmI(aws);
  const org = await describeOrganization(aws);
  return { adminAccount: account, org, callAs: await callAsFor(aws, account, org) };
}

/** True when a StackSet carries Onramp's tags for this roll-out name. */
function isOurs(info: StackSetInfo, name: string): boolean {
  return info.tags[MANAGED_BY_TAG.key] === MANAGED_BY_TAG.value && info.tags[CONFIGURATION_TAG_KEY] === name;
}

/** Open a roll-out from its input: a StackSet of its name that is not this roll-out's (another name, or not Onramp's) is a conflict. */
export async function openRollout(aws: AwsContext, input: OrgRolloutInput, seedStore: SeedStore): Promise<Rollout> {
  const admin = await administration(aws);
  const name = stackSetNameFor(input.name);
  const scope: StackSetScope = { aws, region: input.region, name, callAs: admin.callAs };
  const stackSet = await describeStackSet(scope);
  if (stackSet && !isOurs(stackSet, input.name)) {
    const other = stackSet.tags[CONFIGURATION_TAG_KEY];
    throw new AppError(
      'Conflict',
      other
        ? `StackSet ${name} in ${input.region} belongs to roll-out "${other}", whose name gives the same StackSet name; choose another --name.`
        : `StackSet ${name} in ${input.region} exists and was not made by Onramp; Onramp will not change it. Choose another --name.`,
      'name',
    );
  }
  const description: RolloutDescription = {
    name: input.name,
    region: input.region,
    bucketPattern: input.bucketPattern,
    tableName: input.tableName,
    roleName: input.roleName,
    platformAccountId: input.platformAccountId,
    adminAccount: admin.adminAccount,
  };
  const seeds = seedsOf(stackSet) ?? (await seedStore.seedsFor(admin.adminAccount, input.region, name));
  return { aws, ...admin, scope, description, seeds, stackSet };
}

/** Open the roll-out a StackSet holds (by roll-out name); NotFound when there is none, Conflict when it is not Onramp's. */
export async function openExisting(aws: AwsContext, name: string, region: string, known?: Administration): Promise<Rollout> {
  const admin = known ?? (await administration(aws));
  const scope: StackSetScope = { aws, region, name: stackSetNameFor(name), callAs: admin.callAs };
  const stackSet = await describeStackSet(scope);
  if (!stackSet) throw new AppError('NotFound', `There is no roll-out "${name}" in ${region} (no StackSet ${scope.name} for this organization): "onramp org apply" makes one.`, 'name');
  const description = describedRollout(stackSet.templateBody);
  const seeds = seedsOf(stackSet);
  if (!isOurs(stackSet, name) || !description || !seeds) throw new AppError('Conflict', `StackSet ${scope.name} in ${region} is not an Onramp roll-out; Onramp will not touch it.`, 'name');
  return { aws, ...admin, scope, description, seeds, stackSet };
}

function seedsOf(info: StackSetInfo | null): RolloutSeeds | null {
  const base = info?.parameters[PARAMS.externalIdBase];
  const monitoring = info?.parameters[PARAMS.monitoringExternalId];
  return base && monitoring ? { externalIdBase: base, monitoringExternalId: monitoring } : null;
}

/** The StackSet this roll-out should have: template, parameters, automatic deployment, tags. */
export function desiredStackSet(r: Rollout, autoDeploy: boolean): StackSetSpec {
  const d = r.description;
  return {
    template: renderStackSetTemplate({ input: d, adminAccount: r.adminAccount, stackSetName: r.scope.name }),
    parameters: { [PARAMS.externalIdBase]: r.seeds.externalIdBase, [PARAMS.monitoringExternalId]: r.seeds.monitoringExternalId },
    autoDeploy,
    description: `Onramp roll-out "${d.name}" of the Bodo Platform's Cloud Configuration (bucket, lock table, platform role, read-only monitoring role).`,
    tags: onrampTags(d.name),
  };
}

/** True when the StackSet differs from what it should be (template, parameters or automatic deployment). */
export function stackSetDiffers(current: StackSetInfo, desired: StackSetSpec): boolean {
  const sameTemplate = (() => {
    try {
      return JSON.stringify(JSON.parse(current.templateBody)) === JSON.stringify(JSON.parse(desired.template));
    } catch {
      return false;
    }
  })();
  const sameParams = Object.entries(desired.parameters).every(([k, v]) => current.parameters[k] === v);
  return !sameTemplate || !sameParams || current.autoDeploy !== desired.autoDeploy;
}

/** One account's names, with its overrides when it has an instance (DescribeStackInstance). */
export async function namesFor(r: Rollout, account: string, hasInstance: boolean): Promise<OrgAccountNames> {
  const overrides = hasInstance ? await instanceOverrides(r.scope, account) : {};
  return accountNames({ input: r.description, stackSetName: r.scope.name, externalIdBase: r.seeds.externalIdBase, overrides }, account);
}
