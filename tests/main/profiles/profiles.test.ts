import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultProfileName, listProfiles, loadProfiles, profileKind, profileRegion } from '../../../main/core/profiles/profiles';
import { contextForProfile } from '../../../main/core/profiles/session';

const CONFIG = `
[default]
region = us-east-1

[profile static-in-config]
aws_access_key_id = AKIACONFIG0000000001
aws_secret_access_key = configsecret
region = us-west-1

[profile sso-new]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = Admin
region = us-east-2

[sso-session corp]
sso_start_url = https://example.awsapps.com/start
sso_region = us-east-1

[services local-endpoints]
s3 =
  endpoint_url = http://localhost:4566

[profile sso-legacy]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-east-1
sso_account_id = 123456789012
sso_role_name = ReadOnly

[profile assume]
role_arn = arn:aws:iam::123456789012:role/Admin
source_profile = default
region = us-west-2

[profile assume-mfa]
role_arn = arn:aws:iam::123456789012:role/Admin
source_profile = default
mfa_serial = arn:aws:iam::123456789012:mfa/alice

[profile assume-credsource]
role_arn = arn:aws:iam::123456789012:role/Admin
credential_source = Environment

[profile proc]
credential_process = /usr/local/bin/get-creds --json

[profile webid]
role_arn = arn:aws:iam::123456789012:role/Web
web_identity_token_file = /var/run/token

[profile webid-no-role]
web_identity_token_file = /var/run/token

[profile local]
endpoint_url = http://localhost:4566
region = us-east-1

[profile overridden]
region = us-west-1
credential_process = /bin/false

[profile empty]
output = json
`;

const CREDENTIALS = `
[default]
aws_access_key_id = AKIADEFAULT000000001
aws_secret_access_key = defaultsecret

[local]
aws_access_key_id = test
aws_secret_access_key = test

[overridden]
region = us-east-2
aws_access_key_id = AKIAOVERRIDE00000001
aws_secret_access_key = overridesecret

[creds-only]
aws_access_key_id = AKIACREDSONLY0000001
aws_secret_access_key = credsonlysecret
`;

function files(config = CONFIG, credentials = CREDENTIALS): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'onramp-profiles-'));
  writeFileSync(join(dir, 'config'), config);
  writeFileSync(join(dir, 'credentials'), credentials);
  return { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), HOME: dir };
}

describe('listProfiles', () => {
  it('classifies every kind, with region and endpoint, and never includes key material', async () => {
    const env = files();
    const list = await listProfiles({ env });
    const by = Object.fromEntries(list.map((p) => [p.name, p]));
    expect(by['default']).toEqual({ name: 'default', kind: 'static', region: 'us-east-1', endpointUrl: null, mfaSerial: null, isDefault: true });
    expect(by['static-in-config']).toMatchObject({ kind: 'static', region: 'us-west-1' });
    expect(by['sso-new']).toMatchObject({ kind: 'sso', region: 'us-east-2' });
    expect(by['sso-legacy']).toMatchObject({ kind: 'sso', region: null });
    expect(by['assume']).toMatchObject({ kind: 'assume-role', region: 'us-west-2', mfaSerial: null });
    expect(by['assume-mfa']).toMatchObject({ kind: 'assume-role', mfaSerial: 'arn:aws:iam::123456789012:mfa/alice' });
    expect(by['assume-credsource']).toMatchObject({ kind: 'assume-role' });
    expect(by['proc']).toMatchObject({ kind: 'process' });
    expect(by['webid']).toMatchObject({ kind: 'web-identity' });
    expect(by['webid-no-role']).toMatchObject({ kind: 'web-identity' });
    expect(by['local']).toMatchObject({ kind: 'static', endpointUrl: 'http://localhost:4566', region: 'us-east-1' });
    expect(by['creds-only']).toMatchObject({ kind: 'static', region: null });
    expect(by['empty']).toMatchObject({ kind: 'unknown', region: null, endpointUrl: null });
    // The sso-session and services sections are not profiles.
    for (const name of Object.keys(by)) expect(name).not.toMatch(/corp|local-endpoints|sso-session|services/);
    const text = JSON.stringify(list);
    for (const secret of ['configsecret', 'defaultsecret', 'overridesecret', 'credsonlysecret', 'AKIA']) expect(text).not.toContain(secret);
  });

  it('lets the credentials file win over the config file for the same profile', async () => {
    const env = files();
    const raw = (await loadProfiles({ env })).get('overridden')!;
    expect(raw.region).toBe('us-east-2');
    expect(raw.credential_process).toBe('/bin/false');
    const p = (await listProfiles({ env })).find((x) => x.name === 'overridden')!;
    // Static keys win over credential_process in the SDK's resolution order.
    expect(p).toMatchObject({ kind: 'static', region: 'us-east-2' });
  });

  it('puts the default first and the rest in name order', async () => {
    const names = (await listProfiles({ env: files() })).map((p) => p.name);
    expect(names[0]).toBe('default');
    const rest = names.slice(1);
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b)));
    expect(names).toHaveLength(14);
  });

  it('marks the AWS_PROFILE profile as default and lists it first', async () => {
    const env = { ...files(), AWS_PROFILE: 'proc' };
    const list = await listProfiles({ env });
    expect(list[0]).toMatchObject({ name: 'proc', isDefault: true });
    expect(list.filter((p) => p.isDefault).map((p) => p.name)).toEqual(['proc']);
  });

  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE (not ~/.aws)', async () => {
    const a = files('[profile only-a]\nregion = us-west-1\n', '');
    const b = files('', '[only-b]\naws_access_key_id = x\naws_secret_access_key = y\n');
    const env = { AWS_CONFIG_FILE: a.AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE: b.AWS_SHARED_CREDENTIALS_FILE, HOME: a.HOME };
    expect((await listProfiles({ env })).map((p) => [p.name, p.kind])).toEqual([
      ['only-a', 'unknown'],
      ['only-b', 'static'],
    ]);
  });

  it('returns an empty list when neither file exists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onramp-none-'));
    const env = { AWS_CONFIG_FILE: join(dir, 'nope'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'nope2'), HOME: dir };
    expect(await listProfiles({ env })).toEqual([]);
  });

  it('re-reads the files on every call (no stale cache)', async () => {
    const env = files('[profile one]\nregion = us-east-1\n', '');
    expect((await listProfiles({ env })).map((p) => p.name)).toEqual(['one']);
    writeFileSync(env.AWS_CONFIG_FILE!, '[profile one]\nregion = us-east-1\n[profile two]\nregion = us-west-2\n');
    expect((await listProfiles({ env })).map((p) => p.name)).toEqual(['one', 'two']);
  });
});

