/** The `onramp profiles` and `onramp whoami` CLI contract, run as real child processes. */
import { beforeAll, describe, expect, it } from 'vitest';
import { useMoto, useRequestCounter } from '../../helpers/fixtures';
import { HAS_MOTO, awsTestEnv, TEST_ACCESS_KEY, TEST_SECRET_KEY } from '../../helpers/moto';
import { cli } from '../../helpers/cli';



const EXTRA = [
  '[profile emulator]',
  'endpoint_url = http://localhost:4566',
  'region = us-west-1',
  '[profile admin]',
  'role_arn = arn:aws:iam::123456789012:role/Admin',
  'source_profile = default',
  'mfa_serial = arn:aws:iam::123456789012:mfa/alice',
  '[profile proc]',
  'credential_process = /bin/echo nope',
  '[profile webid]',
  'role_arn = arn:aws:iam::123456789012:role/Web',
  'web_identity_token_file = /tmp/none',
].join('\n');

describe('onramp profiles', () => {
  const counter = useRequestCounter();

  it('--json prints exactly [{name, kind, region, endpointUrl}] with the default first', async () => {
    const r = await cli(['profiles', '--json'], counter.env(EXTRA));
    expect(r.code).toBe(0);
    expect(r.json).toEqual([
      { name: 'default', kind: 'static', region: 'us-east-1', endpointUrl: null },
      { name: 'admin', kind: 'assume-role', region: null, endpointUrl: null },
      { name: 'broken', kind: 'unknown', region: 'us-east-1', endpointUrl: null },
      { name: 'dev', kind: 'static', region: 'us-west-2', endpointUrl: null },
      { name: 'emulator', kind: 'unknown', region: 'us-west-1', endpointUrl: 'http://localhost:4566' },
      { name: 'proc', kind: 'process', region: null, endpointUrl: null },
      { name: 'sso-expired', kind: 'sso', region: 'us-east-1', endpointUrl: null },
      { name: 'webid', kind: 'web-identity', region: null, endpointUrl: null },
    ]);
    for (const p of r.json) expect(Object.keys(p)).toEqual(['name', 'kind', 'region', 'endpointUrl']);
    expect(r.stdout).not.toContain(TEST_SECRET_KEY);
    expect(r.stdout).not.toContain(TEST_ACCESS_KEY);
    expect(r.stderr).not.toContain(TEST_SECRET_KEY);
    expect(counter.count).toBe(0);
  });

  it('AWS_PROFILE moves that profile first', async () => {
    const r = await cli(['profiles', '--json'], { ...awsTestEnv(null), AWS_PROFILE: 'dev' });
    expect(r.code).toBe(0);
    expect(r.json.map((p: { name: string }) => p.name)).toEqual(['dev', 'broken', 'default', 'sso-expired']);
  });

  it('no files gives [] and exit 0', async () => {
    const env = awsTestEnv(null);
    const r = await cli(['profiles', '--json'], { ...env, AWS_CONFIG_FILE: `${env.HOME}/none`, AWS_SHARED_CREDENTIALS_FILE: `${env.HOME}/none2` });
    expect(r.code).toBe(0);
    expect(r.json).toEqual([]);
  });

  it('an unknown flag exits 2', async () => {
    const r = await cli(['profiles', '--all', '--json'], awsTestEnv(null));
    expect(r.code).toBe(2);
    expect(r.json.error.code).toBe('InvalidInput');
    expect(r.stderr).toContain('--all');
  });

  it('without --json prints a table and marks the default', async () => {
    const r = await cli(['profiles'], awsTestEnv(null));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\* default\s+static\s+us-east-1$/m);
  });
});

describe('onramp whoami: failures', () => {
  const counter = useRequestCounter();
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    env = counter.env();
  });

  it('missing --profile exits 2 naming it, with no request', async () => {
    const r = await cli(['whoami', '--json'], env);
    expect(r.code).toBe(2);
    expect(r.json).toEqual({ error: { code: 'InvalidInput', message: '--profile is required.', field: '--profile' } });
    expect(counter.count).toBe(0);
  });

  it('an unknown flag exits 2 with no request', async () => {
    const r = await cli(['whoami', '--profile', 'default', '--verbose', '--json'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--verbose');
    expect(counter.count).toBe(0);
  });

  it('a profile name with a control character exits 2', async () => {
    const r = await cli(['whoami', '--profile', 'a\u0001b', '--json'], env);
    expect(r.code).toBe(2);
    expect(counter.count).toBe(0);
  });

  it('a missing profile exits 3', async () => {
    const r = await cli(['whoami', '--profile', 'ghost', '--json'], env);
    expect(r.code).toBe(3);
    expect(r.json.error.code).toBe('ProfileNotFound');
    expect(counter.count).toBe(0);
  });

  it('an expired SSO session exits 3 with the login command', async () => {
    const r = await cli(['whoami', '--profile', 'sso-expired', '--json'], env);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('aws sso login --profile sso-expired');
    expect(r.json.error).toMatchObject({ code: 'SsoExpired', message: expect.stringContaining('aws sso login --profile sso-expired') });
    expect(counter.count).toBe(0);
  });
});

describe.skipIf(!HAS_MOTO)('onramp whoami against moto', () => {
  const moto = useMoto();

  it('--json prints exactly {account, arn, userId}', async () => {
    const r = await cli(['whoami', '--profile', 'dev', '--json'], moto.env());
    expect(r.code).toBe(0);
    expect(Object.keys(r.json)).toEqual(['account', 'arn', 'userId']);
    expect(r.json.account).toBe('123456789012');
    expect(r.json.arn).toMatch(/^arn:aws:(sts|iam)::123456789012:/);
    expect(typeof r.json.userId).toBe('string');
    expect(r.json.userId.length).toBeGreaterThan(0);
    expect(r.stderr).toBe('');
  });

  it('a profile\'s endpoint_url is used when AWS_ENDPOINT_URL is unset', async () => {
    const env = awsTestEnv(null, `[profile viaprofile]\nendpoint_url = ${moto.url}\nregion = us-west-2\n`);
    const { readFileSync, writeFileSync } = await import('node:fs');
    writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE!, `${readFileSync(env.AWS_SHARED_CREDENTIALS_FILE!, 'utf8')}\n[viaprofile]\naws_access_key_id = x\naws_secret_access_key = y\n`);
    const r = await cli(['whoami', '--profile', 'viaprofile', '--json'], env);
    expect(r.code).toBe(0);
    expect(r.json.account).toBe('123456789012');
  });
});
