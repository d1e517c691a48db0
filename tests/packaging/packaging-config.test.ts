import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  EXPECTED_FUSES,
  checkAsarEntries,
  checkBuilderConfig,
  checkFuseWire,
} from '../../scripts/package-rules.mjs';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
// js-yaml comes with electron-builder (no `yaml` package is installed); typed here by hand.
const yaml = require('js-yaml') as { load: (text: string) => unknown };
const readYaml = (path: string) => yaml.load(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('electron-builder.yml', () => {
  const config = readYaml('electron-builder.yml');

  it('parses and sets every fuse as the hardening issue asks', () => {
    expect(config.electronFuses).toEqual(EXPECTED_FUSES);
    expect(EXPECTED_FUSES).toMatchObject({ runAsNode: false, onlyLoadAppFromAsar: true, enableCookieEncryption: true });
  });

  it('meets Onramp’s packaging rules (ids, targets, asar, files, hardened runtime)', () => {
    expect(checkBuilderConfig(config)).toEqual([]);
  });

  it('passes electron-builder’s own schema validation', async () => {
    const fromBuilder = createRequire(require.resolve('app-builder-lib/package.json'));
    const { getConfig, validateConfiguration } = fromBuilder('./out/util/config/config') as {
      getConfig: (dir: string, path: string, extra: null) => Promise<unknown>;
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const loaded = await getConfig(root, join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...(loaded as object), electronFuses: { runAsNod: false } }, new DebugLogger(false))).rejects.toThrow();
  });

  it('is checked by `npm run package:check`, which .ci/run calls after the security scan', () => {
    expect(pkg.scripts['package:check']).toBe('node scripts/package-check.mjs');
    const ci = readFileSync(join(root, '.ci', 'run'), 'utf8');
    const scan = ci.indexOf('node scripts/security-scan.mjs');
    const check = ci.indexOf('npm run package:check');
    expect(scan).toBeGreaterThan(0);
    expect(check).toBeGreaterThan(scan);
  });
});

describe('checkBuilderConfig', () => {
  it('names each missing piece', () => {
    const problems = checkBuilderConfig({ appId: 'x', productName: 'Other', asar: false, electronFuses: { runAsNode: true }, files: ['**/*'] });
    expect(problems).toEqual(
      expect.arrayContaining([
        'appId must be a reverse-DNS id',
        'productName must be Onramp',
        'asar must be on',
        'electronFuses.runAsNode must be false',
        'electronFuses.onlyLoadAppFromAsar must be true',
        'mac targets must include dmg and zip',
        'mac.hardenedRuntime must be true',
        'win target must include nsis',
        'linux targets must include AppImage and deb',
        'files must include the built output (out/**)',
        'files must exclude source maps',
      ]),
    );
  });
});

describe('checkAsarEntries', () => {
  const good = [
    '/package.json',
    '/out/main/index.js',
    '/out/preload/index.js',
    '/out/renderer/index.html',
    '/out/renderer/assets/index-abc.js',
    ...Object.keys(pkg.dependencies).map((d) => `/node_modules/${d}/package.json`),
  ];

  it('accepts built output plus production dependencies', () => {
    expect(checkAsarEntries(good, pkg)).toEqual([]);
  });

  it('refuses missing parts, sources, maps, tests and dev dependencies', () => {
    const problems = checkAsarEntries(
      [
        ...good.filter((e) => e !== '/out/preload/index.js' && e !== '/node_modules/zod/package.json'),
        '/out/main/index.js.map',
        '/main/electron/index.ts',
        '/renderer/src/App.tsx',
        '/tests/main/x.test.ts',
        '/node_modules/react/package.json',
        '/node_modules/@mantine/core/package.json',
        '/node_modules/electron/package.json',
        '/node_modules/@aws-sdk/client-s3/node_modules/vitest/package.json',
        '/node_modules/fflate/lib/node.d.cts',
      ],
      pkg,
    );
    const text = problems.join('\n');
    expect(text).toContain('missing /out/preload/index.js');
    expect(text).toContain('source maps: /out/main/index.js.map');
    expect(text).toMatch(/TypeScript sources: .*index\.ts.*App\.tsx/);
    expect(text).toContain('node.d.cts');
    expect(text).toContain('tests: /tests/main/x.test.ts');
    expect(text).toMatch(/dev dependencies packed: .*electron/);
    expect(text).toMatch(/dev dependencies packed: .*react/);
    expect(text).toMatch(/dev dependencies packed: .*@mantine\/core/);
    expect(text).toMatch(/dev dependencies packed: .*vitest/);
    expect(text).toContain('production dependencies missing: zod');
  });
});

