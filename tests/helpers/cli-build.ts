/**
 * The CLI the tests run: the same esbuild bundle `npm pack` ships (scripts/build-cli.mjs), built from
 * the sources as they are at the start of the run into .tmp/test-cli/. Starting it costs a fraction of
 * `node --import tsx main/cli/index.ts`, which compiles and resolves hundreds of source files at every
 * start, and it is the program users run.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where the tests' bundle of the CLI is written. */
export const TEST_CLI = join(ROOT, '.tmp', 'test-cli', 'onramp.cjs');

const KEY = Symbol.for('onramp.tests.cliBuild');
type WithBuild = typeof globalThis & { [KEY]?: Promise<void> };

function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs'), '--outfile', TEST_CLI], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`Building the CLI failed (exit ${code}):\n${stderr}`));
      console.log(`[cli] bundled the CLI for the tests (${TEST_CLI.slice(ROOT.length)}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      resolve();
    });
  });
}

/** Build the tests' CLI once per Vitest run (every project that asks shares the one build). */
export function buildTestCli(): Promise<void> {
  const g = globalThis as WithBuild;
  g[KEY] ??= build();
  return g[KEY];
}
