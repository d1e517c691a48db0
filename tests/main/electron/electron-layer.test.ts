import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/contract/channels';
import { TRUSTED_SENDER } from '../../helpers/mock-electron';
import { useSsoFake } from '../../helpers/fixtures';

// Electron's binary cannot run on these machines: the Electron layer runs against a recording mock.
const recorded = await vi.hoisted(async () => (await import('../../helpers/mock-electron')).electronRecorder());
vi.mock('electron', async () => (await import('../../helpers/mock-electron')).mockElectron(recorded));

function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  return {
    on: (event: string, fn: (e: { preventDefault: () => void }, url?: string) => void) => listeners.set(event, fn),
    setWindowOpenHandler: (fn: (d: { url: string }) => { action: string }) => {
      openHandler = fn;
    },
    navigate(url: string): boolean {
      let prevented = false;
      listeners.get('will-navigate')?.({ preventDefault: () => (prevented = true) }, url);
      return !prevented;
    },
    attachWebview(): boolean {
      let prevented = false;
      listeners.get('will-attach-webview')?.({ preventDefault: () => (prevented = true) });
      return !prevented;
    },
    open: (url: string) => openHandler!({ url }),
  };
}

describe('Electron layer (with electron mocked)', () => {
  const fake = useSsoFake();
  const ENV_KEYS = ['HOME', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ENDPOINT_URL_SSO_OIDC'] as const;
  const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  beforeAll(async () => {
    // The app reads process.env: give it an SSO profile whose sign-in service is the local fake.
    const home = mkdtempSync(join(tmpdir(), 'onramp-electron-'));
    writeFileSync(join(home, 'config'), '[profile sso]\nsso_session = s\nsso_account_id = 123456789012\nsso_role_name = R\n[sso-session s]\nsso_start_url = https://s.awsapps.com/start\nsso_region = us-east-1\n');
    Object.assign(process.env, { HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'), AWS_ENDPOINT_URL_SSO_OIDC: fake.url });
    await import('../../../main/electron/index');
    // The app creates its window once whenReady's start-up has read its settings: wait for it (a busy machine is slow).
    for (let i = 0; i < 250 && recorded.windows.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  });
  afterAll(async () => {
    for (const k of ENV_KEYS) {
      if (savedEnv[k] === undefined) delete process.env[k];
      else process.env[k] = savedEnv[k];
    }
  });

  it('creates an isolated, sandboxed window without Node and loads the app from app://', () => {
    expect(recorded.sandboxEnabled).toBe(true);
    const win = recorded.windows[0]!;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.js$/);
    expect(win.loaded).toEqual(['app://onramp/index.html']);
  });

  it('registers app:// as a standard secure scheme and serves with a CSP', async () => {
    expect(recorded.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    const res = await recorded.protocolHandler!(new Request('app://onramp/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const escape = await recorded.protocolHandler!(new Request('app://onramp/..%2f..%2fetc%2fpasswd'));
    expect([403, 404]).toContain(escape.status);
    const otherHost = await recorded.protocolHandler!(new Request('app://evil/index.html'));
    expect(otherHost.status).toBe(404);
  });

  it('registers a handler for every contract channel', () => {
    expect([...recorded.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('refuses IPC from frames that are not the app’s own top-level frame', async () => {
    const handler = recorded.handlers.get('configs:list')!;
    const evil = await handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, {});
    expect(evil).toMatchObject({ ok: false, error: { code: 'AccessDenied' } });
    const lookalike = await handler({ senderFrame: { url: 'app://onramp.evil/index.html', parent: null } }, {});
    expect(lookalike).toMatchObject({ ok: false, error: { code: 'AccessDenied' } });
    const subframe = await handler({ senderFrame: { url: 'app://onramp/index.html', parent: {} } }, {});
    expect(subframe).toMatchObject({ ok: false, error: { code: 'AccessDenied' } });
    const none = await handler({ senderFrame: null }, {});
    expect(none).toMatchObject({ ok: false, error: { code: 'AccessDenied' } });
    const ok = await handler(TRUSTED_SENDER, {});
    expect(ok).toMatchObject({ ok: true });
  });

  it('validates payloads even from the trusted frame', async () => {
    const handler = recorded.handlers.get('setup:plan')!;
    const res = await handler(TRUSTED_SENDER, { bucketName: 42 });
    expect(res).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
  });

  it('denies permissions, limits navigation, denies new windows and webviews', () => {
    let granted: boolean | null = null;
    const wc = { getURL: () => 'app://onramp/index.html' };
    recorded.permissionRequest!(wc, 'media', (ok) => (granted = ok), { requestingUrl: 'app://onramp/index.html' });
    expect(granted).toBe(false);
    recorded.permissionRequest!(wc, 'notifications', (ok) => (granted = ok), { requestingUrl: 'https://evil.example/' });
    expect(granted).toBe(false);
    recorded.permissionRequest!(wc, 'notifications', (ok) => (granted = ok), { requestingUrl: 'app://onramp/index.html' });
    expect(granted).toBe(true);
    expect(recorded.permissionCheck!(wc, 'geolocation', 'app://onramp')).toBe(false);
    expect(recorded.permissionCheck!(wc, 'notifications', 'app://onramp')).toBe(true);
    expect(recorded.permissionCheck!(wc, 'notifications', 'app://onramp.evil')).toBe(false);

    const contents = fakeContents();
    recorded.appListeners.get('web-contents-created')!({}, contents);
    expect(contents.navigate('app://onramp/index.html#/setup')).toBe(true);
    expect(contents.navigate('https://evil.example/')).toBe(false);
    expect(contents.navigate('app://onramp.evil/')).toBe(false);
    expect(contents.navigate('file:///etc/passwd')).toBe(false);
    expect(contents.attachWebview()).toBe(false);

    expect(contents.open('https://docs.aws.amazon.com/IAM/latest/UserGuide/')).toEqual({ action: 'deny' });
    expect(contents.open('http://docs.aws.amazon.com/')).toEqual({ action: 'deny' });
    expect(contents.open('https://docs.aws.amazon.com.evil.example/')).toEqual({ action: 'deny' });
    expect(contents.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(contents.open('https://us-west-2.console.aws.amazon.com/servicequotas/home')).toEqual({ action: 'deny' });
    expect(contents.open('https://evil.com/.console.aws.amazon.com')).toEqual({ action: 'deny' });
    expect(contents.open('https://x.console.aws.amazon.com.evil.com/')).toEqual({ action: 'deny' });
    expect(recorded.openExternal).toEqual(['https://docs.aws.amazon.com/IAM/latest/UserGuide/', 'https://us-west-2.console.aws.amazon.com/servicequotas/home']);
  });

  it('opens the IAM Identity Center verification page the sign-in service returned, and only https (or loopback http) pages', async () => {
    const app = TRUSTED_SENDER;
    const started = (await recorded.handlers.get('sso:sign-in')!(app, { profile: 'sso' })) as { ok: boolean; value: { runId: string } };
    expect(started.ok).toBe(true);
    type Progress = { ok: boolean; value: { state: string; code: { verificationUriComplete: string; browserOpened: boolean } | null } };
    let progress = (await recorded.handlers.get('runs:progress')!(app, { runId: started.value.runId })) as Progress;
    for (let i = 0; i < 50 && !progress.value.code; i++) {
      await new Promise((r) => setTimeout(r, 100));
      progress = (await recorded.handlers.get('runs:progress')!(app, { runId: started.value.runId })) as Progress;
    }
    expect(progress.value.code?.browserOpened).toBe(true);
    expect(progress.value.code?.verificationUriComplete).toBe(`${fake.url}/device?user_code=${fake.lastUserCode()}`);
    expect(recorded.openExternal.at(-1)).toBe(progress.value.code?.verificationUriComplete);
    await recorded.handlers.get('runs:cancel')!(app, { runId: started.value.runId });

    const { openVerificationPage } = await import('../../../main/electron/security');
    const before = recorded.openExternal.length;
    await openVerificationPage('https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH');
    for (const bad of ['http://device.sso.evil.example/', 'javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@device.sso.us-east-1.amazonaws.com/']) {
      await expect(openVerificationPage(bad)).rejects.toThrow(/not https/);
    }
    expect(recorded.openExternal.slice(before)).toEqual(['https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH']);
  });
});
