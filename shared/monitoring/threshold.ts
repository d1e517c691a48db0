/**
 * Threshold suggestion and sanity warnings, derived from a metric's history. The platform's own
 * advice (docs/platform-api.md#onboarding, "Billing advice"): "last week's highest ~850, so alarm above 1000".
 */
import type { Datapoint } from './metric';

/** Headroom added above the peak before rounding. */
export const HEADROOM = 0.2;

/** A suggested threshold and why; value is null when the history cannot support a suggestion. */
export interface ThresholdSuggestion {
  value: number | null;
  reason: string;
}

/** The highest datapoint (earliest on ties), or null for an empty series. */
export function peakOf(points: readonly Datapoint[]): Datapoint | null {
  let best: Datapoint | null = null;
  for (const p of points) if (Number.isFinite(p.v) && (best === null || p.v > best.v)) best = p;
  return best;
}

/**
 * Round up to a "nice" number: two significant digits from 10 up, a whole number from 1 to 10, one
 * significant digit below 1. 1020 → 1100, 1234 → 1300, 850 → 850, 7.2 → 8, 0.36 → 0.4.
 */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 0;
  const exp = Math.floor(Math.log10(value));
  const step = value >= 10 ? 10 ** (exp - 1) : value >= 1 ? 1 : 10 ** exp;
  // Trim floating-point noise (1020.0000000001 must not become 1100 + step) before rounding up.
  const units = Number((value / step).toPrecision(12));
  return Number((Math.ceil(units) * step).toPrecision(12));
}

function fmt(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

/**
 * Suggest a threshold: the peak plus 20% headroom, rounded up to a nice number; kept below the quota
 * (an alarm above the quota could never fire) when the quota is known.
 */
export function suggestThreshold(points: readonly Datapoint[], quota: number | null = null): ThresholdSuggestion {
  const peak = peakOf(points);
  if (!peak) return { value: null, reason: 'No datapoints in this range, so there is no history to base a threshold on.' };
  if (peak.v <= 0) return { value: 1, reason: 'Usage was zero throughout this range; 1 alarms on any usage at all.' };
  const raised = niceCeil(peak.v * (1 + HEADROOM));
  if (quota !== null && quota > 0 && raised >= quota) {
    const capped = Math.floor(quota * 0.9);
    if (capped > peak.v) {
      return { value: capped, reason: `peak ${fmt(peak.v)} + 20% headroom would reach the quota of ${fmt(quota)}; 90% of the quota instead.` };
    }
    return { value: Math.max(peak.v, 0), reason: `peak ${fmt(peak.v)} is already close to the quota of ${fmt(quota)}; alarm at the peak.` };
  }
  return { value: raised, reason: `peak ${fmt(peak.v)} + 20% headroom, rounded up to ${fmt(raised)}.` };
}

/** The median of the datapoints' values, or null for an empty series: "normal" usage. */
export function typicalValue(points: readonly Datapoint[]): number | null {
  const values = points.map((p) => p.v).filter(Number.isFinite).sort((a, b) => a - b);
  if (values.length === 0) return null;
  const mid = Math.floor(values.length / 2);
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

/** A warning about a threshold the user typed. */
export interface ThresholdWarning {
  kind: 'aboveQuota' | 'belowNormal';
  message: string;
}

/**
 * Warn when the threshold is at or above the quota (usage cannot exceed it, so the alarm could never
 * fire) or below the median of the history (it would be in ALARM most of the time).
 */
export function thresholdWarnings(threshold: number, points: readonly Datapoint[], quota: number | null): ThresholdWarning[] {
  const warnings: ThresholdWarning[] = [];
  if (quota !== null && threshold >= quota) {
    warnings.push({ kind: 'aboveQuota', message: `The threshold ${fmt(threshold)} is at or above the vCPU quota of ${fmt(quota)}: usage cannot go that high, so this alarm could never fire.` });
  }
  const normal = typicalValue(points);
  if (normal !== null && threshold < normal) {
    warnings.push({ kind: 'belowNormal', message: `The threshold ${fmt(threshold)} is below normal usage (median ${fmt(normal)} in this range): the alarm would fire almost constantly.` });
  }
  return warnings;
}
