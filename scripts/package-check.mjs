#!/usr/bin/env node
// `npm run package:check`: proves the installer configuration without the real Electron binary
// (which cannot be downloaded on these machines) and without any network access:
//   1. electron-builder.yml is validated by electron-builder's own loader and schema
//      (app-builder-lib/scheme.json), plus Onramp's rules (fuses, targets, files; scripts/package-rules.mjs);
//   2. `electron-vite build` builds main, preload and renderer into out/;
//   3. `electron-builder --linux dir` packs the unpacked Linux app around a stand-in Electron
//      distribution (-c.electronDist): a tiny executable named `electron` plus a `version` file.
//      The stand-in carries Electron's fuse sentinel and default fuse wire, so electron-builder's
//      real fuse-flipping step (@electron/fuses) runs against it instead of failing;
//   4. dist/linux-unpacked/resources/app.asar is listed with @electron/asar: main, preload and
//      renderer present; no tests, TypeScript sources, source maps or dev dependencies; every
//      production dependency present. The fuse wire is read back from the packed binary.
// The deb/AppImage/dmg/nsis targets need tools that are downloaded on first use, so only the
// `dir` target runs here; .github/workflows/release.yml builds the installers on real runners.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAsarEntries, checkBuilderConfig, checkFuseWire } from './package-rules.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
// electron-builder's own internals (installed with it; resolved from app-builder-lib so hoisting does not matter).
const fromBuilder = createRequire(require.resolve('app-builder-lib/package.json'));
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const failures = [];
const step = (title) => console.log(`\n== package:check: ${title}`);
const report = (label, problems) => {
  for (const p of problems) console.log(`   ✗ ${p}`);
  if (problems.length) failures.push(...problems.map((p) => `${label}: ${p}`));
  else console.log(`   ✓ ${label}`);
};

// 1. Configuration.
step('validate electron-builder.yml against electron-builder’s schema');
const { getConfig, validateConfiguration } = fromBuilder('./out/util/config/config');
const { DebugLogger } = fromBuilder('builder-util');
const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
try {
  await validateConfiguration(config, new DebugLogger(false));
  report('schema (app-builder-lib/scheme.json)', []);
} catch (err) {
  report('schema (app-builder-lib/scheme.json)', [String(err.message ?? err).split('\n  How to fix')[0]]);
}
report('Onramp rules (fuses, targets, asar, files)', checkBuilderConfig(config));
const icon = join(root, 'build', 'icon.png');
const iconOk = existsSync(icon) && readFileSync(icon).readUInt32BE(16) === 1024 && readFileSync(icon).readUInt32BE(20) === 1024;
report('icon (build/icon.png 1024×1024, build/icons/)', iconOk && existsSync(join(root, 'build', 'icons', '512x512.png')) ? [] : ['build/icon.png must be a 1024×1024 PNG and build/icons/ the Linux set (node scripts/make-icons.mjs)']);
report('mac entitlements file', existsSync(join(root, config.mac.entitlements)) ? [] : [`${config.mac.entitlements} is missing`]);
if (failures.length) finish();

// 2. Build.
step('electron-vite build');
execFileSync(bin('electron-vite'), ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
console.log('   ✓ out/main, out/preload, out/renderer built');

// 3. Pack the unpacked Linux app around a stand-in Electron.
step('electron-builder --linux dir (stand-in Electron distribution)');
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const standIn = mkdtempSync(join(tmpdir(), 'onramp-electron-dist-'));
// Electron's fuse sentinel, wire version 1, 8 fuses at Electron's defaults
// (RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, asar integrity off,
// only-load-from-asar off, V8 snapshot off, file-protocol privileges on).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
writeFileSync(join(standIn, 'electron'), `#!/bin/sh\n# stand-in for Electron ${electronVersion} (package:check only)\n# ${SENTINEL}\x01\x0810110001\necho "stand-in Electron: not runnable" >&2\nexit 1\n`);
chmodSync(join(standIn, 'electron'), 0o755);
writeFileSync(join(standIn, 'version'), electronVersion);
const outDir = join(root, 'dist');
rmSync(join(outDir, 'linux-unpacked'), { recursive: true, force: true });
try {
  execFileSync(
    bin('electron-builder'),
    ['--linux', 'dir', '--x64', '--publish', 'never', `-c.electronDist=${standIn}`, `-c.electronVersion=${electronVersion}`, '-c.npmRebuild=false'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Nothing here may download: Electron comes from -c.electronDist and the `dir` target needs no
      // extra tools. The proxy variables point at a closed port so that a proxy-aware download
      // attempt (electron-builder's Go helper, @electron/get) fails loudly instead of reaching out.
      env: {
        ...process.env,
        HTTPS_PROXY: 'http://127.0.0.1:9',
        HTTP_PROXY: 'http://127.0.0.1:9',
        https_proxy: 'http://127.0.0.1:9',
        http_proxy: 'http://127.0.0.1:9',
        NO_PROXY: '',
        no_proxy: '',
        ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
        CSC_IDENTITY_AUTO_DISCOVERY: 'false',
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  console.log('   ✓ dist/linux-unpacked built');
} catch (err) {
  console.log(String(err.stdout ?? '').split('\n').filter((l) => !l.includes('duplicate dependency references')).join('\n'));
  console.error(String(err.stderr ?? ''));
  failures.push('electron-builder --linux dir failed');
  finish();
} finally {
  rmSync(standIn, { recursive: true, force: true });
}

// 4. What went into app.asar, and the fuses in the packed binary.
step('inspect dist/linux-unpacked/resources/app.asar');
const asarPath = join(outDir, 'linux-unpacked', 'resources', 'app.asar');
const asar = fromBuilder('@electron/asar');
const entries = asar.listPackage(asarPath, { isPack: false });
const files = entries.filter((e) => !asar.statFile(asarPath, e.replace(/^[\\/]/, ''), false).files);
console.log(`   app.asar: ${(statSync(asarPath).size / 1024 / 1024).toFixed(1)} MB, ${files.length} files`);
report('contents (main, preload, renderer; no tests, .ts, .map or dev dependencies; production dependencies present)', checkAsarEntries(files, pkg));
const { getCurrentFuseWire } = fromBuilder('@electron/fuses');
const executable = join(outDir, 'linux-unpacked', config.linux?.executableName ?? pkg.name);
report('fuses flipped in the packed binary', checkFuseWire(await getCurrentFuseWire(executable)));
finish();

function finish() {
  if (failures.length) {
    console.error(`\npackage:check FAILED (${failures.length} problem${failures.length === 1 ? '' : 's'})`);
    process.exit(1);
  }
  console.log('\npackage:check passed');
  process.exit(0);
}
