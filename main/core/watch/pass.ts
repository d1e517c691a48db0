/**
 * One watch pass: read what is watched, compare it with what the last pass saw, and return each
 * change once together with the new state. Per region one DescribeAlarms and at most one
 * GetMetricData (read-region.ts); the rarer checks run only when due: the subscriptions of Onramp's
 * alarm topics hourly (one ListSubscriptionsByTopic per topic), saved configurations' verify daily,
 * and spend only from the cost cache (the caller's `spend`, which asks Cost Explorer no more often
 * than the cost refresh interval). Pure apart from those reads; the state it is given is not changed.
 */
import { AppError } from '../../../shared/errors';
import type { WatchEvent, WatchPassResult, WatchRegionSummary } from '../../../shared/watch/events';
import type { AwsContext } from '../aws/context';
import { toAppError } from '../aws/errors';
import { checkpoint } from '../run/checkpoint';
import { listSubscriptions, topicNameOf } from '../monitoring/topics';
import { pastThreshold, readRegion, type RegionReading } from './read-region';
import { cloneWatchState, type CredentialState, type WatchState } from './state';

/** When the credentials in use stop working (null: they do not expire), and how to name them. */
export interface CredentialStatus {
  expiresAt: number | null;
  /** "profile dev (IAM Identity Center sign-in)": never a key or token. */
  label: string;
}

/** Month-to-date spend (from the cost cache) and the account's monthly cost budgets. */
export interface SpendStatus {
  month: string;
  currency: string;
  total: string;
  /** The month-end forecast, or null when there is none. */
  forecast: string | null;
  /** Each budget, with its own figures when it counts less than every charge (the platform's alone). */
  budgets: { name: string; amount: string; figures?: { actual: string; forecast: string | null } }[];
}

/** One saved configuration's verify. */
export interface DriftStatus {
  name: string;
  ok: boolean;
  /** The checks that failed, in words. */
  failed: string[];
}

/** How often the rarer checks run, and what counts as due. */
export interface PassTiming {
  subscriptionsEveryMs: number;
  driftEveryMs: number;
  /** A subscription pending this long after it was made is reported. */
  pendingAfterMs: number;
  /** Credentials expiring within this are reported. */
  expiringWithinMs: number;
}

/** Defaults: subscriptions hourly, verify daily, pending after 24 h, expiring within a day. */
export const DEFAULT_PASS_TIMING: PassTiming = { subscriptionsEveryMs: 3_600_000, driftEveryMs: 86_400_000, pendingAfterMs: 86_400_000, expiringWithinMs: 86_400_000 };

/** What a pass reads from. */
export interface PassDeps {
  aws: AwsContext;
  /** The profile's name, for messages. */
  profile: string;
  regions: readonly string[];
  credentials?: () => Promise<CredentialStatus | null>;
  spend?: () => Promise<SpendStatus | null>;
  verify?: () => Promise<DriftStatus[]>;
  timing?: Partial<PassTiming>;
}

const CREDENTIAL_CODES = new Set(['SsoExpired', 'CredentialsExpired', 'CredentialsMissing']);
const iso = (t: number) => new Date(t).toISOString();
const when = (t: number) => `${iso(t).slice(0, 16).replace('T', ' ')} UTC`;

