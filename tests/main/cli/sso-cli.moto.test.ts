/** `onramp sso login --profile P [--no-browser]` against the local SSO fake, then a connect through moto. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { cli } from '../../helpers/cli';
import { ssoEndpoints, useMoto, useSsoFake } from '../../helpers/fixtures';
import { freePort, HAS_MOTO } from '../../helpers/moto';

const PROFILE = [
  '[profile team]',
  'sso_session = team-sso',
  'sso_account_id = 123456789012',
  'sso_role_name = Developer',
  'region = us-east-2',
  '[sso-session team-sso]',
  'sso_start_url = https://team.awsapps.com/start',
  'sso_region = us-west-2',
].join('\n');

describe.skipIf(!HAS_MOTO)('onramp sso login', () => {
  const moto = useMoto();
  const fake = useSsoFake();
  let env: NodeJS.ProcessEnv;
  beforeAll(() => void (env = { ...moto.env(PROFILE), ...ssoEndpoints(fake.url) }));

  it('prints the page and the code on stderr, caches the token, and whoami then connects', async () => {
    fake.configure({ autoApproveAfterPolls: 1 });
    const r = await cli(['sso', 'login', '--profile', 'team', '--no-browser', '--json'], env);
    expect(r.code).toBe(0);
    const code = fake.lastUserCode()!;
    expect(r.stderr).toContain(`${fake.url}/device?user_code=${code}`);
    expect(r.stderr).toContain(`Code: ${code}`);
    expect(r.stderr).not.toContain('Could not open a browser');
    const cacheFile = join(env.HOME!, '.aws', 'sso', 'cache', `${createHash('sha1').update('team-sso').digest('hex')}.json`);
    expect(r.json).toEqual({ profile: 'team', cacheFile, expiresAt: expect.stringMatching(/Z$/) });
    // stdout holds only the result: no token, no client secret.
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, string>;
    for (const secret of [cached.accessToken, cached.refreshToken, cached.clientSecret]) {
      expect(r.stdout).not.toContain(secret);
      expect(r.stderr).not.toContain(secret);
    }
    const who = await cli(['whoami', '--profile', 'team', '--json'], env);
    expect(who.code).toBe(0);
    expect(who.json.account).toBe('123456789012');
  });

  it('opens the browser unless --no-browser, with exactly the page the service returned', async () => {
    fake.configure({ autoApproveAfterPolls: 0 });
    const opened: string[] = [];
    const out = { stdout: '', stderr: '' };
    const code = await runCli(['sso', 'login', '--profile', 'team'], {
      env,
      stdout: (t) => (out.stdout += t),
      stderr: (t) => (out.stderr += t),
      // The "browser" visits the page, which confirms the code at the fake.
      openBrowser: async (url) => {
        opened.push(url);
        await fetch(url);
      },
    });
    expect(code).toBe(0);
    expect(opened).toEqual([`${fake.url}/device?user_code=${fake.lastUserCode()}`]);
    expect(out.stdout).toMatch(/^Signed in as profile "team"; the token is cached in .+ until .+Z\.\n$/);
  });

  it('Ctrl-C stops waiting for the browser (the run\'s cancel): exit 130, the cache untouched, Ctrl-C handed back', async () => {
    fake.configure({ autoApproveAfterPolls: 0 });
    const cacheFile = join(env.HOME!, '.aws', 'sso', 'cache', `${createHash('sha1').update('team-sso').digest('hex')}.json`);
    const before = existsSync(cacheFile) ? readFileSync(cacheFile, 'utf8') : null;
    let interrupt: (() => void) | null = null;
    const out = { stdout: '', stderr: '' };
    const exit = runCli(['sso', 'login', '--profile', 'team', '--no-browser', '--json'], {
      env,
      stdout: (t) => (out.stdout += t),
      stderr: (t) => (out.stderr += t),
      onInterrupt: (handler) => {
        interrupt = handler;
        return () => void (interrupt = null);
      },
    });
    await vi.waitFor(() => expect(out.stderr).toContain('Waiting for you to confirm the code'), { timeout: 10_000 });
    const polls = fake.calls.filter((c) => c.op === 'CreateToken').length;
    interrupt!();
    expect(await exit).toBe(130);
    expect(out.stderr).toContain('onramp: cancelling — no longer waiting for the browser');
    expect(JSON.parse(out.stdout).error).toEqual({ code: 'Cancelled', message: 'The sign-in was cancelled.' });
    expect(interrupt).toBeNull();
    await new Promise((r) => setTimeout(r, 1500));
    expect(fake.calls.filter((c) => c.op === 'CreateToken').length).toBe(polls);
    expect(existsSync(cacheFile) ? readFileSync(cacheFile, 'utf8') : null).toBe(before);
  });

  it('a denied sign-in exits 3 saying so', async () => {
    fake.configure({ autoApproveAfterPolls: 0 });
    const out = { stdout: '', stderr: '' };
    const code = await runCli(['sso', 'login', '--profile', 'team', '--json'], {
      env,
      stdout: (t) => (out.stdout += t),
      stderr: (t) => (out.stderr += t),
      openBrowser: async () => fake.deny(fake.lastUserCode()!),
    });
    expect(code).toBe(3);
    expect(JSON.parse(out.stdout).error).toMatchObject({ code: 'AccessDenied', message: expect.stringContaining('was denied in the browser') });
  });

  it('an unreachable sign-in service exits 3 naming it; a non-SSO profile exits 2', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const r = await cli(['sso', 'login', '--profile', 'team', '--no-browser', '--json'], { ...env, AWS_ENDPOINT_URL_SSO_OIDC: closed });
    expect(r.code).toBe(3);
    expect(r.json.error).toMatchObject({ code: 'Network', message: expect.stringContaining(`Could not reach the IAM Identity Center sign-in service at ${closed}`) });
    const notSso = await cli(['sso', 'login', '--profile', 'default', '--json'], env);
    expect(notSso.code).toBe(2);
    expect(notSso.json.error.message).toContain('does not sign in with IAM Identity Center');
  });
});
