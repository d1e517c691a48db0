/**
 * The platform service (register, idempotent re-register, mismatch, list) against the fake
 * platform and a real configuration store in a temp folder.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { platformOverview, registerConfiguration, sourceFromSaved, type PlatformServiceDeps } from '../../../main/core/app/platform-service';
import { createPlatformClient } from '../../../main/core/platform';
import { ConfigurationStore } from '../../../main/core/store/configurations';
import type { SavedConfiguration } from '../../../shared/contract/setup';
import { providerDataOf, savedConfig } from '../../helpers/platform-fixtures';
import { type FakePlatformOptions } from '../../helpers/fake-bodo-platform';
import { useFakePlatformPerTest } from '../../helpers/fixtures';

const startFakePlatform = useFakePlatformPerTest();

const NOW = Date.UTC(2026, 2, 1, 12, 0, 0);

async function setup(opts: FakePlatformOptions = {}, configs: SavedConfiguration[] = [savedConfig()]) {
  const f = await startFakePlatform(opts);
  const store = new ConfigurationStore(mkdtempSync(join(tmpdir(), 'onramp-platform-svc-')));
  for (const c of configs) await store.save(c);
  const client = createPlatformClient({ urls: f, credentials: async () => ({ clientId: f.clientId, secret: f.secret }) });
  const deps: PlatformServiceDeps = { api: client.configs, store, now: () => NOW };
  const writes = () => f.apiRequests().filter((r) => r.method !== 'GET');
  return { fake: f, store, deps, writes };
}

describe('register', () => {
  it('creates the Cloud Configuration from the saved values and stores its UUID with the configuration', async () => {
    const { fake, store, deps, writes } = await setup();
    const saved = (await store.get({ accountId: '123456789012', name: 'analytics' }))!;
    const result = await registerConfiguration(deps, sourceFromSaved(saved));
    expect(result).toMatchObject({ outcome: 'created', status: 'ACTIVE', name: 'analytics', matches: true, note: null });
    expect(result.uuid).toBe(fake.configs[0]!.uuid);
    expect(result.fields.map((f) => [f.field, f.state])).toEqual([
      ['roleArn', 'match'],
      ['externalId', 'match'],
      ['accountId', 'match'],
      ['bucketName', 'match'],
      ['tableName', 'not-reported'],
      ['region', 'match'],
    ]);
    expect(writes()).toHaveLength(1);
    expect((await store.get({ accountId: '123456789012', name: 'analytics' }))!.platform).toEqual({ uuid: result.uuid, status: 'ACTIVE', apiUrl: fake.apiUrl, registeredAt: new Date(NOW).toISOString() });
  });

  it('is idempotent: registering again finds it by its UUID, creates nothing', async () => {
    const { fake, store, deps, writes } = await setup();
    const source = sourceFromSaved((await store.get({ accountId: '123456789012', name: 'analytics' }))!);
    const first = await registerConfiguration(deps, source);
    const second = await registerConfiguration(deps, source);
    expect(second).toMatchObject({ outcome: 'existing', uuid: first.uuid, matches: true });
    expect(writes()).toHaveLength(1);
    expect(fake.configs).toHaveLength(1);
    expect(fake.apiRequests().at(-1)).toMatchObject({ method: 'GET', path: `/api/v1/cloud-configs/${first.uuid}` });
  });

  it('without a stored UUID (registered by hand, or from another machine) it finds the entry by name and links it', async () => {
    const saved = savedConfig();
    const { fake, store, deps, writes } = await setup();
    const byHand = fake.seed({ name: 'analytics', providerData: providerDataOf(saved) });
    const result = await registerConfiguration(deps, sourceFromSaved(saved));
    expect(result).toMatchObject({ outcome: 'existing', uuid: byHand.uuid, matches: true });
    expect(writes()).toEqual([]);
    expect((await store.get({ accountId: '123456789012', name: 'analytics' }))!.platform?.uuid).toBe(byHand.uuid);
  });

  it('a mismatch is shown side by side and never overwritten (no POST, PUT or DELETE; no link saved)', async () => {
    const saved = savedConfig();
    const { fake, store, deps, writes } = await setup();
    const wrong = fake.seed({ name: 'analytics', providerData: { ...providerDataOf(saved), roleArn: 'arn:aws:iam::123456789012:role/Typo', tfBucketName: 'other-bucket' } });
    const before = structuredClone(wrong);
    const result = await registerConfiguration(deps, sourceFromSaved(saved));
    expect(result).toMatchObject({ outcome: 'existing', uuid: wrong.uuid, matches: false });
    expect(result.fields.filter((f) => f.state === 'differ')).toEqual([
      { field: 'roleArn', label: 'Role ARN', local: saved.roleArn, platform: 'arn:aws:iam::123456789012:role/Typo', state: 'differ' },
      { field: 'bucketName', label: 'S3 bucket', local: saved.bucketName, platform: 'other-bucket', state: 'differ' },
    ]);
    expect(result.note).toMatch(/does not overwrite/);
    expect(writes()).toEqual([]);
    expect(fake.configs).toEqual([before]);
    expect((await store.get({ accountId: '123456789012', name: 'analytics' }))!.platform).toBeUndefined();
  });

  it('a platform that does not keep the External ID Onramp sent: created, but the difference is reported', async () => {
    const { fake, store, deps } = await setup({ acceptsExternalId: false });
    const saved = (await store.get({ accountId: '123456789012', name: 'analytics' }))!;
    const result = await registerConfiguration(deps, sourceFromSaved(saved));
    expect(result).toMatchObject({ outcome: 'created', matches: false });
    expect(result.fields.find((f) => f.field === 'externalId')).toEqual({
      field: 'externalId',
      label: 'External ID',
      local: saved.externalId,
      platform: fake.configs[0]!.providerData.externalId,
      state: 'differ',
    });
    expect(result.note).toMatch(/did not keep the External ID/);
    // Linked anyway (it is Onramp's), so a second register compares instead of creating a duplicate.
    expect((await store.get({ accountId: '123456789012', name: 'analytics' }))!.platform?.uuid).toBe(result.uuid);
    const again = await registerConfiguration(deps, sourceFromSaved(saved));
    expect(again).toMatchObject({ outcome: 'existing', uuid: result.uuid, matches: false });
    expect(fake.configs).toHaveLength(1);
  });

  it('several platform entries of the same name: Conflict, nothing created', async () => {
    const saved = savedConfig();
    const { fake, deps, writes } = await setup();
    fake.seed({ name: 'analytics', providerData: providerDataOf(saved) });
    fake.seed({ name: 'analytics', providerData: providerDataOf(saved) });
    await expect(registerConfiguration(deps, sourceFromSaved(saved))).rejects.toMatchObject({ code: 'Conflict', message: expect.stringMatching(/2 Cloud Configurations named "analytics"/) });
    expect(writes()).toEqual([]);
  });

  it('a list the platform would not page through: Conflict rather than a possible duplicate', async () => {
    const saved = savedConfig();
    const { fake, deps, writes } = await setup({ pageSize: 2, honoursPaging: false });
    for (let i = 0; i < 3; i++) fake.seed({ name: `other-${i}`, providerData: {} });
    await expect(registerConfiguration(deps, sourceFromSaved(saved))).rejects.toMatchObject({ code: 'Conflict', message: expect.stringMatching(/reports 3 .* listed only 2/) });
    expect(writes()).toEqual([]);
  });

  it('a linked UUID deleted on the platform: found absent (404), created again and relinked', async () => {
    const { fake, store, deps } = await setup();
    const source = sourceFromSaved((await store.get({ accountId: '123456789012', name: 'analytics' }))!);
    const first = await registerConfiguration(deps, source);
    fake.configs.splice(0, 1);
    const second = await registerConfiguration(deps, source);
    expect(second.outcome).toBe('created');
    expect(second.uuid).not.toBe(first.uuid);
    expect((await store.get({ accountId: '123456789012', name: 'analytics' }))!.platform?.uuid).toBe(second.uuid);
  });

  it('a link to another platform (another API URL) is ignored', async () => {
    const saved = savedConfig('analytics', { platform: { uuid: 'elsewhere', status: 'ACTIVE', apiUrl: 'https://api.bodo.ai/api', registeredAt: '2026-01-01T00:00:00.000Z' } });
    const { fake, deps } = await setup({}, [saved]);
    const result = await registerConfiguration(deps, sourceFromSaved(saved));
    expect(result.outcome).toBe('created');
    expect(fake.apiRequests().some((r) => r.path.endsWith('/elsewhere'))).toBe(false);
  });

  it('values that differ from the saved configuration of that name (CLI flags) do not relink it', async () => {
    const { store, deps } = await setup();
    const saved = (await store.get({ accountId: '123456789012', name: 'analytics' }))!;
    await registerConfiguration(deps, { ...sourceFromSaved(saved), bucketName: 'typed-differently' });
    expect((await store.get({ accountId: '123456789012', name: 'analytics' }))!.platform).toBeUndefined();
  });
});

describe('platform overview', () => {
  it('each local configuration: registered or not, status, values matching; platform-only entries listed read-only', async () => {
    const a = savedConfig('alpha');
    const b = savedConfig('beta');
    const c = savedConfig('gamma');
    const { fake, deps } = await setup({}, [a, b, c]);
    await registerConfiguration(deps, sourceFromSaved(a));
    fake.seed({ name: 'beta', status: 'INCOMPLETE', providerData: { ...providerDataOf(b), tfBackendRegion: 'us-west-2' } });
    const remote = fake.seed({ name: 'made-on-the-platform', providerData: { roleArn: 'arn:aws:iam::999999999999:role/x', tfBackendRegion: 'us-west-1' } });
    const before = fake.requests.length;
    const overview = await platformOverview(deps);
    expect(fake.requests.slice(before).every((r) => r.method === 'GET')).toBe(true);
    const row = (name: string) => overview.configurations.find((r) => r.name === name)!;
    expect(row('alpha')).toMatchObject({ registered: true, status: 'ACTIVE', matches: true, verifiedAt: a.verifiedAt });
    expect(row('beta')).toMatchObject({ registered: true, status: 'INCOMPLETE', matches: false });
    expect(row('beta').fields.find((f) => f.field === 'region')).toMatchObject({ local: 'us-east-2', platform: 'us-west-2', state: 'differ' });
    expect(row('gamma')).toMatchObject({ registered: false, uuid: null, status: null, matches: null, fields: [] });
    expect(overview.platformOnly).toEqual([expect.objectContaining({ uuid: remote.uuid, name: 'made-on-the-platform', region: 'us-west-1' })]);
    expect(overview.apiUrl).toBe(fake.apiUrl);
  });

  it('compares the table when the platform reports one (older shape), and notes a linked entry that is gone', async () => {
    const a = savedConfig('alpha');
    const b = savedConfig('beta', { platform: { uuid: 'gone-uuid', status: 'ACTIVE', apiUrl: '', registeredAt: '2026-01-01T00:00:00.000Z' } });
    const { fake, deps, store } = await setup({}, [a, b]);
    await store.update({ accountId: '123456789012', name: 'beta' }, { platform: { ...b.platform!, apiUrl: fake.apiUrl } });
    fake.failNext({
      server: 'api',
      method: 'GET',
      status: 200,
      body: [{ cloudProvider: 'AWS', uuid: 'u-a', name: 'alpha', status: 'ACTIVE', awsProviderData: { ...providerDataOf(a), tfDynamoDbTableName: 'some-other-table' } }],
    });
    const overview = await platformOverview(deps);
    const alpha = overview.configurations.find((r) => r.name === 'alpha')!;
    expect(alpha.fields.find((f) => f.field === 'tableName')).toMatchObject({ local: a.tableName, platform: 'some-other-table', state: 'differ' });
    expect(alpha.matches).toBe(false);
    expect(overview.configurations.find((r) => r.name === 'beta')).toMatchObject({ registered: false, note: 'Registered as gone-uuid, but the platform no longer lists it.' });
  });
});

describe('the same name saved for two accounts', () => {
  const OTHER = '210987654321';
  const theirs = savedConfig('analytics', { accountId: OTHER, bucketName: 'theirs-bodo-state', roleArn: `arn:aws:iam::${OTHER}:role/BodoPlatformUser`, createdAt: '2026-03-02T10:00:00.000Z' });

  it('registering one updates only its own record; the other is compared, never overwritten', async () => {
    const { fake, store, deps, writes } = await setup({}, [savedConfig(), theirs]);
    const ours = await registerConfiguration(deps, sourceFromSaved((await store.get({ accountId: '123456789012', name: 'analytics' }))!));
    expect(ours).toMatchObject({ outcome: 'created', matches: true });
    expect((await store.get({ accountId: OTHER, name: 'analytics' }))!.platform).toBeUndefined();
    // The platform's one entry of that name is for the first account: the second is shown side by side.
    const second = await registerConfiguration(deps, sourceFromSaved(theirs));
    expect(second).toMatchObject({ outcome: 'existing', uuid: ours.uuid, matches: false });
    expect(second.fields.find((f) => f.field === 'accountId')).toMatchObject({ local: OTHER, platform: '123456789012', state: 'differ' });
    expect(writes()).toHaveLength(1);
    expect(fake.configs).toHaveLength(1);
    expect((await store.get({ accountId: OTHER, name: 'analytics' }))!.platform).toBeUndefined();
  });

  it('the overview lists both, each with its account, and gives the platform entry to the account it names', async () => {
    // The other account's record is newer, so it comes first in the saved list; it must not take the entry.
    const { fake, store, deps } = await setup({}, [savedConfig(), theirs]);
    fake.seed({ name: 'analytics', providerData: providerDataOf(savedConfig()) });
    expect((await store.list())[0]!.accountId).toBe(OTHER);
    const overview = await platformOverview(deps);
    expect(overview.configurations.map((r) => [r.accountId, r.registered, r.matches])).toEqual([
      [OTHER, false, null],
      ['123456789012', true, true],
    ]);
    expect(overview.platformOnly).toEqual([]);
  });
});
