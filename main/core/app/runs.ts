/**
 * The run module: the one place a long operation is started, followed and cancelled, by the app and
 * the CLI alike. `start` makes the run's id, hands the work an AbortSignal and a progress reporter,
 * and returns at once; `progress`, `cancel` and `list` answer by id (the `runs:*` channels, the CLI's
 * Ctrl-C). A run that ended is kept `keepFinishedMs` (an hour by default) so a reloaded window still
 * finds its result, then forgotten; time comes from the injected clock, so nothing here needs a timer.
 *
 * The work reports steps (in order), items (one row per thing of a many-item run, such as an account
 * and region of a roll-out) and its kind's own fields; what it resolves with becomes the result, what
 * it throws the error (with what a rollback undid). A run repeating on a schedule is a series of runs:
 * see run-schedule.ts. The same idea as VS Code's CancellationToken and Podman Desktop's
 * cancellation-token registry (https://github.com/containers/podman-desktop), kept small.
 */
import { randomUUID } from 'node:crypto';
import type { RunBase, RunItem } from '../../../shared/contract/runs';
import { AppError } from '../../../shared/errors';
import { isRolledBack, toAppError } from '../aws/errors';

/** The progress shapes the module can keep: the shared fields, a kind, and a result. */
export type AnyRun = RunBase & { kind: string; result: unknown };
type Of<P, K> = Extract<P, { kind: K }>;
/** The fields only runs of kind K have (initial values are given at start). */
export type OwnFields<P extends AnyRun, K extends P['kind']> = Omit<Of<P, K>, keyof RunBase | 'kind' | 'result'>;
/** What a run of kind K shows as its result once it succeeded (null where success has none, as an undo). */
export type ResultOf<P extends AnyRun, K extends P['kind']> = Of<P, K>['result'];

/** What the work of one run is handed. */
export interface RunControl<P extends AnyRun, K extends P['kind']> {
  /** Fires when the run is cancelled: pass it to requests and waits, and call checkpoint() between steps. */
  readonly signal: AbortSignal;
  /** Report a step: replaces the step of the same id, or adds it at the end. */
  step(step: Of<P, K>['steps'][number]): void;
  /** Report one item of a many-item run: replaces the item of the same id, or adds it at the end. */
  item(item: RunItem): void;
  /** Update the kind's own fields (a sign-in's code, what a rollback could not undo). */
  set(fields: Partial<OwnFields<P, K>>): void;
}

/** How to start one run. */
export interface StartSpec<P extends AnyRun, K extends P['kind'], T> {
  kind: K;
  /** What the run works on, as the user named it. */
  subject: string;
  /** The kind's own fields, as they are before the work starts. */
  fields: OwnFields<P, K>;
  /** False when the work cannot stop part-way (cancel then answers false). Default true. */
  cancellable?: boolean;
  work: (run: RunControl<P, K>) => Promise<T>;
  /** The progress's result from what the work resolved with (by default, that value itself). */
  result?: (value: T) => ResultOf<P, K>;
}

/** A started run: its id, and its outcome for a caller that waits (the CLI); rejects with what the work threw. */
export interface Started<T> {
  runId: string;
  done: Promise<T>;
}

/** The runs of one app (or one CLI command). */
export interface Runs<P extends AnyRun> {
  /** Start a run whose work resolves with more than its progress shows; returns at once. */
  start<K extends P['kind'], T>(spec: StartSpec<P, K, T> & { result: (value: T) => ResultOf<P, K> }): Started<T>;
  /** Start a run whose work resolves with its result; returns at once. */
  start<K extends P['kind'], T extends ResultOf<P, K>>(spec: StartSpec<P, K, T>): Started<T>;
  /** A copy of the run's progress; NotFound once it has been forgotten. */
  progress(runId: string): P;
  /** Fire the run's signal; false when it had ended or cannot stop. NotFound once forgotten. */
  cancel(runId: string): { cancelled: boolean };
  /** Every run still running or ended within `keepFinishedMs`, oldest first. */
  list(): P[];
}

/** What the module is built from. */
export interface RunsDeps {
  /** The clock (epoch ms). */
  now?: () => number;
  /** How long an ended run stays readable. */
  keepFinishedMs?: number;
}

/** Ended runs stay readable this long by default. */
export const KEEP_FINISHED_MS = 60 * 60_000;

/** "an hour", "10 minutes": how long ended runs are kept, for the NotFound message. */
function duration(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes === 60) return 'an hour';
  if (minutes % 60 === 0) return `${minutes / 60} hours`;
  return minutes === 1 ? 'a minute' : `${minutes} minutes`;
}

function upsert<T extends { id: string }>(list: T[], entry: T): void {
  const i = list.findIndex((x) => x.id === entry.id);
  if (i >= 0) list[i] = entry;
  else list.push(entry);
}

interface Entry {
  progress: AnyRun;
  controller: AbortController;
}

/** Create the runs of one app or CLI command. */
export function createRuns<P extends AnyRun>(deps: RunsDeps = {}): Runs<P> {
  const now = deps.now ?? Date.now;
  const keep = deps.keepFinishedMs ?? KEEP_FINISHED_MS;
  const entries = new Map<string, Entry>();

  const forgetEnded = () => {
    const t = now();
    for (const [id, e] of entries) if (e.progress.endedAt !== null && t - e.progress.endedAt >= keep) entries.delete(id);
  };
  const find = (runId: string): Entry => {
    forgetEnded();
    const found = entries.get(runId);
    if (!found) throw new AppError('NotFound', `That run is not known (runs are forgotten ${duration(keep)} after they end).`, 'runId');
    return found;
  };
  // A copy: the caller may keep or change it without touching the run.
  const snapshot = (e: Entry) => structuredClone(e.progress) as P;

  function start<K extends P['kind'], T>(spec: StartSpec<P, K, T>): Started<T> {
    forgetEnded();
    const runId = randomUUID();
    const controller = new AbortController();
    const base: RunBase = {
      runId,
      subject: spec.subject,
      state: 'running',
      cancellable: spec.cancellable ?? true,
      cancelling: false,
      startedAt: now(),
      endedAt: null,
      steps: [],
      items: [],
      error: null,
      rolledBack: [],
    };
    const progress: AnyRun = { ...base, ...spec.fields, kind: spec.kind, result: null };
    entries.set(runId, { progress, controller });
    const control: RunControl<P, K> = {
      signal: controller.signal,
      step: (step) => upsert(progress.steps, step),
      item: (item) => upsert(progress.items, item),
      set: (fields) => void Object.assign(progress, fields),
    };
    const done = (async () => {
      try {
        const value = await spec.work(control);
        progress.result = spec.result ? spec.result(value) : value;
        progress.state = 'succeeded';
        return value;
      } catch (err) {
        const e = toAppError(err);
        progress.error = e.toShape();
        progress.rolledBack = isRolledBack(err) ? err.rolledBack : [];
        progress.state = e.code === 'Cancelled' ? 'cancelled' : 'failed';
        throw err;
      } finally {
        progress.endedAt = now();
      }
    })();
    // Handlers never wait for `done`: its rejection is in the progress, not unhandled.
    done.catch(() => undefined);
    return { runId, done };
  }

  return {
    start,
    progress: (runId) => snapshot(find(runId)),
    cancel(runId) {
      const e = find(runId);
      if (e.progress.state !== 'running' || !e.progress.cancellable) return { cancelled: false };
      e.progress.cancelling = true;
      e.controller.abort();
      return { cancelled: true };
    },
    list() {
      forgetEnded();
      return [...entries.values()].map(snapshot);
    },
  };
}
