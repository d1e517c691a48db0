#!/usr/bin/env node
// Bundles the `onramp` CLI into one CommonJS file, out/cli/onramp.cjs (package.json "bin"): no
// TypeScript compiler at run time. Production dependencies (the AWS SDK, zod) stay external — npm
// installs them with the package — and each command's code loads only when it runs
// (main/cli/commands/entry.ts lazyCommand), so `onramp --help` or `onramp profiles` never pays for
// SDK clients or schemas it does not use. Minified: less to read and parse at every start.
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
  external: Object.keys(pkg.dependencies ?? {}),
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
console.log(`built ${outfile.replace(root, '')}`);
