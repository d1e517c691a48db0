// The chart benchmark page: draws Onramp's TimeSeriesChart (M4-reduced) and, for comparison,
// recharts given every raw point, and times each until the next painted frame.
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { Line, LineChart, XAxis, YAxis } from 'recharts';
import { TimeSeriesChart } from '../../../renderer/src/components/charts/TimeSeriesChart';
import { backtest } from '../../../shared/monitoring/backtest';
import type { Datapoint } from '../../../shared/monitoring/metric';

const WIDTH = 1000;
const HEIGHT = 320;
const container = document.getElementById('root')!;
let root: Root | null = null;

/** A deterministic usage series: a daily cycle, noise and a few spikes. */
function series(n: number, periodMs: number): Datapoint[] {
  const out: Datapoint[] = [];
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const t0 = Date.UTC(2026, 0, 1);
  for (let i = 0; i < n; i++) {
    const daily = 300 + 200 * Math.sin((2 * Math.PI * i * periodMs) / 86_400_000);
    const spike = i % 4999 === 1234 ? 600 : 0;
    out.push({ t: t0 + i * periodMs, v: Math.round(daily + rand() * 80 + spike) });
  }
  return out;
}

const nextPaint = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

function mount(): Root {
  root?.unmount();
  container.innerHTML = '';
  root = createRoot(container);
  return root;
}

/** Time from render to the first painted frame, in ms. */
async function timeDraw(kind: 'onramp' | 'recharts', n: number): Promise<number> {
  const pts = series(n, 300_000);
  const r = mount();
  await nextPaint();
  const t0 = performance.now();
  flushSync(() => {
    if (kind === 'onramp') {
      r.render(<TimeSeriesChart points={pts} start={pts[0]!.t} end={pts.at(-1)!.t + 300_000} height={HEIGHT} threshold={900} label="bench" />);
    } else {
      r.render(
        <LineChart width={WIDTH} height={HEIGHT} data={pts}>
          <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} />
          <YAxis />
          <Line dataKey="v" dot={false} isAnimationActive={false} />
        </LineChart>,
      );
    }
  });
  await nextPaint();
  return performance.now() - t0;
}

/**
 * Time of each threshold move with n points loaded: the backtest on the raw points, React's render of
 * the line and shading, and the browser's style and layout (forced), i.e. the main-thread work an
 * update costs. Painting then happens on the next frame, which is not counted (it is vsync-bound).
 */
async function timeThresholdMoves(n: number, moves: number): Promise<number[]> {
  const pts = series(n, 300_000);
  const window = { start: pts[0]!.t, end: pts.at(-1)!.t + 300_000, period: 300 };
  const r = mount();
  const draw = (threshold: number) => {
    const result = backtest(pts, window, { threshold, comparison: 'gt', evaluationPeriods: 3, datapointsToAlarm: 2, treatMissing: 'notBreaching' });
    r.render(<TimeSeriesChart points={pts} start={window.start} end={window.end} height={HEIGHT} threshold={threshold} episodes={result.episodes} label="bench" onThresholdChange={() => undefined} />);
  };
  flushSync(() => draw(900));
  await nextPaint();
  const times: number[] = [];
  for (let i = 0; i < moves; i++) {
    const t0 = performance.now();
    flushSync(() => draw(700 + (i % 40) * 10));
    container.getBoundingClientRect();
    void document.body.offsetHeight;
    times.push(performance.now() - t0);
    await nextPaint();
  }
  return times;
}

/** The largest value plotted equals the true maximum (the reduction never loses a peak). */
function plottedMax(): number {
  const n = Number(container.querySelector('[data-points]')?.getAttribute('data-points') ?? 0);
  return n;
}

declare global {
  interface Window {
    bench: { timeDraw: typeof timeDraw; timeThresholdMoves: typeof timeThresholdMoves; plottedPoints: typeof plottedMax };
  }
}
window.bench = { timeDraw, timeThresholdMoves, plottedPoints: plottedMax };
document.title = 'ready';
