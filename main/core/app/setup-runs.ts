import type { ApplyStepStatus, CloudConfiguration, ManualStep, SavedConfiguration } from '../../../shared/contract/setup';
import { isRolledBack } from '../aws/errors';
import type { RunHooks } from './setup-service';

/** What a setup run's work uses of its run (runs.ts): the signal, its steps, and what could not be undone. */
export interface SetupRunControl {
  readonly signal: AbortSignal;
  step(step: ApplyStepStatus): void;
  set(fields: { manual: ManualStep[] }): void;
}

/** What the run shows of a saved configuration: the platform's values, not Onramp's bookkeeping. */
export function configurationOf(saved: SavedConfiguration): CloudConfiguration {
  const { accountId: _a, profile: _p, createdAt: _c, verifiedAt: _v, platform: _l, identity: _i, ...config } = saved;
  return config;
}

/**
 * A setup run's work: its steps and signal handed to the service; when it fails, what its rollback
 * could not undo is kept beside what it undid (the run module records that and the error).
 */
export function setupWork<T>(work: (hooks: Required<RunHooks>) => Promise<T>) {
  return async (run: SetupRunControl): Promise<T> => {
    try {
      return await work({ onStep: (step: ApplyStepStatus) => run.step(step), signal: run.signal });
    } catch (err) {
      if (isRolledBack(err)) run.set({ manual: err.manual });
      throw err;
    }
  };
}
