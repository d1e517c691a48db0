/**
 * What makes a saved Cloud Configuration the one it is: its account and its name (a name is unique per
 * account, and two accounts may each have one of the same name), and when a second configuration of
 * the same name would replace another (same account, other resources). The core, the CLI and the
 * setup wizard's form all judge with these functions.
 */
import type { SavedConfiguration, SetupInput } from '../contract/setup';

/** The key of a saved configuration: the AWS account it lives in and its name. */
export interface ConfigurationKey {
  accountId: string;
  name: string;
}

/** A saved configuration's key. */
export function keyOf(c: ConfigurationKey): ConfigurationKey {
  return { accountId: c.accountId, name: c.name };
}

/** True when both name the same saved configuration (same account, same name). */
export function sameKey(a: ConfigurationKey, b: ConfigurationKey): boolean {
  return a.accountId === b.accountId && a.name === b.name;
}

/** The key as one string (list keys, messages): `<account>/<name>`. */
export function keyText(k: ConfigurationKey): string {
  return `${k.accountId}/${k.name}`;
}

/** The fields that say which resources a configuration is made of. */
export interface ResourceNames {
  region: string;
  bucketName: string;
  tableName: string;
  roleName: string;
}

/**
 * True when two configurations are made of the same resources: the same region (the table is
 * regional), bucket, table and role. IAM role names are unique case-insensitively
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html), so the role is
 * compared that way. The external ID and the platform account may differ: re-applying repairs them.
 */
export function sameResources(a: ResourceNames, b: ResourceNames): boolean {
  return a.region === b.region && a.bucketName === b.bucketName && a.tableName === b.tableName && a.roleName.toLowerCase() === b.roleName.toLowerCase();
}

/**
 * The saved configuration that already holds this name in this account with other resources, or
 * null. Re-applying the same configuration (same resources) is not a conflict.
 */
export function nameTakenBy(saved: readonly SavedConfiguration[], accountId: string, input: Pick<SetupInput, 'name'> & ResourceNames): SavedConfiguration | null {
  return saved.find((c) => sameKey(c, { accountId, name: input.name }) && !sameResources(c, input)) ?? null;
}

/** What the existing configuration is made of, in words. */
export function resourcesText(c: Pick<SavedConfiguration, 'region' | 'bucketName' | 'tableName' | 'roleArn'>): string {
  return `bucket ${c.bucketName}, table ${c.tableName} in ${c.region}, role ${c.roleArn}`;
}

/** The message for a taken name: which configuration holds it, with what, and the two ways on. */
export function nameTakenMessage(existing: SavedConfiguration): string {
  return (
    `Configuration name "${existing.name}" is already used in account ${existing.accountId} by a configuration with other resources (${resourcesText(existing)}). ` +
    'Choose another name, or use the same bucket, table, role and region to re-apply that configuration.'
  );
}
