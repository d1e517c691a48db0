#!/usr/bin/env node
// Bundles the `onramp` CLI into one CommonJS file, out/cli/onramp.cjs (package.json "bin"): no
// TypeScript compiler at run time. The AWS SDK stays external — npm installs it with the package —
// and the core's modules load on first use, so `onramp --help` or `onramp profiles` never pays for
// SDK clients it does not call. zod is bundled and the whole file minified: one file to read and
// parse instead of zod's hundreds, which is most of the start-up left (npm run bench measures it).
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const outfile = `${root}out/cli/onramp.cjs`;

await build({
  entryPoints: [`${root}main/cli/index.ts`],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: Object.keys(pkg.dependencies ?? {}).filter((d) => d !== 'zod'),
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
console.log(`built ${outfile.replace(root, '')}`);
