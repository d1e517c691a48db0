/**
 * The app's credential channels end to end through the real handler table (dispatch, schemas)
 * against moto and the SSO fake: access keys held in memory → connect → plan; save as a profile;
 * IAM Identity Center sign-in. No key material ever comes back over IPC, and nothing is written
 * unless the user asks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationStore } from '../../../main/core/store/configurations';
import { createInvoker, createSessionHolder } from '../../../main/handlers';
import { type AwsTestEnv, useMoto, useSsoFake, ssoEndpoints } from '../../helpers/fixtures';
import { HAS_MOTO, TEST_SECRET_KEY } from '../../helpers/moto';
import { HAS_BOTO3, python } from '../../helpers/python';

const KEY_ID = 'AKIAPASTEDKEY0000001';
const SECRET = 'pastedSecretKey/000000000000000000000000';
const TOKEN = 'pasted-session-token-value';

const PLAN = { name: 'keys-plan', region: 'us-east-1', bucketName: 'onramp-keys-state', tableName: 'onramp-keys-lock', roleName: 'BodoPlatformUser', externalId: 'ext-123', platformAccountId: '4816-3362-4848' };

const SSO = ['[profile corp]', 'sso_session = corp-sso', 'sso_account_id = 123456789012', 'sso_role_name = Admin', '[sso-session corp-sso]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = us-east-1'].join('\n');

/** Every file under a folder, recursively, for "nothing was written" checks. */
const tree = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

