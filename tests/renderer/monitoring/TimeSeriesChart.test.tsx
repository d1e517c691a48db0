// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { TimeSeriesChart } from '../../../renderer/src/components/charts/TimeSeriesChart';
import { axisMax, plotRect, xOf, yOf } from '../../../shared/charts/scale';
import { renderUi } from '../helpers/dom';

const P5 = 300_000;
const START = 1_700_000_000_000 - (1_700_000_000_000 % P5);
// 63 days of 5-minute data with one spike.
const POINTS = Array.from({ length: 18_144 }, (_, i) => ({ t: START + i * P5, v: i === 9_000 ? 850 : 100 + (i % 50) }));
const END = START + POINTS.length * P5;

function Harness({ onSeriesRender }: { onSeriesRender: () => void }) {
  const [threshold, setThreshold] = useState(1000);
  return (
    <>
      <TimeSeriesChart label="usage" points={POINTS} start={START} end={END} threshold={threshold} onThresholdChange={setThreshold} onSeriesRender={onSeriesRender} />
      <button onClick={() => setThreshold((t) => t - 100)}>lower</button>
      <output aria-label="value">{threshold}</output>
    </>
  );
}

describe('TimeSeriesChart', () => {
  it('draws an M4 reduction sized to its width, never the raw points', () => {
    renderUi(<Harness onSeriesRender={() => undefined} />);
    const figure = screen.getByRole('figure', { name: 'usage' });
    const drawn = Number(figure.getAttribute('data-points'));
    // Fallback width 640 → plot width 640 − 56 − 24 = 560 columns, at most 4 points each.
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThanOrEqual(4 * 560);
  });

  it('keeps the one-slot spike through the reduction: the drawn path reaches 850 exactly where it happened', () => {
    renderUi(<Harness onSeriesRender={() => undefined} />);
    const figure = screen.getByRole('figure', { name: 'usage' });
    const path = figure.querySelector('svg[data-series-points] path')!.getAttribute('d')!;
    const vertices = [...path.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
    expect(vertices.length).toBe(Number(figure.getAttribute('data-points')));
    expect(vertices.length).toBeLessThan(POINTS.length / 4);
    // The highest vertex (smallest y) is the spike, on the axis the chart uses (peak 850, threshold 1000).
    const rect = plotRect(640, 300);
    const yMax = axisMax({ peak: 850, quota: null, threshold: 1000 });
    const top = vertices.reduce((a, b) => (b.y < a.y ? b : a));
    expect(top.y).toBeCloseTo(yOf(850, yMax, rect), 0);
    expect(top.x).toBeCloseTo(xOf(POINTS[9_000]!.t, START, END, rect), 0);
    // and nothing else is drawn that high: the next highest value in the data is 149
    expect(vertices.filter((v) => v.y < yOf(150, yMax, rect))).toHaveLength(1);
  });

  it('reads out the nearest raw datapoint under the pointer, with the unit', () => {
    renderUi(<TimeSeriesChart label="usage" points={POINTS} start={START} end={END} unit="vCPUs" />);
    const area = screen.getByTestId('hover-area') as unknown as SVGRectElement;
    const svg = area.ownerSVGElement!;
    svg.getBoundingClientRect = () => ({ left: 0, top: 0, right: 640, bottom: 300, width: 640, height: 300, x: 0, y: 0, toJSON: () => ({}) });
    const rect = plotRect(640, 300);
    fireEvent.pointerMove(area, { clientX: xOf(POINTS[9_000]!.t, START, END, rect), clientY: 100 });
    const readout = screen.getByTestId('hover-readout');
    expect(readout).toHaveTextContent(`${new Date(POINTS[9_000]!.t).toLocaleString()}: 850 vCPUs`);
    fireEvent.pointerLeave(area);
    expect(screen.queryByTestId('hover-readout')).toBeNull();
    expect(screen.getByTestId('y-unit')).toHaveTextContent('vCPUs');
  });

  it('shades ALARM and INSUFFICIENT_DATA intervals differently', () => {
    renderUi(
      <TimeSeriesChart
        label="usage"
        points={POINTS}
        start={START}
        end={END}
        episodes={[{ start: START + P5 * 100, end: START + P5 * 200 }]}
        insufficient={[{ start: START, end: START + P5 * 50 }, { start: START + P5 * 300, end: START + P5 * 400 }]}
      />,
    );
    const alarm = screen.getByTestId('fired-intervals').querySelectorAll('rect');
    const insufficient = screen.getByTestId('insufficient-intervals').querySelectorAll('rect');
    expect(alarm).toHaveLength(1);
    expect(insufficient).toHaveLength(2);
    expect(alarm[0]!.getAttribute('fill')).not.toBe(insufficient[0]!.getAttribute('fill'));
    expect(insufficient[0]!.textContent).toMatch(/INSUFFICIENT_DATA/);
  });

  it('moves the threshold (keys, programmatic) without re-rendering the series layer', () => {
    let renders = 0;
    renderUi(<Harness onSeriesRender={() => renders++} />);
    const before = renders;
    expect(before).toBeGreaterThan(0);
    const slider = screen.getByRole('slider', { name: 'Threshold' });
    expect(slider).toHaveAttribute('aria-valuenow', '1000');
    fireEvent.keyDown(slider, { key: 'ArrowDown' });
    fireEvent.keyDown(slider, { key: 'PageDown' });
    expect(screen.getByLabelText('value')).toHaveTextContent('989');
    fireEvent.click(screen.getByRole('button', { name: 'lower' }));
    expect(screen.getByRole('slider', { name: 'Threshold' })).toHaveAttribute('aria-valuenow', '889');
    expect(renders).toBe(before);
  });
});
