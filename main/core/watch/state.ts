/**
 * What the watcher last saw, kept in the data folder (`watch/<scope>.json`, readable by the user
 * only, written atomically), so a restart — of the app, or the next `onramp watch --once` from cron —
 * reports only what changed since. Entries are arrays of pairs, never objects keyed by what AWS
 * returned, and every list is bounded: a hostile or corrupt file is set aside and the watcher starts
 * afresh (it then reports what is wrong now, once).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { WatchAlarmStateSchema, WatchSummarySchema, type WatchAlarmState, type WatchSummary } from '../../../shared/watch/events';
import { readJsonFile, writeFileAtomic } from '../store/json-file';

const Key = z.string().max(1000);
const pairs = <V extends z.ZodTypeAny>(value: V) => z.array(z.tuple([Key, value])).max(5000);

/** Credentials as the watcher last judged them. */
export const CredentialStateSchema = z.enum(['ok', 'expiring', 'expired', 'unknown']);
/** Where the credentials stand. */
export type CredentialState = z.infer<typeof CredentialStateSchema>;

const FileSchema = z.object({
  version: z.literal(1),
  lastEndedAt: z.number().nullable(),
  pausedUntil: z.number().nullable(),
  alarms: pairs(WatchAlarmStateSchema),
  usageOver: pairs(z.boolean()),
  pendingSince: pairs(z.number()),
  reportedPending: z.array(Key).max(5000),
  subscriptionsCheckedAt: z.number().nullable(),
  credentials: CredentialStateSchema,
  spendOver: pairs(z.boolean()),
  driftCheckedAt: z.number().nullable(),
  driftFailed: pairs(z.boolean()),
  summary: WatchSummarySchema.nullable(),
});

/** The watcher's memory of one scope (a profile at an endpoint). */
export interface WatchState {
  /** When the last pass ended (epoch ms), or null before the first. */
  lastEndedAt: number | null;
  /** No passes until then (epoch ms); null when not paused. */
  pausedUntil: number | null;
  /** `region|alarm` → its state. */
  alarms: Map<string, WatchAlarmState>;
  /** `region|alarm` → whether the vCPU total was past the alarm's threshold. */
  usageOver: Map<string, boolean>;
  /** `region|topic|endpoint` → since when the subscription is known to be pending. */
  pendingSince: Map<string, number>;
  /** Pending subscriptions already reported. */
  reportedPending: Set<string>;
  subscriptionsCheckedAt: number | null;
  credentials: CredentialState;
  /** `month|budget|actual|forecast` → whether that figure was past the budget. */
  spendOver: Map<string, boolean>;
  driftCheckedAt: number | null;
  /** configuration → whether its last verify failed. */
  driftFailed: Map<string, boolean>;
  summary: WatchSummary | null;
}

/** A watcher that has seen nothing yet. */
export function emptyWatchState(): WatchState {
  return {
    lastEndedAt: null,
    pausedUntil: null,
    alarms: new Map(),
    usageOver: new Map(),
    pendingSince: new Map(),
    reportedPending: new Set(),
    subscriptionsCheckedAt: null,
    credentials: 'unknown',
    spendOver: new Map(),
    driftCheckedAt: null,
    driftFailed: new Map(),
    summary: null,
  };
}

/** A deep copy (a pass works on a copy, so a cancelled pass changes nothing). */
export function cloneWatchState(s: WatchState): WatchState {
  return {
    ...s,
    alarms: new Map(s.alarms),
    usageOver: new Map(s.usageOver),
    pendingSince: new Map(s.pendingSince),
    reportedPending: new Set(s.reportedPending),
    spendOver: new Map(s.spendOver),
    driftFailed: new Map(s.driftFailed),
    summary: s.summary ? structuredClone(s.summary) : null,
  };
}

/** Where one scope's state lives and how it is read and written. */
export class WatchStateStore {
  private readonly path: string;
  private queue: Promise<unknown> = Promise.resolve();

  /** `scope` names what is watched (profile and endpoint); its hash names the file. */
  constructor(
    dataDir: string,
    scope: string,
    private readonly warn: (problem: string) => void = () => undefined,
  ) {
    const name = createHash('sha256').update(scope, 'utf8').digest('hex').slice(0, 24);
    this.path = join(dataDir, 'watch', `${name}.json`);
  }

  /** The file's path (diagnostics, docs). */
  get file(): string {
    return this.path;
  }

  /** The saved state, or an empty one when there is none or it could not be used (then set aside). */
  async load(): Promise<WatchState> {
    const read = await readJsonFile(this.path, FileSchema).catch((err: unknown) => {
      this.warn(`The watcher's state ${this.path} could not be read (${(err as Error).message}); starting afresh.`);
      return null;
    });
    if (read?.kind === 'invalid') this.warn(`The watcher's state was not usable (${read.reason}); it was set aside as ${read.setAsideTo} and the watcher starts afresh.`);
    if (read?.kind !== 'ok') return emptyWatchState();
    const v = read.value;
    return {
      lastEndedAt: v.lastEndedAt,
      pausedUntil: v.pausedUntil,
      alarms: new Map(v.alarms),
      usageOver: new Map(v.usageOver),
      pendingSince: new Map(v.pendingSince),
      reportedPending: new Set(v.reportedPending),
      subscriptionsCheckedAt: v.subscriptionsCheckedAt,
      credentials: v.credentials,
      spendOver: new Map(v.spendOver),
      driftCheckedAt: v.driftCheckedAt,
      driftFailed: new Map(v.driftFailed),
      summary: v.summary,
    };
  }

  /** Write the state (atomically; writes are queued so the last one wins). */
  save(s: WatchState): Promise<void> {
    const doc: z.input<typeof FileSchema> = {
      version: 1,
      lastEndedAt: s.lastEndedAt,
      pausedUntil: s.pausedUntil,
      alarms: [...s.alarms],
      usageOver: [...s.usageOver],
      pendingSince: [...s.pendingSince],
      reportedPending: [...s.reportedPending],
      subscriptionsCheckedAt: s.subscriptionsCheckedAt,
      credentials: s.credentials,
      spendOver: [...s.spendOver],
      driftCheckedAt: s.driftCheckedAt,
      driftFailed: [...s.driftFailed],
      summary: s.summary,
    };
    const text = JSON.stringify(doc);
    const run = this.queue.then(() => writeFileAtomic(this.path, text));
    this.queue = run.catch(() => undefined);
    return run;
  }
}
