/**
 * The names of a roll-out and of each account's Cloud Configuration. Every account's values follow
 * from the roll-out's input and the account ID alone (bucket from the pattern, external ID from the
 * roll-out's base), so the StackSet's template derives the very same values for an account that
 * automatic deployment adds later; a per-account parameter override is only needed where an account
 * must differ (an external ID the platform chose: docs/organizations.md#external-ids).
 */
import { randomUUID } from 'node:crypto';
import type { OrgAccountNames, OrgRolloutInput } from '../../../shared/contract/org';
import { AppError } from '../../../shared/errors';
import { expandBucketPattern } from '../../../shared/validation/org';

/** Every Onramp StackSet's name starts with this (how `--org` finds them). */
export const STACKSET_PREFIX = 'onramp-';

/** The StackSet's name: `onramp-` and the roll-out name in lowercase letters, digits and hyphens (CreateStackSet's `[a-zA-Z][-a-zA-Z0-9]*`). */
export function stackSetNameFor(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!slug) throw new AppError('InvalidInput', `Roll-out name "${name}" needs a letter or a digit.`, 'name');
  return `${STACKSET_PREFIX}${slug}`;
}

/** The read-only monitoring role each account gets (one per roll-out, so two roll-outs in one account never collide); IAM allows 64 characters. */
export function monitoringRoleNameFor(stackSetName: string): string {
  return `${stackSetName.slice(0, 56)}-monitor`;
}

/** An account's default external ID: the roll-out's random base and the account ID (what the template derives). */
export function externalIdFor(base: string, account: string): string {
  return `${base}-${account}`;
}

/** A new random base for a roll-out's external IDs (a UUID, like the IDs the platform's own form shows). */
export function newExternalIdBase(): string {
  return randomUUID();
}

/** A new random external ID for the monitoring roles (they trust only the administering account, and only with it). */
export function newMonitoringExternalId(): string {
  return `onramp-monitor-${randomUUID()}`;
}

/** The name an account's configuration is registered under with the Bodo Platform. */
export function platformNameFor(name: string, account: string): string {
  return `${name}-${account}`;
}

/** What derives an account's names: the input, the StackSet's parameters, and any override for this account. */
export interface NameSources {
  input: Pick<OrgRolloutInput, 'name' | 'region' | 'bucketPattern' | 'tableName' | 'roleName'>;
  stackSetName: string;
  externalIdBase: string;
  /** This account's parameter overrides (ExternalId, BucketName), when it has any. */
  overrides?: Partial<Record<'ExternalId' | 'BucketName', string>>;
}

/** The names one account's configuration gets (or has). */
export function accountNames(src: NameSources, account: string): OrgAccountNames {
  const { input } = src;
  return {
    bucket: src.overrides?.BucketName || expandBucketPattern(input.bucketPattern, account, input.region),
    table: input.tableName,
    roleName: input.roleName,
    roleArn: `arn:aws:iam::${account}:role/${input.roleName}`,
    externalId: src.overrides?.ExternalId || externalIdFor(src.externalIdBase, account),
    monitoringRoleArn: `arn:aws:iam::${account}:role/${monitoringRoleNameFor(src.stackSetName)}`,
    platformName: platformNameFor(input.name, account),
  };
}
