import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers, createInvoker, createSessionHolder, type HandlerDeps } from '../../../main/handlers';
import { rememberLastSession } from '../../../main/handlers/settings';
import { dispatch } from '../../../main/handlers/dispatch';
import { createLogger } from '../../../main/core/logging/logger';
import { SettingsStore } from '../../../main/core/settings/settings-store';
import { ConfigurationStore } from '../../../main/core/store/configurations';
import type { Session } from '../../../main/core/profiles/session';
import { DEFAULT_SETTINGS } from '../../../shared/contract/settings';
import { type Diagnostics } from '../../../shared/contract/diagnostics';
import { SECRETS, secretBearingLines } from '../logging/secrets';

function deps(extra: Partial<HandlerDeps> = {}, env: NodeJS.ProcessEnv = {}): HandlerDeps {
  const dataDir = mkdtempSync(join(tmpdir(), 'onramp-settings-h-'));
  return { env, dataDir, store: new ConfigurationStore(dataDir), session: createSessionHolder(), ...extra };
}

describe('settings channels', () => {
  it('settings:get answers the defaults, settings:update validates and saves', async () => {
    const invoke = createInvoker(deps());
    expect(await invoke('settings:get', {})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(await invoke('settings:update', { theme: 'dark', refreshIntervalSeconds: 120 })).toMatchObject({
      ok: true,
      value: { theme: 'dark', refreshIntervalSeconds: 120 },
    });
    expect(await invoke('settings:get', {})).toMatchObject({ ok: true, value: { theme: 'dark' } });
    expect(await invoke('settings:update', { theme: 'neon' })).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'theme' } });
    expect(await invoke('settings:update', { refreshIntervalSeconds: '60' })).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    expect(await invoke('settings:update', { apiKey: 'x' })).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
  });

  it('a successful connect remembers its profile and region', async () => {
    const d = deps();
    const settings = new SettingsStore(d.dataDir);
    const table = createHandlers({ ...d, settings });
    const info = { profile: 'dev', account: '123456789012', arn: 'arn:aws:iam::123456789012:user/dev', userId: 'AIDA', region: 'us-east-2', endpointUrl: null };
    table['session:connect'] = async () => info;
    const wrapped = rememberLastSession(table, settings);
    expect(await dispatch(wrapped, 'session:connect', { profile: 'dev' })).toEqual({ ok: true, value: info });
    expect(await settings.get()).toMatchObject({ lastProfile: 'dev', lastRegion: 'us-east-2' });
  });
});

describe('diagnostics:get', () => {
  it('reports versions, OS, settings, recent errors and the endpoint in use — and no secret', async () => {
    const logger = createLogger();
    for (const line of secretBearingLines()) logger.error(`IPC setup:apply failed: ${line}`);
    const env = {
      AWS_ACCESS_KEY_ID: SECRETS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: SECRETS.secretAccessKey,
      AWS_SESSION_TOKEN: SECRETS.sessionToken,
      AWS_ENDPOINT_URL: `http://${SECRETS.accessKeyId}:${encodeURIComponent(SECRETS.secretAccessKey)}@127.0.0.1:5000/?token=${SECRETS.sessionToken}`,
    };
    const d = deps({ logger, appInfo: { name: 'Onramp', version: '1.2.3' } }, env);
    const invoke = createInvoker(d);
    await invoke('settings:update', { pricePerVcpuHour: 0.09 });
    const res = await invoke('diagnostics:get', {});
    expect(res.ok).toBe(true);
    const diag = (res as { value: Diagnostics }).value;
    expect(diag.app).toEqual({ name: 'Onramp', version: '1.2.3' });
    expect(diag.versions.node).toBe(process.versions.node);
    expect(diag.versions.electron).toBeNull();
    expect(diag.os.platform).toBe(process.platform);
    expect(diag.settings.pricePerVcpuHour).toBe(0.09);
    expect(diag.endpointUrl).toBe('http://127.0.0.1:5000');
    expect(diag.recentErrors).toHaveLength(secretBearingLines().length);
    expect(diag.text).toContain('Onramp 1.2.3');
    expect(diag.text).toContain('Endpoint override: http://127.0.0.1:5000');
    const serialised = JSON.stringify(diag);
    for (const secret of Object.values(SECRETS)) expect(serialised).not.toContain(secret);
  });

  it('prefers the connected session’s endpoint override', async () => {
    const session = createSessionHolder();
    session.set({ info: { endpointUrl: 'http://localhost:4566' } } as unknown as Session);
    const res = await createInvoker(deps({ session }))('diagnostics:get', {});
    expect(res).toMatchObject({ ok: true, value: { endpointUrl: 'http://localhost:4566', recentErrors: [] } });
  });
});
