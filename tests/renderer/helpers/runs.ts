import type { RunBase, RunKind, RunOf, RunProgress } from '../../../shared/contract/runs';
import { fail, type FakeHandlers } from './fake-api';

/** The shared fields of a run's progress, as main would answer them for a run that has just started. */
function base(runId: string, subject: string): RunBase {
  return { runId, subject, state: 'running', cancellable: true, cancelling: false, startedAt: 0, endedAt: null, steps: [], items: [], error: null, rolledBack: [] };
}

const OWN: { [K in RunKind]: Omit<RunOf<K>, keyof RunBase | 'kind'> } = {
  'setup-apply': { manual: [], result: null },
  'setup-recover': { action: 'finish', manual: [], result: null },
  'setup-destroy': { result: null },
  'alarm-create': { result: null },
  'alarm-delete': { regions: ['us-east-1'], deleteTopic: false, result: null },
  'sso-sign-in': { code: null, result: null },
  'cost-refresh': { result: null },
  'budget-create': { result: null },
  'org-apply': { result: null },
  'org-destroy': { result: null },
  'watch-pass': { result: null },
};

/** A run's progress of one kind, for a fake `runs:progress`: running unless the overrides say otherwise. */
export function runOf<K extends RunKind>(kind: K, runId: string, subject: string, overrides: Partial<RunOf<K>> = {}): RunOf<K> {
  const ended = overrides.state !== undefined && overrides.state !== 'running';
  return { ...base(runId, subject), endedAt: ended ? 1 : null, ...OWN[kind], kind, ...overrides } as unknown as RunOf<K>;
}

/**
 * The runs of a fake main: a fake starting channel calls `start` (optionally already ended), a test
 * ends a run with `end`; `handlers` answer runs:progress, runs:cancel and runs:list as main does.
 */
export function fakeRuns() {
  const runs = new Map<string, RunProgress>();
  let count = 0;
  const cancelled: string[] = [];
  let onCancel: (runId: string) => void = () => undefined;
  return {
    start<K extends RunKind>(kind: K, subject: string, overrides: Partial<RunOf<K>> = {}): { runId: string } {
      const runId = `${kind}-${++count}`;
      runs.set(runId, runOf(kind, runId, subject, overrides));
      return { runId };
    },
    /** End (or change) a run: the next runs:progress answers with it. */
    end(runId: string, overrides: Partial<RunProgress>): void {
      const run = runs.get(runId)!;
      runs.set(runId, { ...run, endedAt: 1, ...overrides } as RunProgress);
    },
    /** The id of the run started last. */
    last: (): string => [...runs.keys()].at(-1)!,
    /** What runs:cancel was asked for, in order. */
    cancelled,
    /** Called when runs:cancel reaches a running run (a test ends it from there). */
    whenCancelled(fn: (runId: string) => void): void {
      onCancel = fn;
    },
    handlers: {
      'runs:progress': ({ runId }) => runs.get(runId) ?? fail('NotFound', 'That run is not known.'),
      'runs:cancel': ({ runId }) => {
        const run = runs.get(runId) ?? fail('NotFound', 'That run is not known.');
        cancelled.push(runId);
        if (run.state !== 'running') return { cancelled: false };
        runs.set(runId, { ...run, cancelling: true });
        onCancel(runId);
        return { cancelled: true };
      },
      'runs:list': () => [...runs.values()],
    } satisfies FakeHandlers,
  };
}
