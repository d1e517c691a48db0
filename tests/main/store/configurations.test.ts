import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SavedConfiguration } from '../../../shared/contract/setup';
import { ConfigurationNameTaken, ConfigurationStore, V1_BACKUP_FILE } from '../../../main/core/store/configurations';
import { defaultDataDir } from '../../../main/core/store/data-dir';
import { readJsonFile, writeFileAtomic } from '../../../main/core/store/json-file';
import { z } from 'zod';

const POSIX = process.platform !== 'win32';

function config(name: string, createdAt: string, over: Partial<SavedConfiguration> = {}): SavedConfiguration {
  return {
    name,
    region: 'us-east-1',
    bucketName: `bucket-${name.toLowerCase()}`,
    tableName: `table-${name}`,
    tableArn: `arn:aws:dynamodb:us-east-1:123456789012:table/table-${name}`,
    roleName: 'BodoPlatformUser',
    roleArn: 'arn:aws:iam::123456789012:role/BodoPlatformUser',
    externalId: 'ext-1',
    platformAccountId: '481633624848',
    accountId: '123456789012',
    profile: 'default',
    createdAt,
    verifiedAt: null,
    ...over,
  };
}

const OTHER = '210987654321';
const key = (name: string, accountId = '123456789012') => ({ accountId, name });

const freshDir = () => mkdtempSync(join(tmpdir(), 'onramp-store-'));

