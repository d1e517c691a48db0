#!/usr/bin/env node
// Bundles the `onramp` CLI into one CommonJS file, out/cli/onramp.cjs (package.json "bin"): no
// TypeScript compiler at run time. Production dependencies (the AWS SDK, zod) stay external — npm
// installs them with the package — and each command's code loads only when it runs
// (main/cli/commands/entry.ts lazyCommand), so `onramp --help` or `onramp profiles` never pays for
// SDK clients or schemas it does not use. Minified: less to read and parse at every start.
//
// `--outfile <path>` writes the bundle elsewhere (the tests run the CLI from their own copy, so that
// `npm pack` rebuilding out/cli while they run cannot touch it). The file is written beside its place
// and renamed over it, so a process starting the CLI meanwhile reads the old bundle or the new one.
import { build } from 'esbuild';
import { chmodSync, renameSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const at = process.argv.indexOf('--outfile');
const outfile = at > 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]) : `${root}out/cli/onramp.cjs`;
const partial = `${outfile}.${process.pid}.partial`;

await build({
  entryPoints: [`${root}main/cli/index.ts`],
  outfile: partial,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: Object.keys(pkg.dependencies ?? {}),
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync(partial, 0o755);
renameSync(partial, outfile);
console.log(`built ${outfile.replace(root, '')}`);
