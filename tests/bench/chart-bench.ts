import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, serveStatic } from '../e2e/harness';
import type { BenchRow } from './table';

// Page globals, for the callbacks that run inside Chromium (this file is type-checked without DOM types).
declare const document: { title: string };
declare const window: { bench: { timeDraw(kind: 'onramp' | 'recharts', n: number): Promise<number>; timeThresholdMoves(n: number, moves: number): Promise<number[]> } };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;

/** Chart drawing in headless Chromium: Onramp's chart vs recharts with raw points, and threshold moves. */
export async function benchCharts(rows: BenchRow[]): Promise<void> {
  execSync('npx vite build --config tests/bench/vite.bench.config.mts', { stdio: ['ignore', 'ignore', 'inherit'] });
  const server = await serveStatic(resolve(process.cwd(), 'out', 'bench'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 500 } });
    await page.goto(`${server.url}index.html`);
    await page.waitForFunction(() => document.title === 'ready');
    const draws = async (kind: 'onramp' | 'recharts', n: number, runs: number) => {
      const out: number[] = [];
      for (let i = 0; i < runs; i++) out.push(await page.evaluate(([k, c]) => window.bench.timeDraw(k as 'onramp' | 'recharts', c as number), [kind, n]));
      return out;
    };
    // Warm up both code paths (JIT, first mount) before measuring.
    await draws('onramp', 18_144, 2);
    await draws('recharts', 2_000, 1);
    const ours18 = median(await draws('onramp', 18_144, 9));
    const raw18 = median(await draws('recharts', 18_144, 3));
    const ours105 = median(await draws('onramp', 105_120, 7));
    const moves = median(await page.evaluate(() => window.bench.timeThresholdMoves(18_144, 40)));
    rows.push({ figure: 'Chart, 18,144 points (63 d at 5 min), render to first paint, median', value: round(ours18), unit: 'ms', budget: '≤ 100', pass: ours18 <= 100 });
    rows.push({ figure: 'recharts drawing the raw 18,144 points, same run, median', value: round(raw18), unit: 'ms', budget: 'reference', pass: true });
    rows.push({ figure: 'Speed-up over raw recharts at 18,144 points', value: round(raw18 / ours18), unit: '×', budget: '≥ 8', pass: raw18 / ours18 >= 8 });
    rows.push({ figure: 'Chart, 105,120 points, render to first paint, median', value: round(ours105), unit: 'ms', budget: '≤ 100', pass: ours105 <= 100 });
    rows.push({ figure: 'Threshold move with 18,144 points (backtest + render + layout of line and shading), median', value: round(moves), unit: 'ms', budget: '≤ 16', pass: moves <= 16 });
  } finally {
    await browser.close();
    await server.close();
  }
}
