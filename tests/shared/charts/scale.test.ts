import { describe, expect, it } from 'vitest';
import { axisMax, dragStep, plotRect, roundTo, valueAtY, xOf, yOf } from '../../../shared/charts/scale';

describe('chart scale', () => {
  const rect = plotRect(600, 300);

  it('lays out the plot rectangle from the margins and axis sizes', () => {
    expect(rect).toEqual({ left: 56, top: 20, right: 576, bottom: 268 });
  });

  it('maps time and value to pixels and back', () => {
    expect(xOf(0, 0, 100, rect)).toBe(56);
    expect(xOf(100, 0, 100, rect)).toBe(576);
    expect(xOf(50, 0, 100, rect)).toBe(316);
    expect(yOf(0, 100, rect)).toBe(268);
    expect(yOf(100, 100, rect)).toBe(20);
    expect(valueAtY(yOf(37, 100, rect), 100, rect)).toBeCloseTo(37);
    expect(valueAtY(-50, 100, rect)).toBe(100);
    expect(valueAtY(1000, 100, rect)).toBe(0);
  });

  it('sizes the axis from the peak and a nearby quota, doubling for a high threshold', () => {
    expect(axisMax({ peak: 60, quota: null, threshold: null })).toBe(75);
    expect(axisMax({ peak: 60, quota: 100, threshold: 72 })).toBe(130);
    expect(axisMax({ peak: 60, quota: 5000, threshold: null })).toBe(75); // quota far above: off the chart
    expect(axisMax({ peak: 60, quota: null, threshold: 200 })).toBe(300);
    expect(axisMax({ peak: null, quota: null, threshold: null })).toBe(10);
    // Moving the threshold within the axis does not change it.
    expect(axisMax({ peak: 60, quota: null, threshold: 10 })).toBe(axisMax({ peak: 60, quota: null, threshold: 74 }));
  });

  it('rounds dragged values to a step', () => {
    expect(dragStep(75)).toBe(1);
    expect(dragStep(5)).toBe(0.1);
    expect(roundTo(71.6, 1)).toBe(72);
    expect(roundTo(0.30000000004, 0.1)).toBe(0.3);
  });
});
