/**
 * `onramp profile add NAME --access-key-id ID` (issue 13 item 2): the secret comes from standard
 * input, never a flag; the files it writes are read by `onramp whoami` and by the AWS CLI against moto.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { cli } from '../../helpers/cli';
import { useMoto } from '../../helpers/fixtures';
import { awsTestEnv, HAS_MOTO, type Moto } from '../../helpers/moto';
import { HAS_AWS_CLI, run } from '../../helpers/python';

const KEY_ID = 'AKIACLIPROFILEADD001';
const SECRET = 'cliProfileAddSecret/0000000000000000000+';
const TOKEN_SECRET = 'cli-profile-add-session-token-value';

/** An environment with no AWS files yet: HOME only (the files go to ~/.aws, created). */
function freshHome(moto: Moto | null): NodeJS.ProcessEnv {
  const { AWS_CONFIG_FILE: _c, AWS_SHARED_CREDENTIALS_FILE: _s, ...rest } = awsTestEnv(moto);
  return rest;
}

describe('onramp profile add', () => {
  const moto = useMoto({ enabled: HAS_MOTO });

  it('writes ~/.aws/credentials and config from a secret on stdin, 0600, and never prints the secret', async () => {
    const env = freshHome(null);
    const r = await cli(['profile', 'add', 'ci', '--access-key-id', KEY_ID, '--region', 'us-west-2', '--json'], env, { input: `${SECRET}\n` });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const home = env.HOME!;
    expect(r.json).toEqual({ profile: 'ci', credentialsFile: join(home, '.aws', 'credentials'), configFile: join(home, '.aws', 'config'), replaced: false });
    expect(readFileSync(join(home, '.aws', 'credentials'), 'utf8')).toBe(`[ci]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\n`);
    expect(readFileSync(join(home, '.aws', 'config'), 'utf8')).toBe('[profile ci]\nregion = us-west-2\n');
    expect(statSync(join(home, '.aws', 'credentials')).mode & 0o777).toBe(0o600);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    const human = await cli(['profile', 'add', 'ci2', '--access-key-id', KEY_ID], env, { input: `${SECRET}\n${TOKEN_SECRET}\n` });
    expect(human.code).toBe(0);
    expect(human.stdout).toBe(`Saved profile "ci2" in ${join(home, '.aws', 'credentials')}. Use it with --profile ci2.\n`);
    expect(human.stdout + human.stderr).not.toContain(SECRET);
    expect(readFileSync(join(home, '.aws', 'credentials'), 'utf8')).toContain(`[ci2]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\naws_session_token = ${TOKEN_SECRET}\n`);
  });

  it('keeps the existing files byte for byte and refuses an existing profile without --force (exit 2)', async () => {
    const env = freshHome(null);
    const dir = join(env.HOME!, '.aws');
    mkdirSync(dir);
    const existing = '# mine\r\n[ci]\r\naws_access_key_id = AKIAOLDKEY0000000001\r\naws_secret_access_key = old\r\n';
    writeFileSync(join(dir, 'credentials'), existing);
    const refused = await cli(['profile', 'add', 'ci', '--access-key-id', KEY_ID, '--json'], env, { input: SECRET });
    expect(refused.code).toBe(2);
    expect(refused.json.error.code).toBe('InvalidInput');
    expect(refused.json.error.message).toMatch(/already exists .* pass --force to replace its keys\.$/);
    expect(readFileSync(join(dir, 'credentials'), 'utf8')).toBe(existing);
    const forced = await cli(['profile', 'add', 'ci', '--access-key-id', KEY_ID, '--force', '--json'], env, { input: SECRET });
    expect(forced.code).toBe(0);
    expect(forced.json.replaced).toBe(true);
    expect(readFileSync(join(dir, 'credentials'), 'utf8')).toBe(`# mine\r\n[ci]\r\naws_access_key_id = ${KEY_ID}\r\naws_secret_access_key = ${SECRET}\r\n`);
  });

  it.each([
    ['no secret on stdin', ['ci', '--access-key-id', KEY_ID], '', /standard input, never as a flag/, 'stdin'],
    ['a short key ID', ['ci', '--access-key-id', 'AKIASHORT'], SECRET, /^--access-key-id: The access key ID must be 20 characters long \(it is 9\)\.$/, '--access-key-id'],
    ['a short secret', ['ci', '--access-key-id', KEY_ID], 'short', /^standard input: The secret access key must be 40 characters long \(it is 5\)\.$/, 'stdin'],
    ['a name with a space', ['my ci', '--access-key-id', KEY_ID], SECRET, /^NAME: The profile name contains spaces\.$/, 'NAME'],
    ['no name', ['--access-key-id', KEY_ID], SECRET, /Give the new profile a name/, 'NAME'],
    ['a bad region', ['ci', '--access-key-id', KEY_ID, '--region', 'moon'], SECRET, /^--region: The region must look like us-east-1\.$/, '--region'],
  ])('%s exits 2 naming where the bad value came from, writing nothing', async (_label, argv, input, message, field) => {
    const env = freshHome(null);
    const r = await cli(['profile', 'add', ...argv, '--json'], env, { input });
    expect(r.code).toBe(2);
    expect(r.json.error).toMatchObject({ code: 'InvalidInput', message: expect.stringMatching(message), field });
    expect(() => statSync(join(env.HOME!, '.aws'))).toThrow();
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });

  it('a secret pasted as an argument or a flag is refused without being echoed', async () => {
    const env = freshHome(null);
    const asArg = await cli(['profile', 'add', 'ci', SECRET, '--access-key-id', KEY_ID, '--json'], env, { input: '' });
    expect(asArg.code).toBe(2);
    expect(asArg.stdout + asArg.stderr).not.toContain(SECRET);
    const asFlag = await cli(['profile', 'add', 'ci', '--access-key-id', KEY_ID, `--secret-access-key=${SECRET}`, '--json'], env, { input: '' });
    expect(asFlag.code).toBe(2);
    expect(asFlag.stderr).toContain('--secret-access-key');
    expect(asFlag.stdout + asFlag.stderr).not.toContain(SECRET);
  });

  it('on a terminal it asks for the secret without echo (and for a session token only for non-AKIA keys)', async () => {
    const env = freshHome(null);
    for (const [keyId, answers, expected] of [
      [KEY_ID, [SECRET], ['AWS Secret Access Key: (hidden)']],
      ['ASIACLIPROFILEADD001', [SECRET, TOKEN_SECRET], ['AWS Secret Access Key: (hidden)', 'AWS Session Token (Enter if none): (hidden)']],
    ] as const) {
      const asked: string[] = [];
      const queue = [...answers];
      const out = { stdout: '', stderr: '' };
      const code = await runCli(['profile', 'add', `p-${keyId.slice(0, 4)}`, '--access-key-id', keyId], {
        env,
        stdout: (t) => (out.stdout += t),
        stderr: (t) => (out.stderr += t),
        terminal: {
          ask: async (question, opts) => {
            asked.push(`${question}${opts?.hidden ? '(hidden)' : ''}`);
            return queue.shift() ?? '';
          },
        },
      });
      expect(code).toBe(0);
      expect(asked).toEqual(expected);
      expect(out.stdout + out.stderr).not.toContain(SECRET);
    }
    expect(readFileSync(join(env.HOME!, '.aws', 'credentials'), 'utf8')).toContain(`[p-ASIA]\naws_access_key_id = ASIACLIPROFILEADD001\naws_secret_access_key = ${SECRET}\naws_session_token = ${TOKEN_SECRET}\n`);
  });

  it.skipIf(!HAS_MOTO)('then whoami --profile works, and so does the AWS CLI (an independent client) against moto', async () => {
    const env = freshHome(moto.moto);
    const added = await cli(['profile', 'add', 'ci', '--access-key-id', KEY_ID, '--region', 'us-east-2'], env, { input: SECRET });
    expect(added.code).toBe(0);
    const who = await cli(['whoami', '--profile', 'ci', '--json'], env);
    expect(who.code).toBe(0);
    expect(who.json.account).toBe('123456789012');
    if (!HAS_AWS_CLI) return;
    const { AWS_ENDPOINT_URL: _e, ...noOverride } = env;
    const aws = await run('aws', ['sts', 'get-caller-identity', '--profile', 'ci', '--endpoint-url', moto.url, '--output', 'json'], noOverride);
    expect(aws.stderr).toBe('');
    expect(JSON.parse(aws.stdout)).toMatchObject({ Account: '123456789012' });
    const region = await run('aws', ['configure', 'get', 'region', '--profile', 'ci'], noOverride);
    expect(region.stdout.trim()).toBe('us-east-2');
  });

  it('with an endpoint override, emulator keys such as "test" are accepted', async () => {
    const env = { ...freshHome(null), AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' };
    const r = await cli(['profile', 'add', 'localstack', '--access-key-id', 'test', '--json'], env, { input: 'test\n' });
    expect(r.code).toBe(0);
  });
});
