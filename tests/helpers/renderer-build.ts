/**
 * The built renderer the browser tests load (out/renderer), rebuilt only when what it is built from
 * changed: a digest of those files is kept beside the build, so a run after an unrelated change (or
 * a second run) does not pay for a build, and a stale bundle is never tested.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where `npm run build:renderer` writes the bundle. */
export const RENDERER_OUT = join(ROOT, 'out', 'renderer');
const STAMP = join(RENDERER_OUT, '.sources.sha256');
/** What the renderer bundle is built from: its sources, the shared code it imports, and the build's configuration. */
const INPUTS = ['renderer', 'shared', 'vite.renderer.config.mts', 'postcss.config.cjs', 'package-lock.json'];
/** How the bundle is built (below); changing how invalidates every earlier build. */
const RECIPE = 'vite build --config vite.renderer.config.mts, NODE_ENV=production';

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((e) => e.name !== 'node_modules' && !e.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => files(join(path, e.name)));
}

/** A digest of every file the renderer bundle is built from (names and contents). */
export function rendererSourcesDigest(): string {
  const hash = createHash('sha256').update(RECIPE).update('\0');
  for (const file of INPUTS.flatMap((p) => files(join(ROOT, p)))) hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** Why the bundle must be (re)built, or null when out/renderer was built from the sources as they are. */
export function rendererBuildNeeded(digest = rendererSourcesDigest()): string | null {
  if (!existsSync(join(RENDERER_OUT, 'index.html'))) return 'out/renderer/index.html is missing';
  if (!existsSync(STAMP)) return 'out/renderer was not built by the test setup (no source digest beside it)';
  if (readFileSync(STAMP, 'utf8').trim() !== digest) return 'the renderer sources changed since out/renderer was built';
  return null;
}

/** Build the renderer when it is missing or stale; returns what was done, for the log. */
export function ensureRendererBuilt(): string {
  const digest = rendererSourcesDigest();
  const why = rendererBuildNeeded(digest);
  if (!why) return 'out/renderer is up to date with its sources: not rebuilt';
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.renderer.config.mts', '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
    // Vitest sets NODE_ENV=test, which would make Vite build React's development bundle (StrictMode then
    // runs every effect twice): build exactly what `npm run build:renderer` builds.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error(`Building the renderer failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  writeFileSync(STAMP, `${digest}\n`);
  return `built out/renderer in ${((Date.now() - t0) / 1000).toFixed(1)} s (${why})`;
}
