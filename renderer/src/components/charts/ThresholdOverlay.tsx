import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Episode } from '../../../../shared/monitoring/backtest';
import type { Datapoint } from '../../../../shared/monitoring/metric';
import { dragStep, nearestPoint, roundTo, timeAtX, valueAtY, xOf, yOf, type PlotRect } from '../../../../shared/charts/scale';
import { formatValue } from './format';

/** ALARM and INSUFFICIENT_DATA are shaded differently: red for would-have-fired, grey for no data to decide on. */
export const SHADES = {
  alarm: { fill: '#fa5252', opacity: 0.18 },
  insufficient: { fill: '#868e96', opacity: 0.22 },
} as const;

/** What the overlay draws above the series: shaded ALARM and INSUFFICIENT_DATA intervals, quota and threshold lines, the hover read-out. */
export interface ThresholdOverlayProps {
  width: number;
  height: number;
  rect: PlotRect;
  start: number;
  end: number;
  yMax: number;
  threshold: number | null;
  episodes: readonly Episode[];
  insufficient: readonly Episode[];
  quota: number | null;
  peak: { t: number; v: number } | null;
  /** The raw series, for the hover read-out (the nearest real datapoint, not the reduction's). */
  points: readonly Datapoint[];
  /** The y axis's unit, written above it ("vCPUs", "USD"). */
  unit?: string;
  onThresholdChange?: (value: number) => void;
}

/**
 * An SVG drawn over the series layer with the same geometry. It is cheap to re-render, so a
 * threshold move (typing, dragging, arrow keys) and the hover read-out only redraw this. The handle
 * is a slider.
 */
