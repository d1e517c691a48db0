/**
 * IAM Identity Center sign-in inside Onramp, against the local SSO-OIDC/portal fake (moto has
 * neither) and moto for STS: the cache file the AWS CLI would write, a connect with it, refresh,
 * denied and expired codes, unreachable services — and botocore and the AWS CLI reading the cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect } from '../../../main/core/app/session-service';
import { isSafeVerificationUrl, startSsoSignIn } from '../../../main/core/sso/sign-in';
import { type AwsTestEnv, useMoto, useSsoFake, ssoEndpoints } from '../../helpers/fixtures';
import { freePort, HAS_MOTO } from '../../helpers/moto';
import { HAS_AWS_CLI, HAS_BOTO3, python, run } from '../../helpers/python';

const SSO_PROFILES = [
  '[profile corp-admin]',
  'sso_session = acme',
  'sso_account_id = 123456789012',
  'sso_role_name = Admin',
  'region = us-west-2',
  '[sso-session acme]',
  'sso_start_url = https://corp.awsapps.com/start',
  'sso_region = us-east-1',
  '[profile legacy]',
  'sso_start_url = https://legacy.awsapps.com/start',
  'sso_region = us-east-2',
  'sso_account_id = 123456789012',
  'sso_role_name = ReadOnly',
  'region = us-east-1',
].join('\n');

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

describe.skipIf(!HAS_MOTO)('SSO sign-in (device flow) against the local fake', () => {
  const moto = useMoto();
  const fake = useSsoFake();
  let env: AwsTestEnv;
  const cacheFile = (key: string) => join(env.HOME!, '.aws', 'sso', 'cache', `${sha1(key)}.json`);

  beforeAll(async () => {
  });
  beforeEach(() => {
    env = { ...moto.env(SSO_PROFILES), ...ssoEndpoints(fake.url) };
    fake.configure({ intervalSeconds: 1, deviceCodeSeconds: 600, accessTokenSeconds: 3600, slowDownPolls: 0, autoApproveAfterPolls: 0, verificationUri: null });
    fake.calls.length = 0;
  });

  it('signs in: registers with the sso:account:access scope, shows the code, and writes the cache file the AWS CLI writes', async () => {
    const pending = await startSsoSignIn({ env }, 'corp-admin');
    expect(pending.userCode).toMatch(/^FAKE-\d{4}$/);
    expect(pending.verificationUriComplete).toBe(`${fake.url}/device?user_code=${pending.userCode}`);
    expect(fake.calls.map((c) => c.op)).toEqual(['RegisterClient', 'StartDeviceAuthorization']);
    expect(fake.calls[0]!.body).toEqual({ clientName: 'onramp-acme', clientType: 'public', scopes: ['sso:account:access'] });
    expect(fake.calls[1]!.body).toMatchObject({ startUrl: 'https://corp.awsapps.com/start' });

    // The user opens the page and confirms the code.
    await fetch(pending.verificationUriComplete);
    const result = await pending.done;
    expect(result.cacheFile).toBe(cacheFile('acme'));
    const cached = JSON.parse(readFileSync(result.cacheFile, 'utf8')) as Record<string, string>;
    expect(Object.keys(cached)).toEqual(['startUrl', 'region', 'accessToken', 'expiresAt', 'clientId', 'clientSecret', 'registrationExpiresAt', 'refreshToken']);
    expect(cached).toMatchObject({ startUrl: 'https://corp.awsapps.com/start', region: 'us-east-1', accessToken: fake.accessTokens.at(-1) });
    expect(cached.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(cached.expiresAt) - Date.now()).toBeGreaterThan(3500_000);
    expect(cached.registrationExpiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(cached.refreshToken).toMatch(/^fake-refresh-token-/);
    expect(statSync(result.cacheFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(env.HOME!, '.aws', 'sso', 'cache')).mode & 0o777).toBe(0o700);
    // It polled CreateToken with the device code grant, and not before the interval.
    const polls = fake.calls.filter((c) => c.op === 'CreateToken');
    expect(polls.length).toBeGreaterThanOrEqual(1);
    expect(polls[0]!.body.grantType).toBe('urn:ietf:params:oauth:grant-type:device_code');
    expect(polls[0]!.at - fake.calls[1]!.at).toBeGreaterThanOrEqual(950);

    // A following connect uses the cached token (GetRoleCredentials at the fake portal, STS at moto).
    const session = await connect({ env }, { kind: 'profile', profile: 'corp-admin' });
    expect(session.info).toMatchObject({ profile: 'corp-admin', account: '123456789012', region: 'us-west-2' });
    const portal = fake.calls.filter((c) => c.op === 'GetRoleCredentials');
    expect(portal.at(-1)).toMatchObject({ bearer: cached.accessToken, query: { role_name: 'Admin', account_id: '123456789012' } });

    // A second sign-in reuses the cached client registration: no second RegisterClient.
    fake.calls.length = 0;
    fake.configure({ autoApproveAfterPolls: 1 });
    await (await startSsoSignIn({ env }, 'corp-admin')).done;
    expect(fake.calls.filter((c) => c.op === 'RegisterClient')).toHaveLength(0);
  });

  it.skipIf(!HAS_BOTO3)('botocore’s SSO credential provider reads the cache file Onramp wrote', async () => {
    fake.configure({ autoApproveAfterPolls: 1 });
    await (await startSsoSignIn({ env }, 'corp-admin')).done;
    await (await startSsoSignIn({ env }, 'legacy')).done;
    fake.calls.length = 0;
    const identity = await python(
      [
        'import json, boto3',
        'out = {}',
        "for p in ['corp-admin', 'legacy']:",
        "    out[p] = boto3.Session(profile_name=p).client('sts', endpoint_url=" + JSON.stringify(moto.url) + ").get_caller_identity()['Account']",
        'print(json.dumps(out))',
      ].join('\n'),
      { HOME: env.HOME, AWS_CONFIG_FILE: env.AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE: env.AWS_SHARED_CREDENTIALS_FILE, AWS_ENDPOINT_URL_SSO: fake.url, AWS_ENDPOINT_URL_SSO_OIDC: fake.url },
    );
    expect(identity).toEqual({ 'corp-admin': '123456789012', legacy: '123456789012' });
    // botocore asked the portal with the tokens Onramp cached (not a sign-in of its own).
    const bearers = fake.calls.filter((c) => c.op === 'GetRoleCredentials').map((c) => c.bearer);
    expect(bearers).toEqual([JSON.parse(readFileSync(cacheFile('acme'), 'utf8')).accessToken, JSON.parse(readFileSync(cacheFile('https://legacy.awsapps.com/start'), 'utf8')).accessToken]);
    expect(fake.calls.some((c) => c.op === 'RegisterClient' || c.op === 'StartDeviceAuthorization')).toBe(false);
  });

  it.skipIf(!HAS_AWS_CLI)('the AWS CLI uses the same sign-in', async () => {
    fake.configure({ autoApproveAfterPolls: 1 });
    await (await startSsoSignIn({ env }, 'corp-admin')).done;
    const r = await run('aws', ['sts', 'get-caller-identity', '--profile', 'corp-admin', '--endpoint-url', moto.url, '--output', 'json'], {
      HOME: env.HOME,
      AWS_CONFIG_FILE: env.AWS_CONFIG_FILE,
      AWS_SHARED_CREDENTIALS_FILE: env.AWS_SHARED_CREDENTIALS_FILE,
      AWS_ENDPOINT_URL_SSO: fake.url,
    });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ Account: '123456789012' });
  });

  it('a legacy sso_start_url profile: cache keyed by the start URL, no scopes, no refresh token', async () => {
    const pending = await startSsoSignIn({ env }, 'legacy');
    expect(fake.calls[0]!.body).toEqual({ clientName: 'onramp-legacy', clientType: 'public' });
    fake.approve(pending.userCode);
    const result = await pending.done;
    expect(result.cacheFile).toBe(cacheFile('https://legacy.awsapps.com/start'));
    const cached = JSON.parse(readFileSync(result.cacheFile, 'utf8')) as Record<string, string>;
    expect(cached).toMatchObject({ startUrl: 'https://legacy.awsapps.com/start', region: 'us-east-2' });
    expect(cached.refreshToken).toBeUndefined();
    const session = await connect({ env }, { kind: 'profile', profile: 'legacy' });
    expect(session.info.account).toBe('123456789012');
  });

  it('refreshes an expired access token with the refresh token, writes it back, and connects', async () => {
    fake.configure({ autoApproveAfterPolls: 1 });
    await (await startSsoSignIn({ env }, 'corp-admin')).done;
    const before = JSON.parse(readFileSync(cacheFile('acme'), 'utf8')) as Record<string, string>;
    writeFileSync(cacheFile('acme'), JSON.stringify({ ...before, expiresAt: '2020-01-01T00:00:00Z' }));
    fake.revokeAll();
    fake.calls.length = 0;
    const session = await connect({ env }, { kind: 'profile', profile: 'corp-admin' });
    expect(session.info.account).toBe('123456789012');
    const refresh = fake.calls.find((c) => c.op === 'CreateToken');
    expect(refresh?.body).toEqual({ grantType: 'refresh_token', clientId: before.clientId, clientSecret: before.clientSecret, refreshToken: before.refreshToken });
    const after = JSON.parse(readFileSync(cacheFile('acme'), 'utf8')) as Record<string, string>;
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(Date.parse(after.expiresAt)).toBeGreaterThan(Date.now());
    expect(fake.calls.filter((c) => c.op === 'GetRoleCredentials').at(-1)?.bearer).toBe(after.accessToken);
  });

  it('an expired token that cannot be refreshed says to sign in again', async () => {
    fake.configure({ autoApproveAfterPolls: 1 });
    await (await startSsoSignIn({ env }, 'legacy')).done;
    const cached = JSON.parse(readFileSync(cacheFile('https://legacy.awsapps.com/start'), 'utf8')) as Record<string, string>;
    writeFileSync(cacheFile('https://legacy.awsapps.com/start'), JSON.stringify({ ...cached, expiresAt: '2020-01-01T00:00:00Z' }));
    await expect(connect({ env }, { kind: 'profile', profile: 'legacy' })).rejects.toMatchObject({
      code: 'SsoExpired',
      message: expect.stringContaining('onramp sso login --profile legacy'),
    });
  });

  it('denied in the browser: a clear AccessDenied, nothing cached', async () => {
    const pending = await startSsoSignIn({ env }, 'corp-admin');
    fake.deny(pending.userCode);
    await expect(pending.done).rejects.toMatchObject({ code: 'AccessDenied', message: expect.stringMatching(/was denied in the browser/) });
    expect(existsSync(cacheFile('acme'))).toBe(false);
  });

  it('a code that expires before it is confirmed: a clear Timeout saying so', async () => {
    const pending = await startSsoSignIn({ env }, 'corp-admin');
    fake.expire(pending.userCode);
    await expect(pending.done).rejects.toMatchObject({ code: 'Timeout', message: expect.stringContaining(`code ${pending.userCode} for profile "corp-admin" expired`) });
    // And by its lifetime alone, without the service saying so: polling stops at expiresIn.
    fake.configure({ deviceCodeSeconds: 2 });
    const short = await startSsoSignIn({ env }, 'corp-admin');
    const started = Date.now();
    await expect(short.done).rejects.toMatchObject({ code: 'Timeout' });
    expect(Date.now() - started).toBeLessThan(4000);
    expect(existsSync(cacheFile('acme'))).toBe(false);
  });

  it('slow_down makes it wait 5 s longer between polls', async () => {
    fake.configure({ slowDownPolls: 1, autoApproveAfterPolls: 1 });
    await (await startSsoSignIn({ env }, 'corp-admin')).done;
    const polls = fake.calls.filter((c) => c.op === 'CreateToken').map((c) => c.at);
    expect(polls.length).toBeGreaterThanOrEqual(3);
    expect(polls[1]! - polls[0]!).toBeGreaterThanOrEqual(5900);
    expect(polls[2]! - polls[1]!).toBeGreaterThanOrEqual(5900);
  }, 30_000);

  it('its signal (the run\'s cancel) stops polling at once, Cancelled', async () => {
    const controller = new AbortController();
    const pending = await startSsoSignIn({ env }, 'corp-admin', controller.signal);
    controller.abort();
    await expect(pending.done).rejects.toMatchObject({ code: 'Cancelled', message: 'The sign-in was cancelled.' });
    const polls = fake.calls.filter((c) => c.op === 'CreateToken').length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(fake.calls.filter((c) => c.op === 'CreateToken').length).toBe(polls);
  });

  it('an unreachable sign-in service or portal is a Network error naming it', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    await expect(startSsoSignIn({ env: { ...env, AWS_ENDPOINT_URL_SSO_OIDC: closed } }, 'corp-admin')).rejects.toMatchObject({
      code: 'Network',
      message: expect.stringContaining(`Could not reach the IAM Identity Center sign-in service at ${closed}`),
    });
    fake.configure({ autoApproveAfterPolls: 1 });
    await (await startSsoSignIn({ env }, 'corp-admin')).done;
    await expect(connect({ env: { ...env, AWS_ENDPOINT_URL_SSO: closed } }, { kind: 'profile', profile: 'corp-admin' })).rejects.toMatchObject({
      code: 'Network',
      message: expect.stringContaining(`Could not reach the IAM Identity Center portal at ${closed}`),
    });
  });

  it('AWS_ENDPOINT_URL alone points both services at the fake (the general override)', async () => {
    const { AWS_ENDPOINT_URL_SSO: _a, AWS_ENDPOINT_URL_SSO_OIDC: _b, ...rest } = env;
    const controller = new AbortController();
    const pending = await startSsoSignIn({ env: { ...rest, AWS_ENDPOINT_URL: fake.url } }, 'corp-admin', controller.signal);
    expect(pending.verificationUri).toBe(`${fake.url}/device`);
    controller.abort();
    await expect(pending.done).rejects.toMatchObject({ code: 'Cancelled' });
  });

  it('refuses to use a verification page that is not https (or loopback http)', async () => {
    fake.configure({ verificationUri: 'http://phish.example/device' });
    await expect(startSsoSignIn({ env }, 'corp-admin')).rejects.toMatchObject({ code: 'AwsError', message: expect.stringMatching(/not https/) });
    expect(isSafeVerificationUrl('https://device.sso.us-east-1.amazonaws.com/?user_code=AB')).toBe(true);
    expect(isSafeVerificationUrl('http://127.0.0.1:9/device')).toBe(true);
    expect(isSafeVerificationUrl('http://localhost:9/device')).toBe(true);
    expect(isSafeVerificationUrl('http://phish.example/device')).toBe(false);
    expect(isSafeVerificationUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeVerificationUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeVerificationUrl('https://user:pw@device.sso.us-east-1.amazonaws.com/')).toBe(false);
  });

  it('says what is wrong with a profile that cannot sign in', async () => {
    await expect(startSsoSignIn({ env }, 'default')).rejects.toMatchObject({ code: 'InvalidInput', message: expect.stringContaining('does not sign in with IAM Identity Center') });
    await expect(startSsoSignIn({ env }, 'nope')).rejects.toMatchObject({ code: 'ProfileNotFound' });
    const broken = { ...moto.env('[profile half]\nsso_session = missing\nsso_account_id = 1\nsso_role_name = R\n') };
    await expect(startSsoSignIn({ env: broken }, 'half')).rejects.toMatchObject({ code: 'CredentialsMissing', message: expect.stringContaining('sso-session "missing"') });
    // A profile that only signs in (no account or role yet) can sign in; connecting says what is missing.
    const signInOnly = { ...moto.env('[profile login-only]\nsso_session = acme\n[sso-session acme]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n'), ...ssoEndpoints(fake.url) };
    fake.configure({ autoApproveAfterPolls: 1 });
    await (await startSsoSignIn({ env: signInOnly }, 'login-only')).done;
    await expect(connect({ env: signInOnly }, { kind: 'profile', profile: 'login-only' })).rejects.toMatchObject({ code: 'CredentialsMissing', message: expect.stringContaining('names no sso_account_id') });
  });
});
