/**
 * `npm run bench`: Onramp's performance figures against their budgets (issue: performance). A
 * benchmark, not a test — it never runs in `npm test`. Builds the app, then measures in one run:
 * chart drawing in headless Chromium, CloudWatch requests against moto, the renderer's initial
 * JavaScript, the main process's start and the bundled CLI's start-up. Prints a table and writes bench-results.json.
 */
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, platform, release } from 'node:os';
import { benchCharts } from './chart-bench';
import { benchCliStart } from './cli-bench';
import { benchMainStart, benchRendererSize, benchRequests } from './main-bench';
import { printTable, type BenchRow } from './table';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    console.error('== building the app (electron-vite build) and the bench page');
    execSync('npx electron-vite build', { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const rows: BenchRow[] = [];
  console.error('== charts in headless Chromium');
  await benchCharts(rows);
  console.error('== CloudWatch requests and event loop against moto');
  await benchRequests(rows);
  console.error('== renderer size and main start');
  benchRendererSize(rows);
  await benchMainStart(rows);
  console.error('== CLI start-up (bundled onramp vs bare node)');
  benchCliStart(rows);
  const table = printTable(rows);
  console.log(table);
  const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', os: `${platform()} ${release()}`, node: process.version };
  writeFileSync('bench-results.json', JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2));
  const failed = rows.filter((r) => !r.pass);
  console.log(`\n${rows.length - failed.length} of ${rows.length} figures within budget; results in bench-results.json.`);
  process.exitCode = failed.length ? 1 : 0;
}

void main().then(
  () => process.exit(),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
