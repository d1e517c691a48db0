/**
 * One CloudWatch alarm evaluation over its evaluation range, as the CloudWatch User Guide documents
 * it in "Configuring how CloudWatch alarms treat missing data" (public source:
 * awsdocs/amazon-cloudwatch-user-guide, doc_source/AlarmThatSendsEmail.md, last revision
 * b355497 "Periodic Update 05/17/2023"). The passages this module encodes, quoted:
 *
 * > For each alarm, you can specify CloudWatch to treat missing data points as any of the following:
 * > - `notBreaching` – Missing data points are treated as "good" and within the threshold
 * > - `breaching` – Missing data points are treated as "bad" and breaching the threshold
 * > - `ignore` – The current alarm state is maintained
 * > - `missing` – If all data points in the alarm evaluation range are missing, the alarm
 * >   transitions to INSUFFICIENT_DATA.
 *
 * > Whenever an alarm evaluates whether to change state, CloudWatch attempts to retrieve a higher
 * > number of data points than the number specified as Evaluation Periods. [...] The time frame of
 * > the data points that it attempts to retrieve is the *evaluation range*.
 * > - If no data points in the evaluation range are missing, CloudWatch evaluates the alarm based on
 * >   the most recent data points collected. The number of data points evaluated is equal to the
 * >   Evaluation Periods for the alarm. [...]
 * > - If some data points in the evaluation range are missing, but the total number of existing data
 * >   points that were successfully retrieved from the evaluation range is equal to or more than the
 * >   alarm's Evaluation Periods, CloudWatch evaluates the alarm state based on the most recent real
 * >   data points that were successfully retrieved [...]. In this case, the value you set for how to
 * >   treat missing data is not needed and is ignored.
 * > - If some data points in the evaluation range are missing, and the number of actual data points
 * >   that were retrieved is lower than the alarm's number of Evaluation Periods, CloudWatch fills in
 * >   the missing data points with the result you specified for how to treat missing data, and then
 * >   evaluates the alarm. However, all real data points in the evaluation range are included in the
 * >   evaluation. CloudWatch uses missing data points only as few times as possible.
 *
 * > [Avoiding premature transitions to alarm state] alarms are designed to always go into ALARM
 * > state when the oldest available breaching datapoint during the Evaluation Periods number of data
 * > points is at least as old as the value of Datapoints to Alarm, and all other more recent data
 * > points are breaching or missing. In this case, the alarm goes into ALARM state even if the total
 * > number of datapoints available is lower than M (Datapoints to Alarm). [...] If the oldest
 * > breaching data point during the evaluation range is at least as old as the value of Datapoints
 * > to Alarm, and all of the more recent data points are either breaching or missing, the alarm goes
 * > into ALARM state no matter the value of M.
 *
 * The guide's two tables (N = 3 with M = 3 and M = 2, evaluation range 5) are unit tests, every cell
 * (tests/shared/monitoring/evaluation.test.ts). Where the prose alone leaves a choice, the tables
 * decide it, and the remaining choices are written down here:
 * - "oldest available breaching datapoint" is read as "the oldest real datapoint, which breaches":
 *   the second table's `0 - X - -` (M = 2) is OK under MISSING, so an older non-breaching real point
 *   rules the premature alarm out. Its age counts periods back from the newest (the newest is 1),
 *   anywhere in the evaluation range, as the M-of-N sentence says.
 * - `ignore` evaluates like `missing`, except that where `missing` would reach a state only because
 *   data is missing (INSUFFICIENT_DATA when everything is missing, ALARM by the premature rule) it
 *   keeps the current state: that is exactly where the tables write "Retain current state", and in
 *   every other row IGNORE equals MISSING.
 * - The guide does not publish the size of the evaluation range ("depends on the length of the
 *   alarm period and whether it is based on a metric with standard resolution or high resolution");
 *   its example retrieves 5 for N = 3, so the default here is N + 2 (an option, if AWS documents more).
 */
import { z } from 'zod';

/** An alarm state (CloudWatch's StateValue). */
export const AlarmStateSchema = z.enum(['OK', 'ALARM', 'INSUFFICIENT_DATA']);
/** OK, ALARM or INSUFFICIENT_DATA. */
export type AlarmState = z.infer<typeof AlarmStateSchema>;