export function ThresholdOverlay(props: ThresholdOverlayProps) {
  const { width, height, rect, start, end, yMax, threshold, episodes, insufficient, quota, peak, points, unit, onThresholdChange } = props;
  const dragging = useRef(false);
  const [hover, setHover] = useState<Datapoint | null>(null);
  const onHover = (e: PointerEvent<SVGRectElement>) => {
    const svg = e.currentTarget.ownerSVGElement;
    if (!svg) return;
    const x = e.clientX - svg.getBoundingClientRect().left;
    setHover(nearestPoint(points, timeAtX(x, start, end, rect)));
  };
  const step = dragStep(yMax);
  const clampX = (x: number) => Math.min(rect.right, Math.max(rect.left, x));

  const setFromPointer = (e: PointerEvent<SVGGElement>) => {
    const svg = e.currentTarget.ownerSVGElement;
    if (!svg || !onThresholdChange) return;
    const y = e.clientY - svg.getBoundingClientRect().top;
    onThresholdChange(roundTo(valueAtY(y, yMax, rect), step));
  };
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    if (threshold === null || !onThresholdChange) return;
    const big = step * 10;
    const delta = { ArrowUp: step, ArrowRight: step, ArrowDown: -step, ArrowLeft: -step, PageUp: big, PageDown: -big }[e.key];
    if (delta === undefined) return;
    e.preventDefault();
    onThresholdChange(Math.max(0, roundTo(threshold + delta, step)));
  };

  const ty = threshold !== null ? yOf(Math.min(threshold, yMax), yMax, rect) : null;
  const band = (ep: Episode, shade: (typeof SHADES)[keyof typeof SHADES], title: string) => {
    const x1 = clampX(xOf(ep.start, start, end, rect));
    const x2 = clampX(xOf(ep.end, start, end, rect));
    return (
      <rect key={ep.start} x={x1} y={rect.top} width={Math.max(2, x2 - x1)} height={rect.bottom - rect.top} fill={shade.fill} fillOpacity={shade.opacity}>
        <title>
          {title} {new Date(ep.start).toLocaleString()} – {new Date(ep.end).toLocaleString()}
        </title>
      </rect>
    );
  };
  const hx = hover ? xOf(hover.t, start, end, rect) : null;
  return (
    <svg width={width} height={height} style={{ position: 'absolute', inset: 0, pointerEvents: 'none' }} aria-hidden={threshold === null}>
      {unit && (
        <text x={4} y={10} fontSize={11} style={{ fill: 'var(--mantine-color-dimmed)' }} data-testid="y-unit">
          {unit}
        </text>
      )}
      <g data-testid="insufficient-intervals">{insufficient.map((ep) => band(ep, SHADES.insufficient, 'INSUFFICIENT_DATA (no data to decide on)'))}</g>
      <g data-testid="fired-intervals">{episodes.map((ep) => band(ep, SHADES.alarm, 'Would have been in ALARM'))}</g>
      {/* Hovering anywhere over the plot reads out the nearest real datapoint. */}
      <rect
        data-testid="hover-area"
        x={rect.left}
        y={rect.top}
        width={rect.right - rect.left}
        height={rect.bottom - rect.top}
        fill="transparent"
        style={{ pointerEvents: 'all' }}
        onPointerMove={onHover}
        onPointerLeave={() => setHover(null)}
      />
      {hover && hx !== null && (
        <g data-testid="hover-readout" style={{ pointerEvents: 'none' }}>
          <line x1={hx} x2={hx} y1={rect.top} y2={rect.bottom} stroke="#495057" strokeDasharray="3 3" />
          <circle cx={hx} cy={yOf(Math.min(hover.v, yMax), yMax, rect)} r={3.5} fill="#1c7ed6" />
          <text
            x={Math.min(hx + 6, rect.right - 4)}
            y={rect.top + 12}
            fontSize={11}
            textAnchor={hx + 6 > rect.right - 150 ? 'end' : 'start'}
            style={{ fill: 'var(--mantine-color-text)', paintOrder: 'stroke', stroke: 'var(--mantine-color-body)', strokeWidth: 3 }}
          >
            {new Date(hover.t).toLocaleString()}: {formatValue(hover.v)}
            {unit ? ` ${unit}` : ''}
          </text>
        </g>
      )}
      {quota !== null && quota <= yMax && (
        <g>
          <line x1={rect.left} x2={rect.right} y1={yOf(quota, yMax, rect)} y2={yOf(quota, yMax, rect)} stroke="#fd7e14" strokeDasharray="6 4" />
          <text x={rect.left + 4} y={yOf(quota, yMax, rect) - 4} fontSize={11} fill="#d9480f">
            quota {formatValue(quota)}
          </text>
        </g>
      )}
      {peak && (
        <circle cx={xOf(peak.t, start, end, rect)} cy={yOf(peak.v, yMax, rect)} r={4} style={{ fill: 'var(--mantine-color-body)' }} stroke="#1c7ed6" strokeWidth={2}>
          <title>Peak {peak.v}</title>
        </circle>
      )}
      {ty !== null && threshold !== null && !onThresholdChange && (
        <g aria-hidden>
          <line x1={rect.left} x2={rect.right} y1={ty} y2={ty} stroke="#e03131" strokeWidth={2} />
          <text x={rect.right - 4} y={ty - 5} fontSize={11} fill="#c92a2a" textAnchor="end">
            threshold {formatValue(threshold)}
          </text>
        </g>
      )}
      {ty !== null && threshold !== null && onThresholdChange && (
        <g
          role="slider"
          aria-label="Threshold"
          aria-valuemin={0}
          aria-valuemax={yMax}
          aria-valuenow={threshold}
          aria-orientation="vertical"
          tabIndex={0}
          style={{ pointerEvents: 'all', cursor: 'ns-resize', outline: 'none' }}
          onKeyDown={onKeyDown}
          onPointerDown={(e) => {
            dragging.current = true;
            e.currentTarget.setPointerCapture?.(e.pointerId);
            setFromPointer(e);
          }}
          onPointerMove={(e) => {
            if (dragging.current) setFromPointer(e);
          }}
          onPointerUp={(e) => {
            dragging.current = false;
            e.currentTarget.releasePointerCapture?.(e.pointerId);
          }}
        >
          {/* A wide transparent band makes the line easy to grab. */}
          <rect x={rect.left} y={ty - 6} width={rect.right - rect.left} height={12} fill="transparent" />
          <line x1={rect.left} x2={rect.right} y1={ty} y2={ty} stroke="#e03131" strokeWidth={2} />
          <rect x={rect.right - 62} y={ty - 10} width={62} height={20} rx={4} fill="#e03131" />
          <text x={rect.right - 31} y={ty + 4} fontSize={11} fill="#fff" textAnchor="middle">
            ⇕ {formatValue(threshold)}
          </text>
        </g>
      )}
    </svg>
  );
}
