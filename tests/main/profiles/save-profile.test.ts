/** Saving keys as a profile: real files, modes, refusals, and another AWS client (botocore) reading the result. */
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveProfile } from '../../../main/core/profiles/save-profile';
import { listProfiles } from '../../../main/core/profiles/profiles';
import { HAS_BOTO3, python } from '../../helpers/python';

const KEYS = { accessKeyId: 'AKIASAVETEST00000001', secretAccessKey: 'saveTestSecret/000000000000000000000000+' };
const HINT = 'pass --force to replace it';

function home(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'onramp-save-'));
  return { dir, env: { HOME: dir } };
}

const mode = (path: string) => statSync(path).mode & 0o777;

const EXISTING_CREDENTIALS = '# keys\r\n[default]\r\naws_access_key_id = AKIAEXISTING00000001\r\naws_secret_access_key = existing-secret\r\n\r\n; more\r\n[other]\r\naws_access_key_id=AKIAOTHER000000000001\r\naws_secret_access_key=other-secret\r\n';
const EXISTING_CONFIG = '[default]\nregion = us-east-1\n\n# SSO\n[profile sso]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\n[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n';

describe('saveProfile', () => {
  it('creates ~/.aws and both files (0700 folder, 0600 files) when none exist', async () => {
    const { dir, env } = home();
    const result = await saveProfile({ env, name: 'fresh', keys: KEYS, region: 'us-west-2', force: false, replaceHint: HINT });
    expect(result).toEqual({ profile: 'fresh', credentialsFile: join(dir, '.aws', 'credentials'), configFile: join(dir, '.aws', 'config'), replaced: false });
    expect(mode(join(dir, '.aws'))).toBe(0o700);
    expect(mode(result.credentialsFile)).toBe(0o600);
    expect(mode(result.configFile!)).toBe(0o600);
    expect(readFileSync(result.credentialsFile, 'utf8')).toBe(`[fresh]\naws_access_key_id = ${KEYS.accessKeyId}\naws_secret_access_key = ${KEYS.secretAccessKey}\n`);
    expect(readFileSync(result.configFile!, 'utf8')).toBe('[profile fresh]\nregion = us-west-2\n');
    // No temp file is left beside them.
    expect(readdirSync(join(dir, '.aws')).sort()).toEqual(['config', 'credentials']);
  });

  it('keeps every existing byte (a CRLF credentials file, an LF config file) and the file Onramp lists reads back', async () => {
    const { dir, env } = home();
    mkdirSync(join(dir, '.aws'));
    writeFileSync(join(dir, '.aws', 'credentials'), EXISTING_CREDENTIALS, { mode: 0o644 });
    writeFileSync(join(dir, '.aws', 'config'), EXISTING_CONFIG);
    await saveProfile({ env, name: 'added', keys: { ...KEYS, sessionToken: 'token-abc' }, region: 'eu-west-1', force: false, replaceHint: HINT });
    const credentials = readFileSync(join(dir, '.aws', 'credentials'), 'utf8');
    expect(credentials.startsWith(EXISTING_CREDENTIALS)).toBe(true);
    expect(credentials.slice(EXISTING_CREDENTIALS.length)).toBe(
      `\r\n[added]\r\naws_access_key_id = ${KEYS.accessKeyId}\r\naws_secret_access_key = ${KEYS.secretAccessKey}\r\naws_session_token = token-abc\r\n`,
    );
    expect(mode(join(dir, '.aws', 'credentials'))).toBe(0o600);
    const config = readFileSync(join(dir, '.aws', 'config'), 'utf8');
    expect(config).toBe(`${EXISTING_CONFIG}\n[profile added]\nregion = eu-west-1\n`);
    const listed = await listProfiles({ env });
    expect(listed.map((p) => [p.name, p.kind, p.region])).toEqual([
      ['default', 'static', 'us-east-1'],
      ['added', 'static', 'eu-west-1'],
      ['other', 'static', null],
      ['sso', 'sso', null],
    ]);
  });

  it('refuses an existing profile in either file unless forced, naming the file', async () => {
    const { dir, env } = home();
    mkdirSync(join(dir, '.aws'));
    writeFileSync(join(dir, '.aws', 'credentials'), EXISTING_CREDENTIALS);
    writeFileSync(join(dir, '.aws', 'config'), EXISTING_CONFIG);
    await expect(saveProfile({ env, name: 'other', keys: KEYS, force: false, replaceHint: HINT })).rejects.toMatchObject({
      code: 'InvalidInput',
      field: 'name',
      message: `A profile named "other" already exists (in ${join(dir, '.aws', 'credentials')}). Choose another name, or pass --force to replace it.`,
    });
    // An SSO profile that exists only in the config file counts too: static keys would silently win over it.
    await expect(saveProfile({ env, name: 'sso', keys: KEYS, force: false, replaceHint: HINT })).rejects.toMatchObject({ message: expect.stringContaining(join(dir, '.aws', 'config')) });
    expect(readFileSync(join(dir, '.aws', 'credentials'), 'utf8')).toBe(EXISTING_CREDENTIALS);

    const forced = await saveProfile({ env, name: 'other', keys: KEYS, region: 'us-east-2', force: true, replaceHint: HINT });
    expect(forced.replaced).toBe(true);
    expect(readFileSync(join(dir, '.aws', 'credentials'), 'utf8')).toBe(
      EXISTING_CREDENTIALS.replace('aws_access_key_id=AKIAOTHER000000000001', `aws_access_key_id = ${KEYS.accessKeyId}`).replace(
        'aws_secret_access_key=other-secret',
        `aws_secret_access_key = ${KEYS.secretAccessKey}`,
      ),
    );
  });

  it('writes through a symlinked credentials file (a dotfiles setup) instead of replacing the link', async () => {
    const { dir, env } = home();
    mkdirSync(join(dir, 'dotfiles'));
    mkdirSync(join(dir, '.aws'));
    writeFileSync(join(dir, 'dotfiles', 'credentials'), '[a]\nk = v\n');
    symlinkSync(join(dir, 'dotfiles', 'credentials'), join(dir, '.aws', 'credentials'));
    await saveProfile({ env, name: 'linked', keys: KEYS, force: false, replaceHint: HINT });
    expect(lstatSync(join(dir, '.aws', 'credentials')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'dotfiles', 'credentials'), 'utf8')).toContain('[linked]');
  });

  it('honours AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE, and leaves the config file alone without a region', async () => {
    const { dir } = home();
    const env = { HOME: join(dir, 'elsewhere'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'creds'), AWS_CONFIG_FILE: join(dir, 'cfg') };
    const r = await saveProfile({ env, name: 'p', keys: KEYS, force: false, replaceHint: HINT });
    expect(r).toMatchObject({ credentialsFile: join(dir, 'creds'), configFile: null });
    expect(readdirSync(dir).sort()).toEqual(['creds']);
  });

  it.each([
    [{ name: 'my profile' }, 'name', 'The profile name contains spaces.'],
    [{ name: 'a]b' }, 'name', /may only contain letters, digits/],
    [{ name: '' }, 'name', 'Enter a profile name.'],
    [{ keys: { ...KEYS, accessKeyId: 'AKIASHORT' } }, 'accessKeyId', 'The access key ID must be 20 characters long (it is 9).'],
    [{ keys: { ...KEYS, secretAccessKey: 'short' } }, 'secretAccessKey', 'The secret access key must be 40 characters long (it is 5).'],
    [{ keys: { accessKeyId: 'ASIATEMPORARY0000001', secretAccessKey: KEYS.secretAccessKey } }, 'sessionToken', /needs its session token|session token too/],
    [{ region: 'Mars' }, 'region', 'The region must look like us-east-1.'],
  ])('refuses %j before touching any file', async (change, field, message) => {
    const { dir, env } = home();
    await expect(saveProfile({ env, name: 'ok', keys: KEYS, region: 'us-east-1', force: false, replaceHint: HINT, ...change })).rejects.toMatchObject({
      code: 'InvalidInput',
      field,
      message: typeof message === 'string' ? message : expect.stringMatching(message),
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('trims pasted whitespace from the name and keys', async () => {
    const { env } = home();
    const r = await saveProfile({ env, name: '  pasted\n', keys: { accessKeyId: ` ${KEYS.accessKeyId}\t`, secretAccessKey: `${KEYS.secretAccessKey}\n` }, force: false, replaceHint: HINT });
    expect(readFileSync(r.credentialsFile, 'utf8')).toBe(`[pasted]\naws_access_key_id = ${KEYS.accessKeyId}\naws_secret_access_key = ${KEYS.secretAccessKey}\n`);
  });

  it.skipIf(!HAS_BOTO3)('botocore (an independent AWS client) reads the new profile and every old one', async () => {
    const { dir, env } = home();
    mkdirSync(join(dir, '.aws'));
    writeFileSync(join(dir, '.aws', 'credentials'), EXISTING_CREDENTIALS);
    writeFileSync(join(dir, '.aws', 'config'), EXISTING_CONFIG);
    await saveProfile({ env, name: 'added', keys: { ...KEYS, sessionToken: 'token-abc' }, region: 'eu-west-1', force: false, replaceHint: HINT });
    await saveProfile({ env, name: 'other', keys: KEYS, region: 'us-east-2', force: true, replaceHint: HINT });
    const seen = await python(
      [
        'import json, botocore.session',
        'out = {}',
        "for name in ['default', 'added', 'other']:",
        '    s = botocore.session.Session(profile=name)',
        '    c = s.get_credentials()',
        "    out[name] = [c.access_key, c.secret_key, c.token, s.get_config_variable('region')]",
        "out['profiles'] = sorted(botocore.session.Session().available_profiles)",
        'print(json.dumps(out))',
      ].join('\n'),
      { HOME: dir },
    );
    expect(seen).toEqual({
      default: ['AKIAEXISTING00000001', 'existing-secret', null, 'us-east-1'],
      added: [KEYS.accessKeyId, KEYS.secretAccessKey, 'token-abc', 'eu-west-1'],
      other: [KEYS.accessKeyId, KEYS.secretAccessKey, null, 'us-east-2'],
      profiles: ['added', 'default', 'other', 'sso'],
    });
  });
});
