import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budget for the renderer's initial JavaScript, gzipped (README, "Performance"). */
export const INITIAL_JS_BUDGET_KB = 180;

/**
 * The renderer's initial JavaScript in a built folder: the scripts index.html loads at start-up (the
 * entry module and its modulepreloads), each gzipped at level 9. Chunks loaded later by a dynamic
 * import are not listed in index.html, so they do not count.
 */
export function initialJs(dir: string): { files: string[]; gzipBytes: number } {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const gzipBytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
  return { files, gzipBytes };
}