describe.skipIf(!HAS_MOTO)('credential channels', () => {
  const moto = useMoto();
  const fake = useSsoFake({ autoApproveAfterPolls: 0 });
  let env: AwsTestEnv;
  let invoke: ReturnType<typeof createInvoker>;
  const answers: string[] = [];
  const opened: string[] = [];
  const call = async (channel: string, payload: unknown) => {
    const r = await invoke(channel, payload);
    answers.push(JSON.stringify(r));
    return r as { ok: boolean; value?: any; error?: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  beforeAll(async () => {
  });
  afterAll(async () => {
    // No answer on any channel carried a secret the user typed or the sign-in produced.
    const all = answers.join('\n');
    for (const secret of [SECRET, TOKEN, TEST_SECRET_KEY, 'fake-client-secret', 'fake-device-code', 'fake-access-token', 'fake-refresh-token']) expect(all).not.toContain(secret);
  });
  beforeEach(() => {
    env = { ...moto.env(SSO), ...ssoEndpoints(fake.url) };
    opened.length = 0;
    invoke = createInvoker({
      env,
      dataDir: env.ONRAMP_DATA_DIR,
      store: new ConfigurationStore(env.ONRAMP_DATA_DIR),
      session: createSessionHolder(),
      // The user's "browser" visits the page, which confirms the code at the fake.
      openExternal: async (url) => {
        opened.push(url);
        await fetch(url);
      },
    });
  });

  it('keys pasted with stray whitespace connect from memory only, and a plan runs on them', async () => {
    const before = tree(env.HOME!);
    const connected = await call('session:connect-keys', { accessKeyId: `  ${KEY_ID}\n`, secretAccessKey: `${SECRET} `, sessionToken: `\t${TOKEN}`, region: 'us-east-1' });
    expect(connected).toMatchObject({ ok: true, value: { profile: '(access keys)', account: '123456789012', region: 'us-east-1', endpointUrl: moto.url } });
    expect(Object.keys(connected.value).sort()).toEqual(['account', 'arn', 'endpointUrl', 'profile', 'region', 'userId']);
    const plan = await call('setup:plan', PLAN);
    expect(plan.ok).toBe(true);
    expect(plan.value.steps.map((s: { action: string }) => s.action)).toEqual(['create', 'create', 'create', 'create']);
    expect(await call('session:current', {})).toMatchObject({ ok: true, value: { profile: '(access keys)' } });
    // Nothing was written: not ~/.aws, not the data folder, not settings.
    expect(tree(env.HOME!)).toEqual(before);
  });

  it('checks the keys before any request, saying exactly what is wrong (rules relaxed only for an endpoint override)', async () => {
    const { AWS_ENDPOINT_URL: _drop, ...realAws } = env;
    const strict = createInvoker({ env: realAws, dataDir: env.ONRAMP_DATA_DIR, store: new ConfigurationStore(env.ONRAMP_DATA_DIR), session: createSessionHolder() });
    const cases: [Record<string, string>, string, string][] = [
      [{ accessKeyId: 'test', secretAccessKey: 'test' }, 'accessKeyId', 'The access key ID must start with AKIA (a long-term key) or ASIA (a temporary key).'],
      [{ accessKeyId: 'AKIA1234', secretAccessKey: SECRET }, 'accessKeyId', 'The access key ID must be 20 characters long (it is 8).'],
      [{ accessKeyId: 'AKIA PASTEDKEY000001', secretAccessKey: SECRET }, 'accessKeyId', 'The access key ID contains spaces.'],
      [{ accessKeyId: KEY_ID, secretAccessKey: 'x'.repeat(39) }, 'secretAccessKey', 'The secret access key must be 40 characters long (it is 39).'],
      [{ accessKeyId: 'ASIAPASTEDKEY0000001', secretAccessKey: SECRET }, 'sessionToken', 'A temporary access key (ASIA…) only works with its session token: paste the session token too.'],
      [{ accessKeyId: KEY_ID, secretAccessKey: '' }, 'secretAccessKey', 'Enter the secret access key.'],
    ];
    for (const [keys, field, message] of cases) {
      const r = await strict('session:connect-keys', keys);
      expect(r).toEqual({ ok: false, error: { code: 'InvalidInput', message, field } });
      expect(JSON.stringify(r)).not.toContain(SECRET);
    }
    // With the endpoint override (moto), emulator keys like "test" are accepted.
    expect(await call('session:connect-keys', { accessKeyId: 'test', secretAccessKey: 'test' })).toMatchObject({ ok: true, value: { account: '123456789012' } });
  });

  it('saves the session’s keys as a profile only when asked; other tools then see it', async () => {
    await call('session:connect-keys', { accessKeyId: KEY_ID, secretAccessKey: SECRET, region: 'us-west-2' });
    const saved = await call('session:save-profile', { name: ' pasted ', region: 'us-west-2' });
    expect(saved).toEqual({ ok: true, value: { profile: 'pasted', credentialsFile: env.AWS_SHARED_CREDENTIALS_FILE, configFile: env.AWS_CONFIG_FILE, replaced: false } });
    expect(readFileSync(env.AWS_SHARED_CREDENTIALS_FILE!, 'utf8')).toContain(`\n[pasted]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\n`);
    expect(readFileSync(env.AWS_CONFIG_FILE!, 'utf8')).toMatch(/\n\[profile pasted\]\nregion = us-west-2\n$/);
    // The session now goes by its profile's name (saved configurations record it).
    expect(await call('session:current', {})).toMatchObject({ ok: true, value: { profile: 'pasted' } });
    // An existing name is refused unless replaced.
    const again = await call('session:save-profile', { name: 'pasted' });
    expect(again).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'name', message: expect.stringContaining('tick "Replace it"') } });
    expect(await call('session:save-profile', { name: 'pasted', replace: true })).toMatchObject({ ok: true, value: { replaced: true } });
    // Connecting to it like any profile works.
    expect(await call('session:connect', { profile: 'pasted' })).toMatchObject({ ok: true, value: { profile: 'pasted', account: '123456789012', region: 'us-west-2' } });
    if (HAS_BOTO3) {
      const seen = await python(
        "import json, botocore.session\ns = botocore.session.Session(profile='pasted')\nc = s.get_credentials()\nprint(json.dumps([c.access_key, c.secret_key, s.get_config_variable('region')]))",
        { HOME: env.HOME, AWS_CONFIG_FILE: env.AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE: env.AWS_SHARED_CREDENTIALS_FILE },
      );
      expect(seen).toEqual([KEY_ID, SECRET, 'us-west-2']);
    }
  });

  it('only a session on typed keys can be saved', async () => {
    expect(await call('session:save-profile', { name: 'x' })).toMatchObject({ ok: false, error: { code: 'NotConnected' } });
    await call('session:connect', { profile: 'default' });
    expect(await call('session:save-profile', { name: 'x' })).toMatchObject({ ok: false, error: { code: 'InvalidInput', message: expect.stringContaining('Connect with access keys first') } });
    await call('session:connect-keys', { accessKeyId: KEY_ID, secretAccessKey: SECRET });
    await call('session:disconnect', {});
    expect(await call('session:save-profile', { name: 'x' })).toMatchObject({ ok: false, error: { code: 'NotConnected' } });
  });

  /** A sign-in run's progress, once `done` says so (or after 10 s). */
  async function follow(runId: string, done: (value: { state: string; code: unknown }) => boolean, using = call) {
    let progress = await using('runs:progress', { runId });
    for (let i = 0; i < 50 && !done(progress.value); i++) {
      await new Promise((r) => setTimeout(r, 200));
      progress = await using('runs:progress', { runId });
    }
    return progress;
  }

  it('signs an SSO profile in: opens the page the service returned, reports progress, then connects', async () => {
    const started = await call('sso:sign-in', { profile: 'corp' });
    expect(Object.keys(started.value)).toEqual(['runId']);
    const { runId } = started.value;
    const progress = await follow(runId, (p) => p.state !== 'running');
    expect(progress).toMatchObject({ ok: true, value: { runId, kind: 'sso-sign-in', subject: 'corp', state: 'succeeded', error: null, result: { expiresAt: expect.any(String) } } });
    // The code shown is the service's; only what to show crosses (no device code, client secret or token).
    expect(progress.value.code).toEqual({
      userCode: fake.lastUserCode(),
      verificationUri: expect.any(String),
      verificationUriComplete: expect.stringContaining(fake.lastUserCode()!),
      expiresAt: expect.any(String),
      browserOpened: true,
    });
    expect(opened).toEqual([progress.value.code.verificationUriComplete]);
    expect(await call('session:connect', { profile: 'corp' })).toMatchObject({ ok: true, value: { profile: 'corp', account: '123456789012' } });
  });

  it('reports a denied sign-in and a cancelled one; without a browser the page is only shown', async () => {
    const quiet = createInvoker({ env, dataDir: env.ONRAMP_DATA_DIR, store: new ConfigurationStore(env.ONRAMP_DATA_DIR), session: createSessionHolder() });
    const quietCall = async (channel: string, payload: unknown) => (await quiet(channel, payload)) as { ok: boolean; value?: any; error?: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
    const started = await quietCall('sso:sign-in', { profile: 'corp' });
    const waiting = await follow(started.value.runId, (p) => p.code !== null, quietCall);
    expect(waiting.value).toMatchObject({ state: 'running', code: { browserOpened: false } });
    fake.deny(waiting.value.code.userCode);
    const denied = await follow(started.value.runId, (p) => p.state !== 'running', quietCall);
    expect(denied.value).toMatchObject({ state: 'failed', error: { code: 'AccessDenied', message: expect.stringContaining('denied in the browser') } });

    const second = await quietCall('sso:sign-in', { profile: 'corp' });
    await follow(second.value.runId, (p) => p.code !== null, quietCall);
    expect(await quiet('runs:cancel', { runId: second.value.runId })).toEqual({ ok: true, value: { cancelled: true } });
    const stopped = await follow(second.value.runId, (p) => p.state !== 'running', quietCall);
    expect(stopped).toMatchObject({ ok: true, value: { state: 'cancelled', error: { code: 'Cancelled', message: 'The sign-in was cancelled.' }, result: null } });
    expect(await quiet('sso:open-browser', { runId: second.value.runId })).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    expect(await quiet('runs:progress', { runId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    expect(await quiet('sso:open-browser', { runId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NotFound' } });

    // A new sign-in of the same profile replaces one still waiting; one that failed at once (not an SSO profile) is a failed run.
    const third = await quietCall('sso:sign-in', { profile: 'corp' });
    await follow(third.value.runId, (p) => p.code !== null, quietCall);
    const fourth = await quietCall('sso:sign-in', { profile: 'corp' });
    expect((await follow(third.value.runId, (p) => p.state !== 'running', quietCall)).value).toMatchObject({ state: 'cancelled' });
    await quiet('runs:cancel', { runId: fourth.value.runId });
    const notSso = await quietCall('sso:sign-in', { profile: 'default' });
    expect((await follow(notSso.value.runId, (p) => p.state !== 'running', quietCall)).value).toMatchObject({ state: 'failed', error: { code: 'InvalidInput' }, code: null });
  });
});
