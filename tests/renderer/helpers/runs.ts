import type { RunBase, RunKind, RunOf } from '../../../shared/contract/runs';

/** The shared fields of a run's progress, as main would answer them for a run that has just started. */
function base(runId: string, subject: string): RunBase {
  return { runId, subject, state: 'running', cancellable: true, cancelling: false, startedAt: 0, endedAt: null, steps: [], items: [], error: null, rolledBack: [] };
}

const OWN: { [K in RunKind]: Omit<RunOf<K>, keyof RunBase | 'kind'> } = {
  'setup-apply': { manual: [], result: null },
  'setup-recover': { action: 'finish', manual: [], result: null },
  'setup-destroy': { result: null },
  'alarm-create': { result: null },
  'alarm-delete': { region: 'us-east-1', result: null },
  'sso-sign-in': { code: null, result: null },
};

/** A run's progress of one kind, for a fake `runs:progress`: running unless the overrides say otherwise. */
export function runOf<K extends RunKind>(kind: K, runId: string, subject: string, overrides: Partial<RunOf<K>> = {}): RunOf<K> {
  const ended = overrides.state !== undefined && overrides.state !== 'running';
  return { ...base(runId, subject), endedAt: ended ? 1 : null, ...OWN[kind], kind, ...overrides } as unknown as RunOf<K>;
}
