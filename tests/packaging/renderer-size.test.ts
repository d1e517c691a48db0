import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';
import { INITIAL_JS_BUDGET_KB, initialJs } from '../helpers/initial-js';

// The first screen's JavaScript stays within the README's budget, measured as `npm run bench` does
// (tests/bench/main-bench.ts): the scripts index.html loads at start-up, gzipped. The renderer is
// built here from the sources, so the figure is never that of a stale out/ folder.

describe('initialJs (how the figure is measured)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'onramp-initial-js-'));
    mkdirSync(join(dir, 'assets'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts the entry and its modulepreloads, not chunks loaded later', () => {
    const entry = 'export const a = 1;'.repeat(50);
    const preload = 'export const b = 2;'.repeat(80);
    writeFileSync(join(dir, 'assets/index.js'), entry);
    writeFileSync(join(dir, 'assets/vendor.js'), preload);
    writeFileSync(join(dir, 'assets/Lazy.js'), 'export const c = 3;'.repeat(500));
    writeFileSync(
      join(dir, 'index.html'),
      '<script type="module" crossorigin src="./assets/index.js"></script>\n<link rel="modulepreload" crossorigin href="./assets/vendor.js">\n<link rel="stylesheet" href="./assets/index.css">',
    );
    const gz = (s: string) => gzipSync(s, { level: 9 }).length;
    expect(initialJs(dir)).toEqual({ files: ['assets/index.js', 'assets/vendor.js'], gzipBytes: gz(entry) + gz(preload) });
  });
});

describe('the built renderer', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'onramp-renderer-size-'));
    // As `npm run build:renderer` does, in its own process: vitest's NODE_ENV=test would otherwise
    // give React's development build.
    const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
    const args = [vite, 'build', '--config', 'vite.renderer.config.mts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
    await promisify(execFile)(process.execPath, args, { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' } });
  }, 600_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it(`loads at most ${INITIAL_JS_BUDGET_KB} KB of gzipped JavaScript before the first screen`, () => {
    const { files, gzipBytes } = initialJs(outDir);
    expect(files.length).toBeGreaterThan(0);
    expect(gzipBytes / 1024, `gzipped KB of ${files.join(', ')}`).toBeLessThanOrEqual(INITIAL_JS_BUDGET_KB);
  });
});
