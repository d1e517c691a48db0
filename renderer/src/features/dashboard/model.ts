/**
 * The dashboard's pure model: alarm state colours and changes between refreshes, refresh choices,
 * relative times and the usage cost rows (from shared/monitoring/cost, as the CLI computes them).
 */
import type { AlarmDeletePlan, AlarmDeleteResult, AlarmSummary, AlarmTopic, RegionSummary } from '../../../../shared/contract/monitoring';
import { usageCost, type UsageCost } from '../../../../shared/monitoring/cost';
import type { Datapoint } from '../../../../shared/monitoring/metric';

export type { AlarmSummary, RegionSummary } from '../../../../shared/contract/monitoring';
/** An alarm with the region it lives in. */
export type RegionAlarm = AlarmSummary & { region: string };

/** Badge colour of an alarm state. */
export function stateColor(state: AlarmSummary['state']): string {
  switch (state) {
    case 'OK':
      return 'teal';
    case 'ALARM':
      return 'red';
    case 'INSUFFICIENT_DATA':
      return 'gray';
  }
}

/** Every alarm of the regions that answered, sorted by region then name. */
export function alarmsOf(regions: readonly RegionSummary[]): RegionAlarm[] {
  const out: RegionAlarm[] = [];
  for (const r of regions) if (r.ok) for (const a of r.alarms) out.push({ ...a, region: r.region });
  return out.sort((a, b) => a.region.localeCompare(b.region) || a.alarmName.localeCompare(b.alarmName));
}

/** A state change seen between two refreshes. */
export interface StateChange {
  region: string;
  alarmName: string;
  from: AlarmSummary['state'];
  to: AlarmSummary['state'];
}

/** Alarms whose state differs from the previous refresh (new and vanished alarms are not changes). */
export function stateChanges(previous: readonly RegionAlarm[] | null, next: readonly RegionAlarm[]): StateChange[] {
  if (!previous) return [];
  const before = new Map(previous.map((a) => [`${a.region}\u0000${a.alarmName}`, a.state]));
  const changes: StateChange[] = [];
  for (const a of next) {
    const from = before.get(`${a.region}\u0000${a.alarmName}`);
    if (from && from !== a.state) changes.push({ region: a.region, alarmName: a.alarmName, from, to: a.state });
  }
  return changes;
}

/** The notification text of a change. */
export function changeMessage(c: StateChange): { title: string; body: string } {
  return { title: `${c.alarmName} is ${c.to}`, body: `${c.region}: ${c.from} → ${c.to}` };
}

/** Refresh interval choices (ms); 5 minutes by default. */
export const REFRESH_OPTIONS: ReadonlyArray<{ value: string; label: string }> = [
  { value: '60000', label: 'Every minute' },
  { value: '300000', label: 'Every 5 minutes' },
  { value: '900000', label: 'Every 15 minutes' },
  { value: '3600000', label: 'Every hour' },
];
export const DEFAULT_REFRESH_MS = 300_000;

/** The refresh choices, including the current interval when it is not one of them (e.g. 2 minutes from Settings). */
export function refreshOptions(currentMs: number): Array<{ value: string; label: string }> {
  if (REFRESH_OPTIONS.some((o) => Number(o.value) === currentMs)) return [...REFRESH_OPTIONS];
  const s = Math.round(currentMs / 1000);
  const label = s % 60 === 0 ? `Every ${s / 60} minutes` : `Every ${s} seconds`;
  return [...REFRESH_OPTIONS, { value: String(currentMs), label }].sort((a, b) => Number(a.value) - Number(b.value));
}

