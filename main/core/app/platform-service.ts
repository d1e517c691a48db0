/**
 * Registering Cloud Configurations with the Bodo Platform and showing what the platform sees — the
 * one flow behind both the IPC handlers (main/handlers/platform.ts) and the CLI (`onramp platform
 * …`). It reads and creates on the platform only; nothing in AWS is changed, and nothing on the
 * platform is ever updated or deleted: a mismatch is reported side by side, never overwritten.
 */
import type { ComparedField, FieldComparison, PlatformCloudConfig, PlatformOverview, PlatformRow, RegisterResult } from '../../../shared/contract/platform';
import type { SavedConfiguration } from '../../../shared/contract/setup';
import { AppError } from '../../../shared/errors';
import type { CloudConfigApi, CloudConfigDraft } from '../platform';
import type { ConfigurationStore } from '../store/configurations';

/** The values a registration is made of: what Onramp created and verified in AWS. */
export interface RegistrationSource {
  name: string;
  region: string;
  bucketName: string;
  tableName: string;
  roleArn: string;
  externalId: string;
  /** The AWS account holding the role, bucket and table. */
  accountId: string;
}

/** What the service needs: the platform API, the local store, a clock. */
export interface PlatformServiceDeps {
  api: CloudConfigApi;
  store: Pick<ConfigurationStore, 'list' | 'get' | 'update'>;
  now: () => number;
}

const LABELS: Record<ComparedField, string> = {
  roleArn: 'Role ARN',
  externalId: 'External ID',
  accountId: 'AWS account',
  bucketName: 'S3 bucket',
  tableName: 'DynamoDB table',
  region: 'Region',
};

/** The registration values of a saved configuration. */
export function sourceFromSaved(saved: SavedConfiguration): RegistrationSource {
  return {
    name: saved.name,
    region: saved.region,
    bucketName: saved.bucketName,
    tableName: saved.tableName,
    roleArn: saved.roleArn,
    externalId: saved.externalId,
    accountId: saved.accountId,
  };
}

/**
 * Each value side by side. The table is `not-reported` when the platform holds none (its current
 * API has no table field); every other value must be equal to count as a match.
 */
export function compareWithPlatform(source: RegistrationSource, platform: PlatformCloudConfig): FieldComparison[] {
  const row = (field: ComparedField, value: string | null): FieldComparison => {
    const local = source[field];
    const state = field === 'tableName' && value === null ? 'not-reported' : value === local ? 'match' : 'differ';
    return { field, label: LABELS[field], local, platform: value, state };
  };
  return [
    row('roleArn', platform.roleArn),
    row('externalId', platform.externalId),
    row('accountId', platform.accountId),
    row('bucketName', platform.bucketName),
    row('tableName', platform.tableName),
    row('region', platform.region),
  ];
}

/** True when nothing differs (a value the platform does not report is not a difference). */
export function allMatch(fields: readonly FieldComparison[]): boolean {
  return fields.every((f) => f.state !== 'differ');
}

/** The saved configuration's link, when it belongs to the platform at this API URL. */
function linkFor(saved: SavedConfiguration | null, apiUrl: string) {
  return saved?.platform && saved.platform.apiUrl === apiUrl ? saved.platform : null;
}

function sameSource(a: RegistrationSource, b: RegistrationSource): boolean {
  return (Object.keys(a) as (keyof RegistrationSource)[]).every((k) => a[k] === b[k]);
}

function draftFrom(source: RegistrationSource): CloudConfigDraft {
  return {
    name: source.name,
    roleArn: source.roleArn,
    externalId: source.externalId,
    accountId: source.accountId,
    bucketName: source.bucketName,
    region: source.region,
  };
}

/**
 * The one platform configuration named `name`; several of that name is a Conflict (Onramp never picks
 * one) — unless exactly one of them is for this AWS account (the same name may be saved in two accounts).
 */
function single(items: readonly PlatformCloudConfig[], name: string, accountId: string): PlatformCloudConfig | null {
  const all = items.filter((c) => c.name === name);
  const ofAccount = all.filter((c) => c.accountId === accountId);
  const named = all.length > 1 && ofAccount.length === 1 ? ofAccount : all;
  if (named.length > 1) {
    throw new AppError(
      'Conflict',
      `The Bodo Platform holds ${named.length} Cloud Configurations named "${name}" (${named.map((c) => c.uuid).join(', ')}); Onramp will not choose one. Remove or rename the extra ones on the platform, then register again.`,
    );
  }
  return named[0] ?? null;
}

