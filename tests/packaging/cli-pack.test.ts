import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

const run = promisify(execFile);

// The CLI as a user gets it: `npm pack`, then `npm install ./onramp-*.tgz` into an empty folder, then
// `npx onramp …` there — the bundled command, with no TypeScript compiler and no dev dependency.

describe('the packed CLI installs into an empty folder and runs', () => {
  let work: string;
  let tarball: string;
  let files: string[];
  const env = (extra: NodeJS.ProcessEnv = {}) => ({ PATH: process.env.PATH, HOME: work, npm_config_update_notifier: 'false', ...extra });

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'onramp-pack-'));
    const packed = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, env: { ...process.env, npm_config_update_notifier: 'false' }, maxBuffer: 16 << 20 });
    const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    tarball = join(work, info[0]!.filename);
    files = info[0]!.files.map((f) => f.path);
    const app = join(work, 'app');
    await run('mkdir', ['-p', app]);
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: app, env: env({ npm_config_cache: process.env.npm_config_cache ?? join(process.env.HOME ?? work, '.npm') }), maxBuffer: 16 << 20 });
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('the tarball holds the bundled CLI and no sources', () => {
    expect(files).toContain('out/cli/onramp.cjs');
    expect(files).toContain('package.json');
    expect(files.filter((f) => /\.(ts|tsx|mts)$/.test(f))).toEqual([]);
    expect(files.some((f) => f.startsWith('tests/') || f.startsWith('renderer/'))).toBe(false);
  });

  it('installs no dev dependency: no TypeScript runner, no Electron', () => {
    const nm = join(work, 'app', 'node_modules');
    expect(existsSync(join(nm, 'onramp', 'out', 'cli', 'onramp.cjs'))).toBe(true);
    expect(existsSync(join(nm, 'tsx'))).toBe(false);
    expect(existsSync(join(nm, 'electron'))).toBe(false);
    expect(existsSync(join(nm, '@aws-sdk', 'client-s3'))).toBe(true);
  });

  it('npx onramp profiles --json lists the profiles of the config files', async () => {
    const config = join(work, 'config');
    writeFileSync(config, '[default]\nregion = us-east-2\n\n[profile dev]\nregion = us-west-2\n');
    writeFileSync(join(work, 'credentials'), '[default]\naws_access_key_id = AKIAEXAMPLEEXAMPLE12\naws_secret_access_key = secret\n');
    const out = await run('npx', ['--no-install', 'onramp', 'profiles', '--json'], {
      cwd: join(work, 'app'),
      env: env({ AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: join(work, 'credentials') }),
    });
    const profiles = JSON.parse(out.stdout) as { name: string; region: string | null }[];
    expect(profiles.map((p) => p.name).sort()).toEqual(['default', 'dev']);
    expect(profiles.find((p) => p.name === 'dev')?.region).toBe('us-west-2');
    expect(out.stdout).not.toContain('secret');
  });

  it('npx onramp --help, --version and a subcommand --help exit 0; an unknown flag exits 2', async () => {
    const cwd = join(work, 'app');
    const help = await run('npx', ['--no-install', 'onramp', '--help'], { cwd, env: env() });
    expect(help.stdout).toContain('setup apply');
    const version = await run('npx', ['--no-install', 'onramp', '--version'], { cwd, env: env() });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const sub = await run('npx', ['--no-install', 'onramp', 'setup', 'apply', '--help'], { cwd, env: env() });
    expect(sub.stdout).toContain('--external-id');
    const bad = await run('npx', ['--no-install', 'onramp', 'whoami', '--nope'], { cwd, env: env() }).catch((err: { code: number; stderr: string }) => err);
    expect((bad as { code: number }).code).toBe(2);
    expect((bad as { stderr: string }).stderr).toContain('--nope');
  });
});
