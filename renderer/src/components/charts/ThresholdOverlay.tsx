import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { Episode } from '../../../../shared/monitoring/backtest';
import { dragStep, roundTo, valueAtY, xOf, yOf, type PlotRect } from '../../../../shared/charts/scale';
import { formatValue } from './format';

/** What the overlay draws above the series: shaded would-have-fired intervals, quota and threshold lines. */
export interface ThresholdOverlayProps {
  width: number;
  height: number;
  rect: PlotRect;
  start: number;
  end: number;
  yMax: number;
  threshold: number | null;
  episodes: readonly Episode[];
  quota: number | null;
  peak: { t: number; v: number } | null;
  onThresholdChange?: (value: number) => void;
}

/**
 * An SVG drawn over the series layer with the same geometry. It is cheap to re-render, so a
 * threshold move (typing, dragging, arrow keys) only redraws this. The handle is a slider.
 */
export function ThresholdOverlay(props: ThresholdOverlayProps) {
  const { width, height, rect, start, end, yMax, threshold, episodes, quota, peak, onThresholdChange } = props;
  const dragging = useRef(false);
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
  return (
    <svg width={width} height={height} style={{ position: 'absolute', inset: 0, pointerEvents: 'none' }} aria-hidden={threshold === null}>
      <g data-testid="fired-intervals">
        {episodes.map((ep) => {
          const x1 = clampX(xOf(ep.start, start, end, rect));
          const x2 = clampX(xOf(ep.end, start, end, rect));
          return (
            <rect key={ep.start} x={x1} y={rect.top} width={Math.max(2, x2 - x1)} height={rect.bottom - rect.top} fill="#fa5252" fillOpacity={0.18}>
              <title>Would have fired {new Date(ep.start).toLocaleString()} – {new Date(ep.end).toLocaleString()}</title>
            </rect>
          );
        })}
      </g>
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
