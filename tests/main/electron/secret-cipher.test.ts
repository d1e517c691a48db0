/**
 * The platform API token in the app, through the Electron layer with `electron` mocked (its binary
 * cannot run here): main/electron/index.ts wires a PlatformCredentialStore over safeStorage, and
 * the IPC handlers are called as the renderer would call them. The mock's safeStorage encrypts
 * with a key only it holds (as the OS keychain would) and records what it was asked.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CREDENTIALS_FILE } from '../../../main/core/platform';
import { useFakePlatform } from '../../helpers/fixtures';
import { allFilesText } from '../../helpers/files-text';
import { TRUSTED_SENDER as trusted } from '../../helpers/mock-electron';

// Set in beforeAll, before main/electron/index.ts asks app.getPath('userData').
const state = await vi.hoisted(async () => (await import('../../helpers/mock-electron')).electronRecorder({ dataDir: '' }));
vi.mock('electron', async () => (await import('../../helpers/mock-electron')).mockElectron(state));

const call = (channel: string, payload: unknown = {}) => state.handlers.get(channel)!(trusted, payload) as Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('platform API token in the Electron app (safeStorage mocked)', () => {
  const fake = useFakePlatform();
  const responses: string[] = [];
  const record = async (channel: string, payload: unknown = {}) => {
    const r = await call(channel, payload);
    responses.push(JSON.stringify(r));
    return r;
  };

  beforeAll(async () => {
    state.dataDir = mkdtempSync(join(tmpdir(), 'onramp-electron-platform-'));
    Object.assign(process.env, fake.env());
    await import('../../../main/electron/index');
    await new Promise((r) => setTimeout(r, 20));
  });

  it('"remember" encrypts with safeStorage into the data folder: ciphertext only, readable by the user only', async () => {
    expect(await record('platform:status')).toMatchObject({ ok: true, value: { credentials: 'none', keychainAvailable: true } });
    const saved = await record('platform:save-credentials', { clientId: fake.clientId, secret: fake.secret, remember: true });
    expect(saved).toMatchObject({ ok: true, value: { credentials: 'keychain', clientIdHint: 'onra…4c2e' } });
    expect(state.keychain.encrypted).toHaveLength(1);
    expect(JSON.parse(state.keychain.encrypted[0]!)).toEqual({ clientId: fake.clientId, secret: fake.secret });
    const file = join(state.dataDir, CREDENTIALS_FILE);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toContain(fake.secret);
  });

  it('a refused change keeps the stored token working; the secret is in no IPC response, log line, settings or diagnostics', async () => {
    await record('platform:save-credentials', { clientId: fake.clientId, secret: `${fake.secret}-typo`, remember: true });
    expect(await record('platform:list')).toMatchObject({ ok: true, value: { configurations: [], platformOnly: [] } });
    fake.failNext({ server: 'api', status: 409, body: { statusCode: 409, message: `conflict for ${fake.secret}` } });
    expect(await record('platform:list')).toMatchObject({ ok: false, error: { code: 'PlatformRejected' } });
    await record('settings:update', { platformApiUrl: 'https://api.bodo.ai/api' });
    const diagnostics = await record('diagnostics:get');
    expect(diagnostics.ok).toBe(true);
    const everything = [responses.join('\n'), allFilesText(state.dataDir)].join('\n');
    expect(everything).toContain('IPC platform:save-credentials failed: PlatformAuth');
    expect(everything).not.toContain(fake.secret);
  });

  it('on Linux without a keyring (basic_text) the secret is kept in memory only, and the old file is removed', async () => {
    state.keychain.backend = 'basic_text';
    expect(await record('platform:status')).toMatchObject({ ok: true, value: { keychainAvailable: false } });
    const saved = await record('platform:save-credentials', { clientId: fake.clientId, secret: fake.secret, remember: true });
    expect(saved).toMatchObject({ ok: true, value: { credentials: process.platform === 'linux' ? 'session' : 'keychain' } });
    if (process.platform === 'linux') expect(existsSync(join(state.dataDir, CREDENTIALS_FILE))).toBe(false);
    expect(state.keychain.encrypted).toHaveLength(1);
    state.keychain.backend = 'gnome_libsecret';
  });

  it('forget removes it from memory and disk', async () => {
    await record('platform:save-credentials', { clientId: fake.clientId, secret: fake.secret, remember: true });
    expect(existsSync(join(state.dataDir, CREDENTIALS_FILE))).toBe(true);
    expect(await record('platform:forget-credentials')).toMatchObject({ ok: true, value: { credentials: 'none' } });
    expect(existsSync(join(state.dataDir, CREDENTIALS_FILE))).toBe(false);
    expect(responses.join('\n')).not.toContain(fake.secret);
  });
});
