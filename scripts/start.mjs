#!/usr/bin/env node
// `npm start`: make sure Electron's binary is installed, then run the app with `electron-vite dev`.
//
// Electron 45's npm package has no install script: its binary is fetched by
// node_modules/electron/install.js, which only `require('electron')` triggers. electron-vite reads
// node_modules/electron/path.txt itself and throws "Electron uninstall" when it is missing, so on a
// fresh clone `electron-vite dev` alone always fails. This runs Electron's own installer first — so
// ELECTRON_MIRROR, electron_config_cache, electron_use_remote_checksums and force_no_cache behave
// as Electron documents — and turns a failed download into a message that says what was tried and
// what to do, instead of a stack trace. When the binary is already installed nothing is downloaded.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { arch as osArch, homedir, platform as osPlatform } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(root, 'package.json'));
const electronDir = dirname(require.resolve('electron/package.json'));
const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
/** A real download is ~100 MB; a dead network fails within seconds, a stalled one within this bound. */
const INSTALL_TIMEOUT_MS = Number(process.env.ONRAMP_ELECTRON_INSTALL_TIMEOUT_MS) || 10 * 60_000;

const platform = process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || osPlatform();
const arch = process.env.ELECTRON_INSTALL_ARCH || process.env.npm_config_arch || osArch();
const executable = { darwin: 'Electron.app/Contents/MacOS/Electron', mas: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' }[platform] ?? 'electron';

/** The same test Electron's install.js makes: dist/version matches, path.txt names the executable, and it exists. */
function isInstalled() {
  try {
    if (readFileSync(join(electronDir, 'dist', 'version'), 'utf8').replace(/^v/, '').trim() !== version) return false;
    if (readFileSync(join(electronDir, 'path.txt'), 'utf8') !== executable) return false;
  } catch {
    return false;
  }
  return existsSync(process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist', executable));
}

/** The URL @electron/get asks for, read from the same settings it reads (for the error message). */
function downloadUrl() {
  const env = process.env;
  const mirror = env.npm_config_electron_mirror || env.NPM_CONFIG_ELECTRON_MIRROR || env.ELECTRON_MIRROR || 'https://github.com/electron/electron/releases/download/';
  const dir = (env.npm_config_electron_custom_dir || env.ELECTRON_CUSTOM_DIR || `v${version}`).replace('{{ version }}', version);
  const file = env.npm_config_electron_custom_filename || env.ELECTRON_CUSTOM_FILENAME || `electron-v${version}-${platform}-${arch}.zip`;
  return `${mirror}${dir}/${file}`;
}

/** Where @electron/get looks for (and keeps) a download of that URL: <cache root>/<sha256 of the folder URL>/. */
function cacheFolder() {
  const env = process.env;
  const rootDir =
    env.electron_config_cache ||
    (osPlatform() === 'darwin'
      ? join(homedir(), 'Library', 'Caches', 'electron')
      : osPlatform() === 'win32'
        ? join(env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'electron', 'Cache')
        : join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'electron'));
  const url = new URL(downloadUrl());
  url.hash = '';
  url.search = '';
  url.pathname = posix.dirname(url.pathname);
  return join(rootDir, createHash('sha256').update(url.toString()).digest('hex'));
}

/** The one line of the installer's output that says why it failed. */
function reason(stderr) {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const cause = lines.find((l) => /^(\w*Error|Error)\b.*:/.test(l) && !/^at /.test(l)) ?? lines[0] ?? 'no output';
  const code = stderr.match(/\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|UND_ERR_\w+)\b/)?.[1];
  return code && !cause.includes(code) ? `${cause} (${code})` : cause;
}

/** Why a URL cannot be fetched, as the network says it (fetch's own error hides the cause). */
async function probe(url) {
  try {
    const res = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(10_000) });
    return res.ok ? null : `HTTP ${res.status} ${res.statusText}`;
  } catch (err) {
    const cause = err?.cause;
    return cause?.code ? `${cause.code}${cause.message && !cause.message.includes(cause.code) ? ` (${cause.message})` : cause.message ? ` — ${cause.message}` : ''}` : String(err?.message ?? err);
  }
}

async function install() {
  console.log(`npm start: Electron ${version} is not installed yet; downloading it with Electron's installer from ${downloadUrl()}`);
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    env: process.env,
    stdio: ['ignore', 'inherit', 'pipe'],
    timeout: INSTALL_TIMEOUT_MS,
    encoding: 'utf8',
  });
  if (result.status === 0 && isInstalled()) return;
  let why = result.error?.code === 'ETIMEDOUT' ? `no answer within ${Math.round(INSTALL_TIMEOUT_MS / 1000)} s` : reason(result.stderr ?? '');
  if (/fetch failed/.test(why)) why = `${why}: ${(await probe(downloadUrl())) ?? 'the download could not be completed'}`;
  console.error(
    [
      '',
      `npm start: could not download Electron ${version} for ${platform}-${arch}.`,
      `  Tried:  ${downloadUrl()}`,
      `  Error:  ${why}`,
      '',
      'To start Onramp, do one of these and run `npm start` again:',
      '  - connect to the internet (or set HTTPS_PROXY for your proxy);',
      '  - use a mirror of Electron releases:  ELECTRON_MIRROR=https://your.mirror/electron/ npm start',
      '    (with electron_use_remote_checksums=1 if the mirror serves its own SHASUMS256.txt);',
      `  - or use a download you already have: put electron-v${version}-${platform}-${arch}.zip in`,
      `    ${cacheFolder()}`,
      '    (choose another cache root with electron_config_cache=/path; see https://www.electronjs.org/docs/latest/tutorial/installation).',
    ].join('\n'),
  );
  process.exit(1);
}

if (!isInstalled()) await install();

const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const child = spawn(process.execPath, [cli, 'dev', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