describe('checkFuseWire', () => {
  const ON = 49;
  const OFF = 48;
  it('accepts the wire electron-builder writes for our fuses, and flags Electron’s defaults', () => {
    expect(checkFuseWire({ 0: OFF, 1: ON, 2: OFF, 3: OFF, 4: ON, 5: ON, 6: OFF, 7: OFF })).toEqual([]);
    const defaults = checkFuseWire({ 0: ON, 1: OFF, 2: ON, 3: ON, 4: OFF, 5: OFF, 6: OFF, 7: ON });
    expect(defaults).toHaveLength(7);
    expect(defaults).toContain('fuse runAsNode is on, want off');
  });
});

describe('icons', () => {
  /** Decode an 8-bit RGBA, non-interlaced PNG whose rows all use filter 0 (what scripts/make-icons.mjs writes). */
  function decode(path: string) {
    const buf = readFileSync(join(root, path));
    expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const width = buf.readUInt32BE(16);
    const height = buf.readUInt32BE(20);
    const idat: Buffer[] = [];
    for (let off = 8; off < buf.length; ) {
      const len = buf.readUInt32BE(off);
      if (buf.toString('ascii', off + 4, off + 8) === 'IDAT') idat.push(buf.subarray(off + 8, off + 8 + len));
      off += len + 12;
    }
    const raw = inflateSync(Buffer.concat(idat));
    const alpha = (x: number, y: number) => raw[y * (width * 4 + 1) + 1 + x * 4 + 3];
    return { width, height, bitDepth: buf[24], colourType: buf[25], alpha, rawLength: raw.length };
  }

  it('build/icon.png is a 1024×1024 RGBA PNG with transparent corners and an opaque body', () => {
    const icon = decode('build/icon.png');
    expect(icon).toMatchObject({ width: 1024, height: 1024, bitDepth: 8, colourType: 6, rawLength: 1024 * (1024 * 4 + 1) });
    expect(icon.alpha(0, 0)).toBe(0);
    expect(icon.alpha(1023, 1023)).toBe(0);
    expect(icon.alpha(512, 512)).toBe(255);
  });

  it.each([16, 32, 48, 64, 128, 256, 512])('build/icons/%ix%i.png exists at its size', (size) => {
    const icon = decode(`build/icons/${size}x${size}.png`);
    expect([icon.width, icon.height]).toEqual([size, size]);
  });
});

describe('.github/workflows/release.yml', () => {
  const wf = readYaml('.github/workflows/release.yml') as {
    name: string;
    on: Record<string, unknown>;
    jobs: Record<string, { 'runs-on': string; strategy: { matrix: { include: { os: string; platform: string }[] } }; steps: { run?: string; uses?: string; if?: string; env?: Record<string, string> }[] }>;
  };

  it('is valid YAML with one job building on macOS, Windows and Linux runners', () => {
    expect(wf.name).toBe('release');
    const jobs = Object.values(wf.jobs);
    expect(jobs).toHaveLength(1);
    const job = jobs[0]!;
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect(job.strategy.matrix.include.map((m) => m.os).sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
  });

  it('installs with npm ci, tests on Linux, and builds with electron-builder without publishing', () => {
    const steps = Object.values(wf.jobs)[0]!.steps;
    const runs = steps.map((s) => s.run ?? '');
    expect(runs).toContain('npm ci');
    const test = steps.find((s) => s.run?.includes('npm test'));
    expect(test?.if).toBe("runner.os == 'Linux'");
    const build = steps.find((s) => s.run?.includes('electron-builder'));
    expect(build?.run).toContain('--publish never');
    // Signing secrets are passed as placeholders from the repository's secrets, never written inline.
    expect(Object.keys(build?.env ?? {})).toEqual(expect.arrayContaining(['CSC_LINK', 'CSC_KEY_PASSWORD', 'WIN_CSC_LINK', 'APPLE_ID']));
    for (const value of Object.values(build?.env ?? {})) expect(value).toMatch(/^\$\{\{ secrets\./);
  });

  it('runs on the Node version Electron 45 needs (.nvmrc) and smoke-tests the real Electron app on every OS', () => {
    const steps = Object.values(wf.jobs)[0]!.steps as { run?: string; uses?: string; if?: string; with?: Record<string, string>; env?: Record<string, string> }[];
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version-file']).toBe('.nvmrc');
    expect(steps.map((s) => s.run ?? '')).toContain('npx install-electron');
    const smoke = steps.find((s) => s.run?.includes('tests/electron/smoke.test.ts'));
    expect(smoke?.if).toBeUndefined();
    expect(smoke?.env?.ONRAMP_ELECTRON_SMOKE).toBe('required');
  });
});

describe('Node version truth', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
  const electronEngines = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).engines.node as string;

  it('engines, .nvmrc and the README agree with what Electron declares', () => {
    const need = electronEngines.match(/(\d+)\.(\d+)/)!;
    expect(manifest.engines.node).toBe(`>=${need[1]}.${need[2]}`);
    expect(readFileSync(join(root, '.nvmrc'), 'utf8').trim()).toBe(need[1]);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(`Node.js ≥ ${need[1]}.${need[2]}`);
    expect(readme).toMatch(/CLI and the test suite also run on Node\.js ≥ 20\.19/);
  });
});
