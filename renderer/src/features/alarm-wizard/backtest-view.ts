/**
 * The backtest as the wizard shows it: the form's conditions, CloudWatch's evaluation replayed over
 * the RAW history (never the chart's reduction), the sentences that sum it up, and the threshold
 * warnings — the same shared code the CLI runs, so both give the same numbers.
 */
import type { UsageHistory } from '../../../../shared/contract/usage';
import { AlarmConditionsSchema } from '../../../../shared/monitoring/alarm-config';
import type { NotifyOn } from '../../../../shared/monitoring/alarm-inputs';
import { backtest, type AlarmState, type BacktestConditions, type BacktestResult } from '../../../../shared/monitoring/backtest';
import type { RangeId } from '../../../../shared/monitoring/range';
import { thresholdWarnings, typicalValue, type ThresholdWarning } from '../../../../shared/monitoring/threshold';
import { parseNumber, RANGE_LABELS, type AlarmForm } from './form';

/** The backtest conditions of the form, or null while any condition field is invalid. */
export function conditionsOf(form: AlarmForm): BacktestConditions | null {
  const parsed = AlarmConditionsSchema.safeParse({
    stat: form.stat,
    threshold: parseNumber(form.threshold),
    comparison: form.comparison,
    period: form.period,
    evaluationPeriods: parseNumber(form.evaluationPeriods),
    datapointsToAlarm: parseNumber(form.datapointsToAlarm),
    treatMissing: form.treatMissing,
  });
  return parsed.success ? parsed.data : null;
}

/** Replay the alarm over the RAW history. */
export function backtestOf(history: UsageHistory, conditions: BacktestConditions): BacktestResult {
  return backtest(history.points, { start: history.start, end: history.end, period: history.period }, conditions);
}

/** "This alarm would have fired 3 times in the last week." */
export function firedSentence(result: BacktestResult, range: RangeId): string {
  const phrase = RANGE_LABELS[range].phrase;
  if (result.evaluations === 0) return `The range is shorter than one evaluation (${result.evaluationRange} periods): choose a longer range to see when this alarm would have fired.`;
  if (result.breaches === 0) return `This alarm would not have fired in ${phrase}.`;
  return `This alarm would have fired ${result.breaches === 1 ? 'once' : `${result.breaches} times`} in ${phrase}.`;
}

/** "3 days 4 hours", "45 minutes". */
export function durationText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts = [days ? `${days} day${days === 1 ? '' : 's'}` : '', hours ? `${hours} hour${hours === 1 ? '' : 's'}` : '', !days && mins ? `${mins} minute${mins === 1 ? '' : 's'}` : ''].filter(Boolean);
  return parts.join(' ') || '0 minutes';
}

/** How long the alarm would have been INSUFFICIENT_DATA, or null when never. */
export function insufficientSentence(result: BacktestResult): string | null {
  const ms = result.insufficient.reduce((sum, e) => sum + (e.end - e.start), 0);
  if (ms === 0) return null;
  return `It would have been INSUFFICIENT_DATA for ${durationText(ms)} in all: no data in the whole evaluation range of ${result.evaluationRange} periods.`;
}

/** How many times each state would have been entered (one notification each, when notified on), from a new alarm's INSUFFICIENT_DATA. */
export function transitionsInto(result: BacktestResult): Record<AlarmState, number> {
  const counts: Record<AlarmState, number> = { OK: 0, ALARM: 0, INSUFFICIENT_DATA: 0 };
  let previous: AlarmState = 'INSUFFICIENT_DATA';
  for (const e of result.timeline) {
    if (e.state !== previous) counts[e.state]++;
    previous = e.state;
  }
  return counts;
}

/** "It would have sent 7 notifications: 3 on ALARM, 4 on OK." for the chosen notifications, or null with only ALARM. */
export function notificationsSentence(result: BacktestResult, notifyOn: readonly NotifyOn[]): string | null {
  if (notifyOn.length === 1 && notifyOn[0] === 'alarm') return null;
  const t = transitionsInto(result);
  const parts = [
    notifyOn.includes('alarm') ? `${t.ALARM} on ALARM` : null,
    notifyOn.includes('ok') ? `${t.OK} on OK` : null,
    notifyOn.includes('insufficient-data') ? `${t.INSUFFICIENT_DATA} on INSUFFICIENT_DATA` : null,
  ].filter((p): p is string => p !== null);
  const total = (notifyOn.includes('alarm') ? t.ALARM : 0) + (notifyOn.includes('ok') ? t.OK : 0) + (notifyOn.includes('insufficient-data') ? t.INSUFFICIENT_DATA : 0);
  return `It would have sent ${total} notification${total === 1 ? '' : 's'}: ${parts.join(', ')}.`;
}

/** The median of a history's raw points, computed once per series (a threshold drag must not re-sort 100k points). */
const typicalCache = new WeakMap<readonly unknown[], Array<{ t: number; v: number }>>();
function typicalSeries(points: UsageHistory['points']): Array<{ t: number; v: number }> {
  let cached = typicalCache.get(points);
  if (!cached) {
    const typical = typicalValue(points);
    cached = typical === null ? [] : [{ t: 0, v: typical }];
    typicalCache.set(points, cached);
  }
  return cached;
}

/**
 * Warnings about the threshold against the raw history and the quota: shared thresholdWarnings,
 * given the history's median as a one-point series (whose median is that value), so the numbers are
 * the CLI's and the sort runs once per history instead of on every threshold move.
 */
export function warningsOf(form: AlarmForm, history: UsageHistory | null): ThresholdWarning[] {
  const t = parseNumber(form.threshold);
  if (typeof t !== 'number' || !history) return [];
  return thresholdWarnings(t, typicalSeries(history.points), form.metricKind === 'vcpu' ? history.quota.value : null);
}