/** CloudWatch's TreatMissingData values. */
export const TreatMissingSchema = z.enum(['missing', 'notBreaching', 'breaching', 'ignore'], {
  error: 'Missing data must be treated as missing, notBreaching, breaching or ignore.',
});
/** How an alarm treats missing data (CloudWatch's TreatMissingData). */
export type TreatMissing = z.infer<typeof TreatMissingSchema>;

/** One period of the evaluation range: a datapoint that breaches, one that does not, or none. */
export type SlotKind = 'breaching' | 'ok' | 'missing';

/** What one evaluation needs to know about the alarm. */
export interface EvaluationRule {
  /** N: how many recent data points are evaluated. */
  evaluationPeriods: number;
  /** M: how many of them must breach. */
  datapointsToAlarm: number;
  treatMissing: TreatMissing;
}

/** The evaluation range CloudWatch retrieves for N evaluation periods (the guide's example: 5 for 3). */
export function evaluationRangeFor(evaluationPeriods: number): number {
  return Math.max(1, Math.floor(evaluationPeriods)) + 2;
}

/**
 * What an evaluation needs to know about its range: how many real points it holds, how many of them
 * breach, how many of its N most recent real points breach, and how old its oldest real point is.
 */
export interface RangeSummary {
  /** Real (non-missing) data points in the range. */
  real: number;
  /** Breaching points among the real ones. */
  breachingReal: number;
  /** Breaching points among the N most recent real ones (meaningful when real ≥ N). */
  breachingRecent: number;
  /** Periods back from the newest (which is 1) to the oldest real point; 0 without one. */
  oldestRealAge: number;
}

/** The summary of one evaluation range (oldest period first) for N evaluation periods. */
export function summariseRange(range: readonly SlotKind[], evaluationPeriods: number): RangeSummary {
  const n = Math.max(1, Math.floor(evaluationPeriods));
  const real: number[] = [];
  range.forEach((kind, i) => {
    if (kind !== 'missing') real.push(i);
  });
  return {
    real: real.length,
    breachingReal: real.filter((i) => range[i] === 'breaching').length,
    breachingRecent: real.slice(-n).filter((i) => range[i] === 'breaching').length,
    oldestRealAge: real.length ? range.length - real[0]! : 0,
  };
}

/**
 * The alarm's state after one evaluation of a range so summarised, given the state it was in before:
 * the guide's three cases, the treatments and the premature-alarm rule.
 */
export function decide(s: RangeSummary, rule: EvaluationRule, current: AlarmState): AlarmState {
  const n = Math.max(1, Math.floor(rule.evaluationPeriods));
  const m = Math.min(n, Math.max(1, Math.floor(rule.datapointsToAlarm)));

  // Everything in the range is missing: only the treatment can decide.
  if (s.real === 0) {
    switch (rule.treatMissing) {
      case 'missing':
        return 'INSUFFICIENT_DATA';
      case 'ignore':
        return current;
      case 'breaching':
        return 'ALARM'; // N filled-in breaching points, and M ≤ N
      case 'notBreaching':
        return 'OK';
    }
  }

  // At least N real points: the N most recent real ones decide; the treatment is not needed.
  if (s.real >= n) return s.breachingRecent >= m ? 'ALARM' : 'OK';

  // Fewer than N real points: every real point counts, and N − real points are filled in.
  const filled = n - s.real;
  switch (rule.treatMissing) {
    case 'breaching':
      return s.breachingReal + filled >= m ? 'ALARM' : 'OK';
    case 'notBreaching':
      return s.breachingReal >= m ? 'ALARM' : 'OK';
    case 'missing':
    case 'ignore': {
      if (s.breachingReal >= m) return 'ALARM';
      // Premature-alarm rule: every real point breaches and the oldest is at least M periods old.
      if (s.breachingReal === s.real && s.oldestRealAge >= m) return rule.treatMissing === 'missing' ? 'ALARM' : current;
      return 'OK';
    }
  }
}

/** The alarm's state after one evaluation of `range` (its evaluation range, oldest period first), given its state before. */
export function evaluateRange(range: readonly SlotKind[], rule: EvaluationRule, current: AlarmState): AlarmState {
  return decide(summariseRange(range, rule.evaluationPeriods), rule, current);
}
