import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from './table';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall time of one process run, in ms. */
function time(args: string[], env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const res = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - t0;
  if (res.status !== 0) throw new Error(`${args.join(' ')} exited ${res.status}: ${res.stderr.toString()}`);
  return ms;
}

/**
 * CLI start-up: the bundled `onramp profiles --json` against a bare `node -e ''` on the same machine,
 * in the same run, median of 5 each, interleaved. Budget: within 4× the bare start.
 */
export function benchCliStart(rows: BenchRow[]): void {
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('npm run build:cli failed');
  const dir = mkdtempSync(join(tmpdir(), 'onramp-cli-bench-'));
  writeFileSync(join(dir, 'config'), '[default]\nregion = us-east-1\n[profile dev]\nregion = us-west-2\n');
  writeFileSync(join(dir, 'credentials'), '[default]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = x\n');
  const env = { PATH: process.env.PATH, HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
  const bare: number[] = [];
  const cli: number[] = [];
  time(['out/cli/onramp.cjs', 'profiles', '--json'], env); // warm the file cache once
  for (let i = 0; i < 5; i++) {
    bare.push(time(['-e', ''], env));
    cli.push(time(['out/cli/onramp.cjs', 'profiles', '--json'], env));
  }
  const ratio = median(cli) / median(bare);
  rows.push({ figure: "Bare `node -e ''` start, median of 5", value: Math.round(median(bare)), unit: 'ms', budget: 'reference', pass: true });
  rows.push({ figure: 'CLI `onramp profiles --json` (bundled), median of 5', value: Math.round(median(cli)), unit: 'ms', budget: 'report', pass: true });
  rows.push({ figure: 'CLI start-up vs bare node', value: Math.round(ratio * 10) / 10, unit: '×', budget: '≤ 4×', pass: ratio <= 4 });
}