describe('ConfigurationStore', () => {
  it('starts empty when no file exists, and creates nothing by reading', async () => {
    const dir = join(freshDir(), 'data');
    const store = new ConfigurationStore(dir);
    expect(await store.list()).toEqual([]);
    expect(await store.get({ accountId: '123456789012', name: 'x' })).toBeNull();
    expect(existsSync(dir)).toBe(false);
  });

  it('saves, lists newest first, updates a re-apply in place, updates and removes by account and name', async () => {
    const dir = freshDir();
    const store = new ConfigurationStore(dir);
    await store.save(config('A', '2026-01-01T00:00:00.000Z'));
    await store.save(config('B', '2026-03-01T00:00:00.000Z'));
    await store.save(config('C', '2026-02-01T00:00:00.000Z'));
    expect((await store.list()).map((c) => c.name)).toEqual(['B', 'C', 'A']);

    // A re-apply (same account, name and resources) updates the record in place, keeping when it was made
    // and its registration with the platform (a Repair must not lose the platform link).
    const link = { uuid: 'cfg-1', status: 'ACTIVE', apiUrl: 'https://api.example.test', registeredAt: '2026-02-01T00:00:00.000Z' };
    await store.update(key('A'), { platform: link });
    await store.save(config('A', '2026-05-01T00:00:00.000Z', { externalId: 'ext-2', verifiedAt: null }));
    expect((await store.list()).filter((c) => c.name === 'A')).toHaveLength(1);
    expect(await store.get(key('A'))).toMatchObject({ externalId: 'ext-2', createdAt: '2026-01-01T00:00:00.000Z', platform: link });

    await store.update(key('C'), { verifiedAt: '2026-04-01T00:00:00.000Z' });
    expect((await store.get(key('C')))!.verifiedAt).toBe('2026-04-01T00:00:00.000Z');
    await store.update(key('missing'), { verifiedAt: 'x' });
    expect(await store.get(key('missing'))).toBeNull();
    // Another account's key reaches nothing.
    await store.update({ accountId: OTHER, name: 'C' }, { verifiedAt: null });
    expect((await store.get(key('C')))!.verifiedAt).toBe('2026-04-01T00:00:00.000Z');
    await store.remove({ accountId: OTHER, name: 'B' });
    expect(await store.get(key('B'))).not.toBeNull();

    await store.remove(key('B'));
    expect((await store.list()).map((c) => c.name)).toEqual(['C', 'A']);

    // A second store on the same folder sees the same data (it is really on disk).
    expect((await new ConfigurationStore(dir).list()).map((c) => c.name)).toEqual(['C', 'A']);
    const onDisk = JSON.parse(readFileSync(join(dir, 'configurations.json'), 'utf8'));
    expect(onDisk.version).toBe(2);
    expect(onDisk.configurations).toHaveLength(2);
  });

  it('keeps the same name in two accounts as two configurations', async () => {
    const dir = freshDir();
    const store = new ConfigurationStore(dir);
    await store.save(config('analytics-prod', '2026-01-01T00:00:00.000Z'));
    await store.save(config('analytics-prod', '2026-02-01T00:00:00.000Z', { accountId: OTHER, bucketName: 'other-bucket', roleArn: `arn:aws:iam::${OTHER}:role/BodoPlatformUser` }));
    expect((await store.list()).map((c) => [c.accountId, c.name, c.bucketName])).toEqual([
      [OTHER, 'analytics-prod', 'other-bucket'],
      ['123456789012', 'analytics-prod', 'bucket-analytics-prod'],
    ]);
    expect((await store.get(key('analytics-prod')))!.bucketName).toBe('bucket-analytics-prod');
    expect((await store.get({ accountId: OTHER, name: 'analytics-prod' }))!.bucketName).toBe('other-bucket');
    await store.remove({ accountId: OTHER, name: 'analytics-prod' });
    expect((await store.list()).map((c) => c.accountId)).toEqual(['123456789012']);
  });

  it('refuses to replace a configuration of the same account and name with other resources', async () => {
    const dir = freshDir();
    const store = new ConfigurationStore(dir);
    const first = config('analytics-prod', '2026-01-01T00:00:00.000Z', { platform: { uuid: 'u-1', status: 'ACTIVE', apiUrl: 'https://api.example', registeredAt: '2026-01-02T00:00:00.000Z' } });
    await store.save(first);
    const before = readFileSync(join(dir, 'configurations.json'), 'utf8');
    for (const other of [{ bucketName: 'b2' }, { tableName: 't2' }, { roleName: 'OtherRole' }, { region: 'us-west-2' as const }]) {
      const err = await store.save(config('analytics-prod', '2026-03-01T00:00:00.000Z', other)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigurationNameTaken);
      expect(err).toMatchObject({ code: 'Conflict', field: 'name', existing: first });
      expect((err as Error).message).toContain('bucket-analytics-prod');
    }
    expect(readFileSync(join(dir, 'configurations.json'), 'utf8')).toBe(before);
    // The role name differs only in case: IAM calls that the same role, so it is a re-apply.
    await store.save(config('analytics-prod', '2026-03-01T00:00:00.000Z', { roleName: 'bodoplatformuser' }));
    expect(await store.get(key('analytics-prod'))).toMatchObject({ roleName: 'bodoplatformuser', createdAt: first.createdAt, platform: first.platform });
  });

  it('migrates a version-1 file (keyed by name alone) without losing any record, keeping a copy of it', async () => {
    const dir = freshDir();
    const path = join(dir, 'configurations.json');
    const v1 = {
      version: 1,
      configurations: [
        config('A', '2026-01-01T00:00:00.000Z'),
        config('B', '2026-02-01T00:00:00.000Z', { accountId: OTHER, verifiedAt: '2026-02-02T00:00:00.000Z' }),
        config('C', '2026-03-01T00:00:00.000Z', { platform: { uuid: 'u-c', status: 'ACTIVE', apiUrl: 'https://api.example', registeredAt: '2026-03-02T00:00:00.000Z' } }),
      ],
    };
    const original = JSON.stringify(v1, null, 2);
    writeFileSync(path, original);
    const store = new ConfigurationStore(dir);
    // Read as it is: nothing is rewritten by reading.
    expect((await store.list()).map((c) => c.name)).toEqual(['C', 'B', 'A']);
    expect(await store.get({ accountId: OTHER, name: 'B' })).toEqual(v1.configurations[1]);
    expect(readFileSync(path, 'utf8')).toBe(original);
    // The first write migrates: every record is kept, now keyed by account and name.
    await store.save(config('A', '2026-04-01T00:00:00.000Z', { accountId: OTHER, bucketName: 'a-in-other' }));
    const onDisk = JSON.parse(readFileSync(path, 'utf8'));
    expect(onDisk.version).toBe(2);
    expect(onDisk.configurations).toEqual(expect.arrayContaining([...v1.configurations, expect.objectContaining({ name: 'A', accountId: OTHER, bucketName: 'a-in-other' })]));
    expect(onDisk.configurations).toHaveLength(4);
    expect(readFileSync(join(dir, V1_BACKUP_FILE), 'utf8')).toBe(original);
    // A later write keeps the first copy as it was.
    await store.remove(key('A'));
    expect(readFileSync(join(dir, V1_BACKUP_FILE), 'utf8')).toBe(original);
    expect((await store.list()).map((c) => `${c.accountId}/${c.name}`)).toEqual([`${OTHER}/A`, '123456789012/C', `${OTHER}/B`]);
  });

  it.skipIf(!POSIX)('writes the file with mode 0600 and the folder with 0700', async () => {
    const dir = join(freshDir(), 'nested', 'data');
    await new ConfigurationStore(dir).save(config('A', '2026-01-01T00:00:00.000Z'));
    expect(statSync(join(dir, 'configurations.json')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it.skipIf(!POSIX)('tightens a pre-existing world-readable file to 0600 on write', async () => {
    const dir = freshDir();
    const path = join(dir, 'configurations.json');
    writeFileSync(path, JSON.stringify({ version: 1, configurations: [] }));
    chmodSync(path, 0o644);
    await new ConfigurationStore(dir).save(config('A', '2026-01-01T00:00:00.000Z'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('leaves no temp files behind and serialises concurrent writes without losing any', async () => {
    const dir = freshDir();
    const store = new ConfigurationStore(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.save(config(`N${i}`, `2026-01-01T00:00:${String(i).padStart(2, '0')}.000Z`))));
    expect(await store.list()).toHaveLength(20);
    expect(readdirSync(dir)).toEqual(['configurations.json']);
  });

  it.each([
    ['not JSON', '{"version":1,"configurations":['],
    ['an unknown version', JSON.stringify({ version: 3, configurations: [] })],
    ['wrong shape', JSON.stringify({ version: 1, configurations: [{ name: 'x' }] })],
    ['empty file', ''],
    ['an array', '[]'],
  ])('sets a corrupt file aside (%s) and returns an empty list without throwing', async (_label, contents) => {
    const dir = freshDir();
    const path = join(dir, 'configurations.json');
    writeFileSync(path, contents);
    const store = new ConfigurationStore(dir);
    expect(await store.list()).toEqual([]);
    expect(existsSync(path)).toBe(false);
    const aside = readdirSync(dir).filter((f) => f.startsWith('configurations.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(contents);
    // And the store keeps working afterwards.
    await store.save(config('A', '2026-01-01T00:00:00.000Z'));
    expect((await store.list()).map((c) => c.name)).toEqual(['A']);
  });

  it('does not throw when the file is a directory (unreadable)', async () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'configurations.json'));
    const store = new ConfigurationStore(dir);
    // "never throws": listing an unreadable store gives an empty list.
    await expect(store.list()).resolves.toEqual([]);
  });

  it.skipIf(!POSIX || process.getuid?.() === 0)('never overwrites a file it cannot read', async () => {
    const dir = freshDir();
    const path = join(dir, 'configurations.json');
    const original = JSON.stringify({ version: 1, configurations: [config('Old', '2026-01-01T00:00:00.000Z')] });
    writeFileSync(path, original);
    chmodSync(path, 0o000);
    const store = new ConfigurationStore(dir);
    await expect(store.list()).resolves.toEqual([]);
    await expect(store.save(config('New', '2026-02-01T00:00:00.000Z'))).rejects.toThrow(/EACCES/);
    chmodSync(path, 0o600);
    expect(readFileSync(path, 'utf8')).toBe(original);
  });
});

describe('json-file helpers', () => {
  it('writeFileAtomic replaces the whole content', async () => {
    const path = join(freshDir(), 'f.json');
    await writeFileAtomic(path, 'a'.repeat(1000));
    await writeFileAtomic(path, 'short');
    expect(readFileSync(path, 'utf8')).toBe('short');
  });

  it('readJsonFile reports missing, ok and invalid', async () => {
    const dir = freshDir();
    const schema = z.object({ a: z.number() });
    expect(await readJsonFile(join(dir, 'none.json'), schema)).toEqual({ kind: 'missing' });
    writeFileSync(join(dir, 'ok.json'), '{"a":1}');
    expect(await readJsonFile(join(dir, 'ok.json'), schema)).toEqual({ kind: 'ok', value: { a: 1 } });
    writeFileSync(join(dir, 'bad.json'), '{"a":"x"}');
    const bad = await readJsonFile(join(dir, 'bad.json'), schema);
    expect(bad.kind).toBe('invalid');
    expect(existsSync((bad as { setAsideTo: string }).setAsideTo)).toBe(true);
  });
});

describe('defaultDataDir', () => {
  it('uses ONRAMP_DATA_DIR first', () => {
    expect(defaultDataDir({ ONRAMP_DATA_DIR: '/x/y', HOME: '/h' }, 'linux')).toBe('/x/y');
  });

  it('follows each platform\'s convention', () => {
    expect(defaultDataDir({ HOME: '/h' }, 'linux')).toBe(join('/h', '.config', 'Onramp'));
    expect(defaultDataDir({ HOME: '/h', XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe(join('/xdg', 'Onramp'));
    expect(defaultDataDir({ HOME: '/h' }, 'darwin')).toBe(join('/h', 'Library', 'Application Support', 'Onramp'));
    expect(defaultDataDir({ HOME: '/h', APPDATA: '/appdata' }, 'win32')).toBe(join('/appdata', 'Onramp'));
  });

  it('never points inside ~/.aws', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(defaultDataDir({ HOME: '/h' }, platform)).not.toContain('.aws');
    }
  });
});
