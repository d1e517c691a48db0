import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvoker, createSessionHolder } from '../../../main/handlers';
import { ConfigurationStore } from '../../../main/core/store/configurations';
import { listProfiles, ENV_PROFILE } from '../../../main/core/profiles/profiles';
import { openSession } from '../../../main/core/profiles/session';
import { type AwsTestEnv, useMoto } from '../../helpers/fixtures';
import { awsTestEnv, HAS_MOTO, TEST_SECRET_KEY } from '../../helpers/moto';

// One test per kind of credential source a user's ~/.aws can hold, each against a real moto.
// The SSO portal is not part of moto, so a tiny stand-in answers GetRoleCredentials and forwards
// everything else to moto.
describe.skipIf(!HAS_MOTO)('credentials matrix', () => {
  const moto = useMoto();
  let portal: Server;
  let portalUrl = '';
  let env: AwsTestEnv;
  const ssoCalls: string[] = [];
  const savedHome = process.env.HOME;

  beforeAll(async () => {
    portal = createServer((req, res) => {
      if (req.url?.startsWith('/federation/credentials')) {
        ssoCalls.push(String(req.headers['x-amz-sso_bearer_token']));
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({ roleCredentials: { accessKeyId: 'ASIASSOTEST000000001', secretAccessKey: 'sso-secret', sessionToken: 'sso-token', expiration: Date.now() + 3600_000 } }),
        );
        return;
      }
      const target = new URL(moto.url);
      const up = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      req.pipe(up);
    });
    await new Promise<void>((r) => portal.listen(0, '127.0.0.1', r));
    const addr = portal.address();
    portalUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;

    const processScript = join(process.cwd(), '.tmp', `cred-process-${process.pid}.sh`);
    mkdirSync(join(process.cwd(), '.tmp'), { recursive: true });
    writeFileSync(processScript, `#!/bin/sh\necho '{"Version":1,"AccessKeyId":"AKIAPROCESSTEST00001","SecretAccessKey":"process-secret"}'\n`);
    chmodSync(processScript, 0o700);

    env = awsTestEnv(
      moto,
      [
        '[profile with-mfa]',
        'role_arn = arn:aws:iam::123456789012:role/mfa-target',
        'source_profile = default',
        'mfa_serial = arn:aws:iam::123456789012:mfa/tester',
        'region = us-east-1',
        '[profile plain-role]',
        'role_arn = arn:aws:iam::210987654321:role/target',
        'source_profile = default',
        '[profile proc]',
        `credential_process = ${processScript}`,
        'region = us-east-2',
        '[profile sso-ok]',
        'sso_session = good',
        'sso_account_id = 123456789012',
        'sso_role_name = Admin',
        'region = us-west-2',
        '[sso-session good]',
        'sso_start_url = https://good.awsapps.com/start',
        'sso_region = us-east-1',
        '[profile emulated]',
        'region = us-west-1',
        `endpoint_url = ${moto.url}`,
        'aws_access_key_id = AKIAEMULATED00000001',
        'aws_secret_access_key = emulated-secret',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    process.env.HOME = savedHome;
    delete process.env.AWS_CONFIG_FILE;
    delete process.env.AWS_SHARED_CREDENTIALS_FILE;
    await new Promise<void>((r) => portal?.close(() => r()));
  });

  it('static keys: connects and shows account and ARN', async () => {
    const s = await openSession({ profile: 'default', env });
    expect(s.info).toMatchObject({ account: '123456789012', region: 'us-east-1' });
    expect(s.info.arn).toMatch(/^arn:aws:(sts|iam)::123456789012:/);
  });

  it('environment variables win over a profile and are listed first', async () => {
    const withEnv = { ...env, AWS_ACCESS_KEY_ID: 'AKIAENVTEST000000001', AWS_SECRET_ACCESS_KEY: 'env-secret', AWS_PROFILE: 'dev' };
    const profiles = await listProfiles({ env: withEnv });
    expect(profiles[0]).toMatchObject({ name: ENV_PROFILE, kind: 'static', isDefault: true });
    // The environment's own endpoint override is shown with it (the app will send every request there).
    expect(profiles[0]!.endpointUrl).toBe(env.AWS_ENDPOINT_URL);
    expect(env.AWS_ENDPOINT_URL).toMatch(/^http:\/\/127\.0\.0\.1:/);
    expect(profiles.filter((p) => p.isDefault)).toHaveLength(1);
    const s = await openSession({ profile: ENV_PROFILE, env: withEnv, region: 'us-east-2' });
    expect(s.info).toMatchObject({ profile: ENV_PROFILE, account: '123456789012', region: 'us-east-2' });
  });

  it('assume-role with MFA: asks for the code, and a missing code is a clean MfaRequired error', async () => {
    const profiles = await listProfiles({ env });
    expect(profiles.find((p) => p.name === 'with-mfa')).toMatchObject({ kind: 'assume-role', mfaSerial: 'arn:aws:iam::123456789012:mfa/tester' });
    const asked: string[] = [];
    const s = await openSession({ profile: 'with-mfa', env, mfaCodeProvider: async (serial) => (asked.push(serial), '123456') });
    expect(asked).toEqual(['arn:aws:iam::123456789012:mfa/tester']);
    expect(s.info.arn).toContain('assumed-role/mfa-target');
    await expect(openSession({ profile: 'with-mfa', env })).rejects.toMatchObject({ code: 'MfaRequired' });
    // Cancelling the prompt (the UI's Cancel) rejects the provider: a clean error, not a hang.
    await expect(
      openSession({ profile: 'with-mfa', env, mfaCodeProvider: () => Promise.reject(Object.assign(new Error('cancelled'), { code: 'MfaCancelled' })) }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/Mfa/) });
  });

  it('assume-role into another account acts as that account (through the same endpoint override)', async () => {
    const s = await openSession({ profile: 'plain-role', env });
    expect(s.info.account).toBe('210987654321');
  });

  it('credential_process: runs the command and uses its keys', async () => {
    const s = await openSession({ profile: 'proc', env });
    expect(s.info).toMatchObject({ account: '123456789012', region: 'us-east-2' });
  });

  it('a valid SSO session: reads the cached token and gets role credentials from the portal', async () => {
    const home = env.HOME!;
    const cache = join(home, '.aws', 'sso', 'cache');
    mkdirSync(cache, { recursive: true });
    const file = join(cache, `${createHash('sha1').update('good').digest('hex')}.json`);
    writeFileSync(file, JSON.stringify({ startUrl: 'https://good.awsapps.com/start', region: 'us-east-1', accessToken: 'cached-sso-token', expiresAt: new Date(Date.now() + 3600_000).toISOString() }));
    // Onramp resolves SSO profiles itself from the environment it is given (HOME, the files, the
    // SSO endpoint override), not from process.env: nothing here touches process.env.
    const s = await openSession({ profile: 'sso-ok', env: { ...env, AWS_ENDPOINT_URL: portalUrl } });
    expect(s.info).toMatchObject({ account: '123456789012', region: 'us-west-2' });
    expect(ssoCalls).toContain('cached-sso-token');
  });

  it('an expired or missing SSO session says exactly which command to run', async () => {
    process.env.HOME = env.HOME;
    await expect(openSession({ profile: 'sso-expired', env })).rejects.toMatchObject({
      code: 'SsoExpired',
      message: expect.stringContaining('aws sso login --profile sso-expired'),
    });
  });

  it('a missing profile is a clear ProfileNotFound error', async () => {
    await expect(openSession({ profile: 'nope', env })).rejects.toMatchObject({ code: 'ProfileNotFound', message: expect.stringContaining('"nope"') });
  });

  it('an endpoint override in a profile is used even when AWS_PROFILE names another, and is reported', async () => {
    const { AWS_ENDPOINT_URL: _unset, ...noOverride } = env;
    const s = await openSession({ profile: 'emulated', env: { ...noOverride, AWS_PROFILE: 'default' } });
    expect(s.info).toMatchObject({ account: '123456789012', endpointUrl: moto.url, region: 'us-west-1' });
  });

  it('no secret crosses IPC and nothing is written under ~/.aws by the app', async () => {
    const before = readdirSync(join(env.HOME!, '.aws'), { recursive: true }).sort();
    const invoke = createInvoker({ env, dataDir: env.ONRAMP_DATA_DIR, store: new ConfigurationStore(env.ONRAMP_DATA_DIR), session: createSessionHolder() });
    const responses = [await invoke('profiles:list', {}), await invoke('session:connect', { profile: 'default' }), await invoke('session:current', {})];
    const text = JSON.stringify(responses);
    expect(responses.every((r) => r.ok)).toBe(true);
    for (const secret of [TEST_SECRET_KEY, 'emulated-secret', 'process-secret', 'sso-secret']) expect(text).not.toContain(secret);
    expect(readdirSync(join(env.HOME!, '.aws'), { recursive: true }).sort()).toEqual(before);
  });
});
