/**
 * The platform IPC channels through the real dispatcher (validation, response schemas) against the
 * fake platform: credentials in, never out; register and list; and the secret in no IPC response,
 * settings file, data-folder file or diagnostics report.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createInvoker, createSessionHolder, type HandlerDeps } from '../../../main/handlers';
import { createFileLogger } from '../../../main/core/logging/logger';
import { PlatformCredentialStore } from '../../../main/core/platform';
import { SettingsStore } from '../../../main/core/settings/settings-store';
import { ConfigurationStore } from '../../../main/core/store/configurations';
import type { IpcResult } from '../../../shared/contract';
import { useFakePlatformPerTest } from '../../helpers/fixtures';
import { allFilesText } from '../../helpers/files-text';
import { keychainCipher } from '../../helpers/keychain-cipher';
import { savedConfig } from '../../helpers/platform-fixtures';

const startFakePlatform = useFakePlatformPerTest();

async function setup(extra: Partial<HandlerDeps> = {}) {
  const fake = await startFakePlatform();
  const dataDir = extra.dataDir ?? mkdtempSync(join(tmpdir(), 'onramp-platform-h-'));
  const store = new ConfigurationStore(dataDir);
  await store.save(savedConfig('analytics'));
  const logger = createFileLogger(dataDir);
  const responses: string[] = [];
  const raw = createInvoker({ env: fake.env(), session: createSessionHolder(), logger, ...extra, dataDir, store });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const invoke = async (channel: string, payload: unknown): Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }> => {
    const r: IpcResult<unknown> = await raw(channel, payload);
    responses.push(JSON.stringify(r));
    // As main/electron/ipc.ts does: every failure is logged.
    if (!r.ok) logger.error(`IPC ${channel} failed: ${r.error.code}: ${r.error.message}`);
    return r;
  };
  return { fake, dataDir, store, invoke, responses };
}

describe('platform channels', () => {
  it('status before any token: none, with the URLs in use and where they came from', async () => {
    const { fake, invoke } = await setup();
    expect(await invoke('platform:status', {})).toEqual({
      ok: true,
      value: { credentials: 'none', clientIdHint: null, keychainAvailable: false, apiUrl: fake.apiUrl, authUrl: fake.authUrl, apiUrlSource: 'env', authUrlSource: 'env' },
    });
  });

  it('register or list without a token: PlatformAuth saying where to enter it, and no request', async () => {
    const { fake, invoke } = await setup();
    expect(await invoke('platform:register', { name: 'analytics' })).toMatchObject({ ok: false, error: { code: 'PlatformAuth', message: expect.stringMatching(/Settings → Bodo Platform/) } });
    expect(await invoke('platform:list', {})).toMatchObject({ ok: false, error: { code: 'PlatformAuth' } });
    expect(fake.requests).toEqual([]);
  });

  it('a refused token is not stored; invalid input sends nothing', async () => {
    const { fake, invoke } = await setup();
    const refused = await invoke('platform:save-credentials', { clientId: fake.clientId, secret: 'wrong-secret-value-0000', remember: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PlatformAuth', message: expect.stringMatching(/the platform refused this client ID and secret/) } });
    expect(await invoke('platform:status', {})).toMatchObject({ ok: true, value: { credentials: 'none' } });
    const sent = fake.requests.length;
    for (const bad of [{ clientId: '', secret: 'x', remember: false }, { clientId: 'a b', secret: 'x', remember: false }, { clientId: 'a', secret: 'x' }, { clientId: 'a', secret: 'x', remember: false, extra: 1 }]) {
      expect(await invoke('platform:save-credentials', bad)).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    }
    expect(fake.requests.length).toBe(sent);
  });

  it('save (pasted with spaces) → register → list → forget; the secret never comes back', async () => {
    const { fake, invoke, store } = await setup();
    const saved = await invoke('platform:save-credentials', { clientId: `  ${fake.clientId} `, secret: `${fake.secret}\n`, remember: true });
    // No keychain here (no Electron): kept for the session only.
    expect(saved).toMatchObject({ ok: true, value: { credentials: 'session', clientIdHint: 'onra…4c2e', keychainAvailable: false } });
    expect(JSON.parse(fake.tokenRequests()[0]!.body)).toEqual({ clientId: fake.clientId, secret: fake.secret });

    const registered = await invoke('platform:register', { name: 'analytics' });
    expect(registered).toMatchObject({ ok: true, value: { outcome: 'created', status: 'ACTIVE', name: 'analytics', matches: true } });
    expect((await store.get({ accountId: '123456789012', name: 'analytics' }))!.platform?.uuid).toBe(registered.value.uuid);
    expect(await invoke('configs:list', {})).toMatchObject({ ok: true, value: [{ name: 'analytics', platform: { uuid: registered.value.uuid } }] });

    const again = await invoke('platform:register', { name: 'analytics' });
    expect(again).toMatchObject({ ok: true, value: { outcome: 'existing', uuid: registered.value.uuid, matches: true } });
    expect(fake.apiRequests().filter((r) => r.method === 'POST')).toHaveLength(1);
    // One login for the whole session: the token is cached in main.
    expect(fake.tokenRequests()).toHaveLength(2); // the check on save, then one login for the API calls

    const listed = await invoke('platform:list', {});
    expect(listed).toMatchObject({ ok: true, value: { configurations: [{ name: 'analytics', registered: true, matches: true }], platformOnly: [] } });

    expect(await invoke('platform:register', { name: 'missing' })).toMatchObject({ ok: false, error: { code: 'NotFound', field: 'name' } });
    expect(await invoke('platform:forget-credentials', {})).toMatchObject({ ok: true, value: { credentials: 'none', clientIdHint: null } });
    expect(await invoke('platform:list', {})).toMatchObject({ ok: false, error: { code: 'PlatformAuth' } });
  });

  it('with the keychain: kept encrypted for the next start; the secret is in no response, file, log or diagnostics', async () => {
    const cipher = keychainCipher();
    const dataDir = mkdtempSync(join(tmpdir(), 'onramp-platform-k-'));
    const settings = new SettingsStore(dataDir);
    const { fake, invoke, responses } = await setup({ dataDir, settings, platformCredentials: new PlatformCredentialStore(dataDir, cipher) });
    expect(await invoke('platform:save-credentials', { clientId: fake.clientId, secret: fake.secret, remember: true })).toMatchObject({ ok: true, value: { credentials: 'keychain', keychainAvailable: true } });
    await invoke('platform:save-credentials', { clientId: fake.clientId, secret: `${fake.secret}-wrong`, remember: true });
    fake.failNext({ server: 'api', method: 'GET', status: 422, body: { statusCode: 422, message: `echo ${fake.secret}` } });
    expect(await invoke('platform:list', {})).toMatchObject({ ok: false, error: { code: 'PlatformRejected' } });
    await invoke('platform:register', { name: 'analytics' });
    await invoke('settings:update', { theme: 'dark' });
    const diagnostics = await invoke('diagnostics:get', {});
    expect(diagnostics.ok).toBe(true);

    const token = fake.tokenRequests().length > 0 ? fake.apiRequests().at(-1)!.headers.authorization!.replace('Bearer ', '') : '';
    expect(token.length).toBeGreaterThan(20);
    const files = allFilesText(dataDir);
    expect(files).toContain('IPC platform:save-credentials failed: PlatformAuth');
    for (const text of [responses.join('\n'), files, readFileSync(settings.path, 'utf8')]) {
      expect(text).not.toContain(fake.secret);
      expect(text).not.toContain(token);
    }

    // A new start (new handlers, same data folder and keychain) finds the token without asking.
    const restarted = createInvoker({ env: fake.env(), dataDir, store: new ConfigurationStore(dataDir), session: createSessionHolder(), platformCredentials: new PlatformCredentialStore(dataDir, cipher) });
    expect(await restarted('platform:status', {})).toMatchObject({ ok: true, value: { credentials: 'keychain', clientIdHint: 'onra…4c2e' } });
    expect(await restarted('platform:list', {})).toMatchObject({ ok: true, value: { configurations: [{ name: 'analytics', registered: true }] } });
  });

  it('URLs from Settings when the environment sets none; an invalid override is InvalidInput', async () => {
    const fake = await startFakePlatform();
    const dataDir = mkdtempSync(join(tmpdir(), 'onramp-platform-u-'));
    const invoke = createInvoker({ env: {}, dataDir, store: new ConfigurationStore(dataDir), session: createSessionHolder() });
    expect(await invoke('platform:status', {})).toMatchObject({ ok: true, value: { apiUrl: 'https://api.bodo.ai/api', apiUrlSource: 'default' } });
    expect(await invoke('settings:update', { platformApiUrl: `${fake.apiUrl}/`, platformAuthUrl: fake.authUrl })).toMatchObject({ ok: true, value: { platformApiUrl: fake.apiUrl } });
    expect(await invoke('platform:status', {})).toMatchObject({ ok: true, value: { apiUrl: fake.apiUrl, apiUrlSource: 'settings', authUrlSource: 'settings' } });
    expect(await invoke('platform:save-credentials', { clientId: fake.clientId, secret: fake.secret, remember: false })).toMatchObject({ ok: true });
    expect(await invoke('settings:update', { platformApiUrl: 'http://api.example.com/api' })).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'platformApiUrl' } });
    const badEnv = createInvoker({ env: { ONRAMP_PLATFORM_API_URL: 'ftp://x' }, dataDir, store: new ConfigurationStore(dataDir), session: createSessionHolder() });
    expect(await badEnv('platform:status', {})).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'ONRAMP_PLATFORM_API_URL' } });
  });
});