function mismatchNote(name: string, fields: readonly FieldComparison[], created: boolean): string | null {
  const differ = fields.filter((f) => f.state === 'differ');
  if (differ.length === 0) return null;
  const list = differ.map((f) => f.label).join(', ');
  if (created) {
    const ext = differ.some((f) => f.field === 'externalId')
      ? " The platform did not keep the External ID Onramp sent: the role in AWS trusts only the one Onramp set, so the platform cannot assume it until they agree. Change the role's trust policy (condition sts:ExternalId) to the platform's External ID, or delete this entry on the platform."
      : '';
    return `The platform created "${name}" but holds different values for ${list}.${ext} Nothing was changed in AWS.`;
  }
  return `The platform already has a Cloud Configuration named "${name}" with different values for ${list}. Onramp does not overwrite it: correct it on the platform (or delete it there), then register again.`;
}

/**
 * Register one configuration: the platform entry it is linked to, else the one of its name, is
 * compared; only when there is none is it created (POST). The UUID is saved with the local
 * configuration when the values are Onramp's (created, or found matching).
 */
export async function registerConfiguration(deps: PlatformServiceDeps, source: RegistrationSource): Promise<RegisterResult> {
  const { api, store } = deps;
  // A name is unique per account only: the saved configuration is the one of this account and name.
  const key = { accountId: source.accountId, name: source.name };
  const saved = await store.get(key);
  const link = linkFor(saved, api.apiUrl);
  let existing = link ? await api.get(link.uuid) : null;
  if (!existing) {
    const listed = await api.list();
    existing = single(listed.items, source.name, source.accountId);
    if (!existing && !listed.complete) {
      throw new AppError(
        'Conflict',
        `The Bodo Platform reports ${listed.totalItems ?? 'more'} Cloud Configurations but listed only ${listed.items.length}, so Onramp cannot be sure "${source.name}" is not registered already and did not create it. Check the platform's Cloud Configurations page.`,
      );
    }
  }
  let outcome: RegisterResult['outcome'] = 'existing';
  let platform: PlatformCloudConfig;
  if (existing) {
    platform = existing;
  } else {
    platform = await api.create(draftFrom(source));
    outcome = 'created';
  }
  const fields = compareWithPlatform(source, platform);
  const matches = allMatch(fields);
  if ((outcome === 'created' || matches) && saved && sameSource(sourceFromSaved(saved), source)) {
    await store.update(key, {
      platform: { uuid: platform.uuid, status: platform.status, apiUrl: api.apiUrl, registeredAt: new Date(deps.now()).toISOString() },
    });
  }
  return {
    outcome,
    uuid: platform.uuid,
    status: platform.status,
    name: platform.name || source.name,
    matches,
    fields,
    note: mismatchNote(source.name, fields, outcome === 'created'),
  };
}

/**
 * Every saved configuration with its platform state — matched by its saved UUID, else by name —
 * and the platform's configurations that match none of them (read-only). Reads only.
 */
export async function platformOverview(deps: PlatformServiceDeps): Promise<PlatformOverview> {
  const { api, store } = deps;
  const [listed, saved] = await Promise.all([api.list(), store.list()]);
  const claimed = new Set<string>();
  const found = new Map<SavedConfiguration, PlatformCloudConfig>();
  const notes = new Map<SavedConfiguration, string>();
  // First by saved UUID, then by name and account, then by name alone: a configuration of the same
  // name in another account never takes the entry that names this one's account.
  for (const config of saved) {
    const link = linkFor(config, api.apiUrl);
    let hit = link ? (listed.items.find((c) => c.uuid === link.uuid) ?? null) : null;
    if (link && !hit && !listed.complete) hit = await api.get(link.uuid);
    if (hit) {
      found.set(config, hit);
      claimed.add(hit.uuid);
    }
  }
  for (const byAccount of [true, false]) {
    for (const config of saved) {
      if (found.has(config) || notes.has(config)) continue;
      const named = listed.items.filter((c) => c.name === config.name && !claimed.has(c.uuid) && (!byAccount || c.accountId === config.accountId));
      if (named.length > 1) notes.set(config, `The platform holds ${named.length} Cloud Configurations named "${config.name}"; register will not choose one.`);
      else if (named[0]) {
        found.set(config, named[0]);
        claimed.add(named[0].uuid);
      }
    }
  }
  const rows: PlatformRow[] = saved.map((config) => {
    const base = { name: config.name, accountId: config.accountId, region: config.region, verifiedAt: config.verifiedAt };
    const hit = found.get(config);
    if (!hit) {
      const link = linkFor(config, api.apiUrl);
      const note = notes.get(config) ?? (link ? `Registered as ${link.uuid}, but the platform no longer lists it.` : null);
      return { ...base, registered: false, uuid: null, status: null, matches: null, fields: [], note };
    }
    const fields = compareWithPlatform(sourceFromSaved(config), hit);
    const matches = allMatch(fields);
    return { ...base, registered: true, uuid: hit.uuid, status: hit.status, matches, fields, note: matches ? null : mismatchNote(config.name, fields, false) };
  });
  const platformOnly = listed.items.filter((c) => !claimed.has(c.uuid));
  return { apiUrl: api.apiUrl, configurations: rows, platformOnly };
}