describe('profileKind', () => {
  it.each([
    [{ aws_access_key_id: 'a', aws_secret_access_key: 'b' }, 'static'],
    [{ aws_access_key_id: 'a' }, 'unknown'],
    [{ role_arn: 'r', source_profile: 'default' }, 'assume-role'],
    [{ role_arn: 'r', source_profile: 'default', aws_access_key_id: 'a', aws_secret_access_key: 'b' }, 'assume-role'],
    [{ role_arn: 'r', web_identity_token_file: 'f' }, 'web-identity'],
    [{ credential_process: 'x' }, 'process'],
    [{ sso_session: 's' }, 'sso'],
    [{ sso_start_url: 'u' }, 'sso'],
    [{ region: 'us-east-1' }, 'unknown'],
  ] as const)('%j → %s', (raw, kind) => {
    expect(profileKind(raw)).toBe(kind);
  });
});

describe('defaultProfileName and profileRegion', () => {
  it('follows AWS_PROFILE, then AWS_DEFAULT_PROFILE, then "default"', () => {
    expect(defaultProfileName({})).toBe('default');
    expect(defaultProfileName({ AWS_DEFAULT_PROFILE: 'b' })).toBe('b');
    expect(defaultProfileName({ AWS_PROFILE: 'a', AWS_DEFAULT_PROFILE: 'b' })).toBe('a');
  });

  it('follows AWS_REGION, then AWS_DEFAULT_REGION, then the profile', () => {
    expect(profileRegion({}, { region: 'us-west-1' })).toBe('us-west-1');
    expect(profileRegion({ AWS_DEFAULT_REGION: 'us-east-2' }, { region: 'us-west-1' })).toBe('us-east-2');
    expect(profileRegion({ AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'us-east-2' }, { region: 'us-west-1' })).toBe('us-west-2');
    expect(profileRegion({}, undefined)).toBeNull();
  });
});

describe('contextForProfile (no AWS calls)', () => {
  it('throws ProfileNotFound naming the profile', async () => {
    await expect(contextForProfile({ profile: 'nope', env: files() })).rejects.toMatchObject({ code: 'ProfileNotFound', field: 'profile', message: expect.stringContaining('"nope"') });
  });

  it('uses the profile\'s endpoint_url and region, with the explicit region winning', async () => {
    const env = files();
    const ctx = await contextForProfile({ profile: 'local', env });
    expect(ctx.endpointUrl).toBe('http://localhost:4566');
    expect(ctx.region).toBe('us-east-1');
    const other = await contextForProfile({ profile: 'local', env, region: 'us-west-2' });
    expect(other.region).toBe('us-west-2');
    const s3 = await other.s3();
    const endpoint = await s3.config.endpoint!();
    expect(`${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`).toBe('http://localhost:4566');
    expect(s3.config.forcePathStyle).toBe(true);
  });

  it('prefers AWS_ENDPOINT_URL over the profile endpoint', async () => {
    const env = { ...files(), AWS_ENDPOINT_URL: 'http://127.0.0.1:9' };
    expect((await contextForProfile({ profile: 'local', env })).endpointUrl).toBe('http://127.0.0.1:9');
  });

  it('falls back to us-east-1 with no region anywhere', async () => {
    expect((await contextForProfile({ profile: 'proc', env: files() })).region).toBe('us-east-1');
  });

  it('maps an SSO profile without a cached token to SsoExpired with the exact login command', async () => {
    const ctx = await contextForProfile({ profile: 'sso-new', env: files() });
    const sts = await ctx.sts();
    await expect(sts.config.credentials()).rejects.toMatchObject({
      code: 'SsoExpired',
      message: expect.stringContaining('aws sso login --profile sso-new'),
    });
  });

  it('asks for an MFA code and fails cleanly without a provider', async () => {
    const ctx = await contextForProfile({ profile: 'assume-mfa', env: files() });
    const sts = await ctx.sts();
    await expect(sts.config.credentials()).rejects.toMatchObject({ code: 'MfaRequired', field: 'mfaCode' });
  });
});