/** Run one pass against `prev`; returns the new state (with lastEndedAt set) and the changes. */
export async function runPass(deps: PassDeps, prev: WatchState, now: () => number, signal?: AbortSignal): Promise<{ state: WatchState; result: WatchPassResult }> {
  const timing = { ...DEFAULT_PASS_TIMING, ...deps.timing };
  const state = cloneWatchState(prev);
  const events: WatchEvent[] = [];
  const started = now();
  const emit = (e: Omit<WatchEvent, 't'>) => events.push({ t: iso(started), ...e });
  const problems: string[] = [];
  let credentialFailure: AppError | null = null;

  // 1. Regions: alarms and vCPU totals.
  const readings: RegionReading[] = [];
  for (const region of deps.regions) {
    checkpoint({ signal });
    try {
      readings.push(await readRegion(deps.aws, region, started, signal));
    } catch (err) {
      const e = toAppError(err);
      if (signal?.aborted || e.code === 'Cancelled') throw new AppError('Cancelled', 'The watch pass was cancelled.');
      if (CREDENTIAL_CODES.has(e.code)) credentialFailure ??= e;
      problems.push(`${region}: ${e.message}`);
    }
  }
  const summaries: WatchRegionSummary[] = [];
  const seenAlarms = new Set<string>();
  const seenUsage = new Set<string>();
  for (const r of readings) {
    for (const a of r.alarms) {
      const key = `${r.region}|${a.summary.alarmName}`;
      seenAlarms.add(key);
      const before = state.alarms.get(key) ?? null;
      const to = a.summary.state;
      // An alarm seen for the first time is news only when it is in ALARM.
      if (before !== to && (before !== null || to === 'ALARM')) {
        emit({
          kind: 'alarm-state',
          message: before ? `Alarm ${a.summary.alarmName} in ${r.region} went from ${before} to ${to}.` : `Alarm ${a.summary.alarmName} in ${r.region} is in ALARM.`,
          screen: 'dashboard',
          region: r.region,
          alarm: a.summary.alarmName,
          from: before,
          to,
        });
      }
      state.alarms.set(key, to);
      if (a.value === null || a.summary.metric.kind !== 'vcpu') continue;
      seenUsage.add(key);
      const over = pastThreshold(a.value, a.summary);
      const wasOver = state.usageOver.get(key) ?? false;
      if (over !== wasOver) {
        emit({
          kind: 'usage',
          message: over
            ? `EC2 vCPUs in ${r.region}: ${a.value}, past the threshold of alarm ${a.summary.alarmName} (${a.summary.threshold}).`
            : `EC2 vCPUs in ${r.region}: ${a.value}, back within the threshold of alarm ${a.summary.alarmName} (${a.summary.threshold}).`,
          screen: 'dashboard',
          region: r.region,
          alarm: a.summary.alarmName,
        });
      }
      state.usageOver.set(key, over);
    }
    const vcpu = r.alarms.filter((a) => a.summary.metric.kind === 'vcpu' && a.value !== null);
    const total = vcpu.find((a) => a.summary.metric.kind === 'vcpu' && a.summary.metric.usageClass === 'ALL');
    const byClass = new Map(vcpu.map((a) => [a.summary.metric.kind === 'vcpu' ? a.summary.metric.usageClass : '', a.value!]));
    summaries.push({
      region: r.region,
      vcpus: total ? total.value : vcpu.length ? [...byClass.values()].reduce((x, y) => x + y, 0) : null,
      inAlarm: r.alarms.filter((a) => a.summary.state === 'ALARM').map((a) => a.summary.alarmName),
    });
  }
  // Forget alarms deleted from a region that was read; keep those of regions that could not be.
  const readRegions = new Set(readings.map((r) => r.region));
  for (const key of [...state.alarms.keys()]) if (readRegions.has(key.split('|')[0]!) && !seenAlarms.has(key)) state.alarms.delete(key);
  for (const key of [...state.usageOver.keys()]) if (readRegions.has(key.split('|')[0]!) && !seenUsage.has(key)) state.usageOver.delete(key);

  // 2. Subscriptions of the alarms' topics still pending a day after they were made (hourly).
  if (state.subscriptionsCheckedAt === null || started - state.subscriptionsCheckedAt >= timing.subscriptionsEveryMs) {
    const topics = new Map<string, { region: string; madeAt: number | null }>();
    for (const r of readings) {
      for (const a of r.alarms) {
        for (const arn of a.summary.topicArns) {
          const known = topics.get(arn);
          const madeAt = a.configuredAt;
          if (!known) topics.set(arn, { region: arn.split(':')[3] || r.region, madeAt });
          else if (madeAt !== null && (known.madeAt === null || madeAt < known.madeAt)) known.madeAt = madeAt;
        }
      }
    }
    const stillPending = new Set<string>();
    let complete = true;
    for (const [arn, topic] of topics) {
      checkpoint({ signal });
      try {
        for (const s of await listSubscriptions(deps.aws, topic.region, arn, { signal })) {
          if (s.status !== 'pending') continue;
          const key = `${topic.region}|${arn}|${s.protocol}|${s.endpoint}`;
          stillPending.add(key);
          const since = Math.min(state.pendingSince.get(key) ?? started, topic.madeAt ?? started);
          state.pendingSince.set(key, since);
          if (started - since >= timing.pendingAfterMs && !state.reportedPending.has(key)) {
            state.reportedPending.add(key);
            emit({
              kind: 'subscription',
              message: `The ${s.protocol} subscription of ${s.endpoint} to topic ${topicNameOf(arn)} in ${topic.region} is still pending confirmation, so its alarms reach nobody there: confirm it from AWS's message.`,
              screen: 'dashboard',
              region: topic.region,
            });
          }
        }
      } catch (err) {
        if (signal?.aborted) throw new AppError('Cancelled', 'The watch pass was cancelled.');
        complete = false;
        problems.push(`subscriptions of ${topicNameOf(arn)}: ${toAppError(err).message}`);
      }
    }
    if (complete) {
      for (const key of [...state.pendingSince.keys()]) if (!stillPending.has(key)) state.pendingSince.delete(key);
      for (const key of [...state.reportedPending]) if (!stillPending.has(key)) state.reportedPending.delete(key);
      state.subscriptionsCheckedAt = started;
    }
  }

  // 3. Credentials that expire within a day, or have.
  let cred: CredentialState = 'unknown';
  let status: CredentialStatus | null = null;
  if (deps.credentials) {
    status = await deps.credentials().catch(() => null);
    if (status?.expiresAt === null) cred = 'ok';
    else if (status) cred = status.expiresAt <= started ? 'expired' : status.expiresAt - started <= timing.expiringWithinMs ? 'expiring' : 'ok';
  }
  if (credentialFailure) cred = 'expired';
  if (cred !== state.credentials && (cred === 'expiring' || cred === 'expired')) {
    const label = status?.label ?? `profile ${deps.profile}`;
    emit({
      kind: 'credentials',
      message:
        cred === 'expired'
          ? `The credentials of ${label} have expired: sign in again (onramp sso login --profile ${deps.profile}, or Connect in the app).`
          : `The credentials of ${label} expire at ${when(status!.expiresAt!)}: sign in again before then.`,
      screen: 'connect',
    });
  }
  if (cred !== 'unknown' || credentialFailure) state.credentials = cred;

  // 4. Spend past a budget (from the cost cache only).
  let spend: SpendStatus | null = null;
  if (deps.spend) {
    spend = await deps.spend().catch((err: unknown) => {
      problems.push(`spend: ${toAppError(err).message}`);
      return null;
    });
    for (const b of spend?.budgets ?? []) {
      const amount = Number(b.amount);
      if (!Number.isFinite(amount) || amount <= 0) continue;
      const figures = b.figures ?? { actual: spend!.total, forecast: spend!.forecast };
      for (const [which, figure] of [['actual', figures.actual], ['forecast', figures.forecast]] as const) {
        if (figure === null) continue;
        const key = `${spend!.month}|${b.name}|${which}`;
        const over = Number(figure) >= amount;
        if (over && !state.spendOver.get(key)) {
          emit({
            kind: 'spend',
            message:
              which === 'actual'
                ? `Spend in ${spend!.month} so far, ${figure} ${spend!.currency}, has passed budget ${b.name} (${b.amount}).`
                : `The forecast for ${spend!.month}, ${figure} ${spend!.currency}, passes budget ${b.name} (${b.amount}).`,
            screen: 'cost',
          });
        }
        state.spendOver.set(key, over);
      }
    }
    // Only this month's figures are kept.
    if (spend) for (const key of [...state.spendOver.keys()]) if (!key.startsWith(`${spend.month}|`)) state.spendOver.delete(key);
  }

  // 5. Saved configurations' verify, at most daily.
  if (deps.verify && (state.driftCheckedAt === null || started - state.driftCheckedAt >= timing.driftEveryMs)) {
    checkpoint({ signal });
    try {
      const results = await deps.verify();
      const names = new Set<string>();
      for (const r of results) {
        names.add(r.name);
        if (!r.ok && !state.driftFailed.get(r.name)) {
          emit({ kind: 'drift', message: `Configuration ${r.name} failed its verify: ${r.failed.join('; ') || 'see Configurations'}.`, screen: 'configurations' });
        }
        state.driftFailed.set(r.name, !r.ok);
      }
      for (const name of [...state.driftFailed.keys()]) if (!names.has(name)) state.driftFailed.delete(name);
      state.driftCheckedAt = started;
    } catch (err) {
      problems.push(`verify: ${toAppError(err).message}`);
    }
  }

  checkpoint({ signal });
  const summary = { at: started, regions: summaries, spend: spend ? { month: spend.month, currency: spend.currency, total: spend.total } : null, problems };
  state.summary = summary;
  state.lastEndedAt = now();
  return { state, result: { events, summary } };
}
