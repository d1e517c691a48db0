/**
 * vCPU-hours (the area under the usage curve) and what they cost. Convention: each datapoint stands
 * for its whole period at its value (value × period / 3600 vCPU-hours); a period without a datapoint
 * counts as zero usage, because AWS/Usage publishes nothing while nothing runs. The total is thus a
 * lower bound when data is missing for any other reason, and with the Maximum statistic an upper
 * bound of real usage within each period (Average is the closer estimate of cost).
 */
import type { Datapoint } from './metric';

/** The area under the curve in vCPU-hours. */
export function vcpuHours(points: readonly Datapoint[], periodSeconds: number): number {
  let sum = 0;
  for (const p of points) if (Number.isFinite(p.v) && p.v > 0) sum += p.v;
  return (sum * periodSeconds) / 3600;
}

/** Start of the UTC calendar month containing `t` (epoch ms). */
export function monthStartUtc(t: number): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/** Start of the next UTC calendar month after `t` (epoch ms). */
export function nextMonthStartUtc(t: number): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** What the usage over a window costs, and where the month is heading. */
export interface UsageCost {
  vcpuHours: number;
  /** vcpuHours × price. */
  cost: number;
  /** Mean vCPUs running over the window (vcpuHours / window hours). */
  averageVcpus: number;
  /** vCPU-hours since the start of this UTC month, as far as the window reaches back. */
  monthToDateVcpuHours: number;
  /** False when the window starts after the month began, so month-to-date misses the early days. */
  monthToDateComplete: boolean;
  /** Month-to-date plus the window's average rate for the rest of the month. */
  projectedMonthVcpuHours: number;
  projectedMonthCost: number;
}

/** The cost estimate of a series at a price per vCPU-hour, with a projection to the end of the UTC month. */
export function usageCost(
  points: readonly Datapoint[],
  window: { start: number; end: number; period: number },
  pricePerVcpuHour: number,
  now: number,
): UsageCost {
  const hours = vcpuHours(points, window.period);
  const windowHours = Math.max(0, Math.min(window.end, now) - window.start) / 3_600_000;
  const averageVcpus = windowHours > 0 ? hours / windowHours : 0;
  const monthStart = monthStartUtc(now);
  const monthToDate = vcpuHours(points.filter((p) => p.t >= monthStart && p.t < now), window.period);
  const remainingHours = Math.max(0, nextMonthStartUtc(now) - now) / 3_600_000;
  const projected = monthToDate + averageVcpus * remainingHours;
  return {
    vcpuHours: hours,
    cost: hours * pricePerVcpuHour,
    averageVcpus,
    monthToDateVcpuHours: monthToDate,
    monthToDateComplete: window.start <= monthStart,
    projectedMonthVcpuHours: projected,
    projectedMonthCost: projected * pricePerVcpuHour,
  };
}
