import type { SavedConfiguration } from '../../shared/contract/setup';
import { AppError } from '../../shared/errors';
import type { SetupService } from '../core/app/setup-service';
import { configurationOf, setupWork } from '../core/app/setup-runs';
import { savedOrThrow } from './configs';
import type { HandlerSlice, RunningDeps } from './types';

// The setup core (and with it the S3, DynamoDB and IAM clients) loads on first use, not at start-up.
const service = () => import('../core/app/setup-service');

type SetupChannels = 'setup:plan' | 'setup:apply' | 'setup:verify' | 'setup:destroy' | 'setup:interrupted' | 'setup:resolve-interrupted';

/** Plan, apply, verify, destroy and interrupted-run recovery: adapters over the setup service; the long ones are runs. */
export function setupHandlers(deps: RunningDeps): HandlerSlice<SetupChannels> {
  const { runs } = deps;
  let svc: Promise<SetupService> | null = null;
  const setup = () =>
    (svc ??= service().then(({ createSetupService }) =>
      createSetupService({ dataDir: deps.dataDir, store: deps.store, now: deps.now ?? Date.now, lockDir: deps.setup?.lockDir, tuning: deps.setup?.tuning }),
    ));
  const connection = () => {
    const s = deps.session.require();
    return { aws: s.aws, account: s.info.account, profile: s.info.profile };
  };

  return {
    'setup:plan': async (input) => (await setup()).plan(connection(), input),
    'setup:apply': async (input) => {
      const conn = connection();
      const s = await setup();
      const { runId } = runs.start({
        kind: 'setup-apply',
        subject: input.name,
        fields: { manual: [] },
        work: setupWork<SavedConfiguration>((hooks) => s.apply(conn, input, hooks)),
        result: configurationOf,
      });
      return { runId };
    },
    'setup:verify': async (ref) => {
      const saved = await savedOrThrow(deps, ref);
      return (await setup()).verify(connection(), saved);
    },
    'setup:destroy': async ({ name, accountId, confirmation }) => {
      if (confirmation !== name) {
        throw new AppError('InvalidInput', `Type the configuration's name ("${name}") to confirm deletion.`, 'confirmation');
      }
      const saved = await savedOrThrow(deps, { name, accountId });
      const conn = connection();
      // Refused at once, not as a failed run: nothing is started for another account's configuration.
      (await service()).requireSameAccount(saved, conn.account);
      const s = await setup();
      const { runId } = runs.start({ kind: 'setup-destroy', subject: name, fields: {}, work: (run) => s.destroy(conn, saved, { signal: run.signal }) });
      return { runId };
    },
    'setup:interrupted': async () => (await setup()).interrupted(),
    'setup:resolve-interrupted': async ({ runId, action }) => {
      const conn = connection();
      const s = await setup();
      const found = (await s.interrupted()).runs.find((r) => r.runId === runId);
      if (!found) throw new AppError('NotFound', 'That interrupted run is not known (it may have been finished or undone already).', 'runId');
      const started = runs.start({
        kind: 'setup-recover',
        subject: found.configuration,
        fields: { action, manual: [] },
        work: setupWork<{ saved: SavedConfiguration | null }>((hooks) => s.resolveInterrupted(conn, runId, action, hooks)),
        result: ({ saved }) => (saved ? configurationOf(saved) : null),
      });
      return { runId: started.runId };
    },
  };
}
