/**
 * Every test file lands in exactly one tier (scripts/test-tiers.mjs), and a file that starts or
 * borrows a moto server is in a tier that shares moto servers, so `npm run test:unit` stays free of
 * moto and a new test lands in the right tier. The globs are matched with tinyglobby, the matcher
 * Vitest itself lists test files with (`include` minus `exclude`, relative to the root).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { globSync } from 'tinyglobby';
import { afterAll, describe, expect, it } from 'vitest';
import { MOTO_TIERS, TIER_NAMES, TIERS, type TierName } from '../../scripts/test-tiers.mjs';
import { ROOT } from '../helpers/cli';

/** What in a test file's text shows that it runs against moto: a server of its own, a shared one, or moto_server spawned by hand. */
const MOTO_USE = /\b(useMoto|sharedMoto|startMoto)\s*\(|spawn\w*\(\s*(MOTO_SERVER|['"]moto_server['"])/;

/** Every test file under `root`, with the tiers whose globs take it. */
function tiersUnder(root: string): Map<string, TierName[]> {
  const all = globSync(['tests/**/*.test.{ts,tsx}'], { cwd: root, ignore: ['tests/bench/**', '**/node_modules/**'] });
  const tiers = new Map(all.sort().map((f) => [f, [] as TierName[]]));
  for (const tier of TIER_NAMES) {
    for (const f of globSync(TIERS[tier].include, { cwd: root, ignore: TIERS[tier].exclude })) tiers.set(f, [...(tiers.get(f) ?? []), tier]);
  }
  return tiers;
}

/** Test files in no tier or in more than one. */
function unplaced(tiers: Map<string, TierName[]>): string[] {
  return [...tiers].filter(([, t]) => t.length !== 1).map(([f, t]) => `${f}: ${t.join(', ') || 'no tier'}`);
}

/** Files that use moto in a tier that does not share moto servers, each with the name that would place it. */
function misplacedMoto(root: string, tiers: Map<string, TierName[]>): string[] {
  return [...tiers]
    .filter(([f, t]) => !t.some((x) => MOTO_TIERS.includes(x)) && MOTO_USE.test(readFileSync(join(root, f), 'utf8')))
    .map(([f, t]) => `${f} uses moto but is in the ${t.join('/') || 'no'} tier: rename it ${f.replace(/\.test\.(tsx?)$/, '.moto.test.$1')}`);
}

describe('test tiers', () => {
  const repo = tiersUnder(ROOT);

  it('puts every test file of the repository in exactly one tier', () => {
    expect(repo.size).toBeGreaterThan(100);
    expect(unplaced(repo)).toEqual([]);
  });

  it('runs every file that uses moto in the moto or e2e tier', () => {
    expect(misplacedMoto(ROOT, repo)).toEqual([]);
  });

  it('keeps the unit tier free of moto and of the browser; jsdom component tests are unit tests', () => {
    const unit = [...repo].filter(([, t]) => t.includes('unit')).map(([f]) => f);
    expect(unit.filter((f) => /^tests\/(e2e|electron|packaging|lint)\/|\.moto\.test\./.test(f))).toEqual([]);
    expect(unit).toContain('tests/renderer/features/platform/PlatformPanel.test.tsx');
  });

  describe('on planted files', () => {
    const root = mkdtempSync(join(tmpdir(), 'onramp-tiers-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const plant = (file: string, text: string) => {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    };
    // Built from parts, so that this file does not itself read as one that uses moto.
    const call = (fn: string) => `${fn}Moto()`;
    const usesMoto = `import { useMoto } from '../../helpers/fixtures';\nconst moto = ${call('use')};\n`;
    plant('tests/main/setup/new-thing.test.ts', usesMoto);
    plant('tests/main/setup/new-thing.moto.test.ts', usesMoto);
    plant('tests/main/cli/own-server.test.ts', `const moto = await ${call('start')};\n`);
    plant('tests/main/cli/by-hand.test.ts', `spawn(${'MOTO'}_SERVER, ['-p', '5000']);\n`);
    plant('tests/shared/pure.test.ts', 'export {};\n');
    plant('tests/renderer/Screen.test.tsx', 'export {};\n');
    plant('tests/e2e/new-screen.test.ts', `moto = await ${call('shared')};\n`);
    plant('tests/packaging/new-pack.test.ts', 'export {};\n');
    plant('tests/lint/new-rule.test.ts', 'export {};\n');
    plant('tests/bench/not-a-test.test.ts', 'export {};\n');

    it('places a file added later by its folder or name alone', () => {
      const planted = tiersUnder(root);
      expect(Object.fromEntries(planted)).toEqual({
        'tests/e2e/new-screen.test.ts': ['e2e'],
        'tests/lint/new-rule.test.ts': ['packaging'],
        'tests/main/cli/by-hand.test.ts': ['unit'],
        'tests/main/cli/own-server.test.ts': ['unit'],
        'tests/main/setup/new-thing.moto.test.ts': ['moto'],
        'tests/main/setup/new-thing.test.ts': ['unit'],
        'tests/packaging/new-pack.test.ts': ['packaging'],
        'tests/renderer/Screen.test.tsx': ['unit'],
        'tests/shared/pure.test.ts': ['unit'],
      });
    });

    it('names each moto file left in the unit tier and the name that fixes it', () => {
      expect(misplacedMoto(root, tiersUnder(root))).toEqual([
        'tests/main/cli/by-hand.test.ts uses moto but is in the unit tier: rename it tests/main/cli/by-hand.moto.test.ts',
        'tests/main/cli/own-server.test.ts uses moto but is in the unit tier: rename it tests/main/cli/own-server.moto.test.ts',
        'tests/main/setup/new-thing.test.ts uses moto but is in the unit tier: rename it tests/main/setup/new-thing.moto.test.ts',
      ]);
    });
  });
});
