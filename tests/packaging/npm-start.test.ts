import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';
import { closedPort, startMirror, standInReleaseFiles, type Mirror } from '../helpers/electron-mirror';

// `npm start` on a fresh clone, proven without the internet: a clean copy of the project (its files
// plus a hard-linked node_modules whose electron package has never been installed) is started
// against a loopback Electron mirror that serves a stand-in build, exactly as ELECTRON_MIRROR is
// documented. The stand-in records how electron-vite started it.

const electronVersion: string = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version;
const supported = process.platform === 'linux' || process.platform === 'darwin';

interface Started {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function npmStart(cwd: string, env: NodeJS.ProcessEnv): Promise<Started> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

/** A copy of the working tree with its own, never-installed electron package. */
function cleanCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'onramp-start-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    if (!existsSync(join(ROOT, f))) continue; // deleted in the working tree
    // A worktree's node_modules may be an untracked symlink to a shared install: copying it would make
    // the copy's node_modules that very install, and freshElectron below would delete its electron.
    if (f === 'node_modules' || f.startsWith('node_modules/')) continue;
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    cpSync(join(ROOT, f), join(dir, f));
  }
  execFileSync('cp', ['-al', `${realpathSync(join(ROOT, 'node_modules'))}/.`, join(dir, 'node_modules')]);
  freshElectron(dir);
  return dir;
}

/** Put back the electron package as npm installs it: no dist/, no path.txt. */
function freshElectron(dir: string): void {
  const pkg = join(dir, 'node_modules', 'electron');
  rmSync(pkg, { recursive: true, force: true });
  cpSync(realpathSync(join(ROOT, 'node_modules', 'electron')), pkg, {
    recursive: true,
    filter: (src) => !/[/\\](dist|path\.txt)$/.test(src) && !/[/\\]dist[/\\]/.test(src),
  });
}

describe.skipIf(!supported)('npm start from a fresh clone (stand-in Electron from a loopback mirror)', () => {
  let project: string;
  let mirror: Mirror;
  let baseEnv: NodeJS.ProcessEnv;
  const record = () => join(project, '..', `${project.split('/').pop()}-record.txt`);

  beforeAll(async () => {
    project = cleanCopy();
    const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
    mirror = await startMirror(standInReleaseFiles(electronVersion, process.platform, arch));
    baseEnv = {
      PATH: process.env.PATH,
      HOME: mkdtempSync(join(tmpdir(), 'onramp-start-home-')),
      electron_config_cache: mkdtempSync(join(tmpdir(), 'onramp-electron-cache-')),
      ELECTRON_GET_NO_PROGRESS: '1',
      ONRAMP_STANDIN_RECORD: record(),
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
  }, 120_000);

  afterAll(async () => {
    await mirror?.close();
    if (project) rmSync(project, { recursive: true, force: true });
    rmSync(record(), { force: true });
  });

  it('downloads Electron through its installer (mirror + remote checksums), then starts it on the project’s main entry', async () => {
    expect(existsSync(join(project, 'node_modules/electron/path.txt'))).toBe(false);
    const run = await npmStart(project, { ...baseEnv, ELECTRON_MIRROR: mirror.url, electron_use_remote_checksums: '1' });
    expect(run.code, run.stderr + run.stdout).toBe(0);
    expect(mirror.requests).toContain(`/v${electronVersion}/SHASUMS256.txt`);
    expect(mirror.requests.some((p) => p.endsWith('.zip'))).toBe(true);
    expect(run.stdout).toContain(`Electron ${electronVersion} is not installed yet`);

    const lines = readFileSync(record(), 'utf8').trim().split('\n');
    const cwd = lines.find((l) => l.startsWith('cwd='))!.slice(4);
    const args = lines.filter((l) => l.startsWith('arg=')).map((l) => l.slice(4));
    expect(realpathSync(cwd)).toBe(realpathSync(project));
    expect(args[0]).toBe('.');
    // "." is the project, whose package.json main is the entry electron-vite just built.
    const main = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).main as string;
    expect(main).toBe('out/main/index.js');
    expect(existsSync(join(project, main))).toBe(true);
    expect(lines.find((l) => l.startsWith('renderer='))).toMatch(/^renderer=http:\/\/(localhost|127\.0\.0\.1):\d+/);
  });

  it('when Electron is already installed, downloads nothing', async () => {
    const before = mirror.requests.length;
    const port = await closedPort();
    const run = await npmStart(project, { ...baseEnv, ELECTRON_MIRROR: `http://127.0.0.1:${port}/` });
    expect(run.code, run.stderr).toBe(0);
    expect(mirror.requests.length).toBe(before);
    expect(run.stdout).not.toContain('not installed yet');
  });

  it('offline, fails in seconds with what was tried and how to use a mirror or a cached download — no stack trace', async () => {
    freshElectron(project);
    rmSync(record(), { force: true });
    const port = await closedPort();
    const run = await npmStart(project, {
      ...baseEnv,
      electron_config_cache: mkdtempSync(join(tmpdir(), 'onramp-electron-cache-')),
      ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
    });
    expect(run.code).not.toBe(0);
    expect(run.ms).toBeLessThan(60_000); // a bound against hanging, not a timing assertion
    expect(run.stderr).toContain(`could not download Electron ${electronVersion}`);
    expect(run.stderr).toContain(`Tried:  http://127.0.0.1:${port}/v${electronVersion}/electron-v${electronVersion}-`);
    expect(run.stderr).toMatch(/ECONNREFUSED/);
    expect(run.stderr).toContain('ELECTRON_MIRROR=');
    expect(run.stderr).toContain('electron_config_cache=');
    expect(run.stderr).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
    expect(existsSync(record())).toBe(false);
  });
});