/** "just now", "3 min ago", "2 h ago". */
export function ago(then: number, now: number): string {
  const s = Math.max(0, Math.round((now - then) / 1000));
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.round(h / 24)} days ago`;
}

/** A topic's name from its ARN. */
export function topicNameOf(arn: string): string {
  return arn.split(':').pop() ?? arn;
}

/** "5 min", "1 h". */
export function shortPeriod(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** Headroom text: "940 vCPUs below the quota of 1000", "quota unknown", or nothing for all classes (each class has its own). */
export function headroomText(r: Extract<RegionSummary, { ok: true }>): string | null {
  if (r.usageClass === 'all') return null;
  if (r.headroom !== null && r.quota !== null) return `${r.headroom} vCPUs below the quota of ${r.quota}`;
  if (r.quota !== null) return `quota ${r.quota} vCPUs (no recent usage)`;
  return 'quota unknown';
}

/** A usage class as a card's breakdown names it: "Standard", "G" for the On-Demand classes (the table says On-Demand), else in full. */
export function classLabel(usageClass: string): string {
  return usageClass.endsWith('/OnDemand') ? usageClass.slice(0, -'/OnDemand'.length) : usageClass;
}

/**
 * The quota notes of the regions that answered, each said once (the same "quota cannot be read" note
 * would otherwise repeat, with its quota code, on every card).
 */
export function quotaNotes(regions: readonly RegionSummary[]): string[] {
  const notes = regions.flatMap((r) => (r.ok && r.quotaNote ? [r.quotaNote.replace(new RegExp(` in ${r.region}\\b`, 'g'), '')] : []));
  return [...new Set(notes)];
}

/** The cost of one region's series over a window, with its usage classes' own share. */
export interface CostRow {
  region: string;
  cost: UsageCost;
  /** Each class's cost (classes without usage left out); empty for a single class. */
  byClass: { usageClass: string; cost: UsageCost }[];
}

/** One region's series for the cost table: the total, and (for all usage classes) each class's. */
export interface CostSeries {
  region: string;
  points: readonly Datapoint[];
  byClass?: ReadonlyArray<{ usageClass: string; points: readonly Datapoint[] }>;
  start: number;
  end: number;
  period: number;
}

/** Cost rows per region (with a per-class breakdown) and their total, at a price per vCPU-hour. */
export function costTable(series: ReadonlyArray<CostSeries>, pricePerVcpuHour: number, now: number): { rows: CostRow[]; total: UsageCost } {
  const rows = series.map((s) => ({
    region: s.region,
    cost: usageCost(s.points, s, pricePerVcpuHour, now),
    byClass: (s.byClass ?? []).filter((c) => c.points.length > 0).map((c) => ({ usageClass: c.usageClass, cost: usageCost(c.points, s, pricePerVcpuHour, now) })),
  }));
  const total: UsageCost = {
    vcpuHours: 0,
    cost: 0,
    averageVcpus: 0,
    monthToDateVcpuHours: 0,
    monthToDateComplete: rows.every((r) => r.cost.monthToDateComplete),
    projectedMonthVcpuHours: 0,
    projectedMonthCost: 0,
  };
  for (const { cost } of rows) {
    total.vcpuHours += cost.vcpuHours;
    total.cost += cost.cost;
    total.averageVcpus += cost.averageVcpus;
    total.monthToDateVcpuHours += cost.monthToDateVcpuHours;
    total.projectedMonthVcpuHours += cost.projectedMonthVcpuHours;
    total.projectedMonthCost += cost.projectedMonthCost;
  }
  return { rows, total };
}

/** "$1,234.56". */
export function usd(value: number): string {
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A number with at most one decimal, grouped ("1,234.5"). */
export function num(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** The topics a delete in these regions may remove with the alarm: Onramp's, used by no other alarm. */
export function deletableTopics(plan: AlarmDeletePlan, regions: readonly string[]): AlarmTopic[] {
  return plan.topics.filter((t) => t.status === 'deletable' && regions.includes(t.region));
}

/** One line per topic a delete in these regions keeps whatever is chosen, with why. */
export function keptTopicLines(plan: AlarmDeletePlan, regions: readonly string[]): string[] {
  return plan.topics.filter((t) => t.status === 'kept' && regions.includes(t.region)).map((t) => `Topic ${topicNameOf(t.topicArn)} in ${t.region}: ${t.reason}.`);
}

/** What a delete did, in one notification: where it was deleted, where there was none, and the topics. */
export function deleteSummary(r: AlarmDeleteResult): { title: string; message: string; ok: boolean } {
  const parts = [
    r.deletedIn.length ? `Deleted in ${r.deletedIn.join(', ')}.` : '',
    r.notFoundIn.length ? `None in ${r.notFoundIn.join(', ')}.` : '',
    ...r.failed.map((f) => `Not deleted in ${f.region}: ${f.message}`),
    ...r.topics.map((t) => `Topic ${topicNameOf(t.topicArn)} (${t.region}) ${t.status === 'deleted' ? 'deleted' : 'kept'}: ${t.reason}.`),
  ].filter(Boolean);
  return { title: r.failed.length ? `${r.alarmName} was not deleted everywhere` : 'Alarm deleted', message: parts.join(' '), ok: r.failed.length === 0 };
}
