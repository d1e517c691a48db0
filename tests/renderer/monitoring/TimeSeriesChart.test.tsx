// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { TimeSeriesChart } from '../../../renderer/src/components/charts/TimeSeriesChart';
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
