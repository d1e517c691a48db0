import { randomUUID } from 'node:crypto';
import type { ApplyJob } from '../../shared/contract/jobs';
import type { ApplyStepStatus, SavedConfiguration } from '../../shared/contract/setup';
import { AppError } from '../../shared/errors';
import { isRolledBack, toAppError } from '../core/aws/errors';
import type { SetupService } from '../core/app/setup-service';
import { savedOrThrow } from './configs';
import type { HandlerDeps, HandlerSlice } from './types';

// The setup core (and with it the S3, DynamoDB and IAM clients) loads on first use, not at start-up.
const service = () => import('../core/app/setup-service');

/** Jobs are kept for an hour after they finish so a reloaded window can still read the result. */
const JOB_TTL_MS = 60 * 60_000;

type SetupChannels =
  | 'setup:plan'
  | 'setup:apply'
  | 'setup:progress'
  | 'setup:verify'
  | 'setup:destroy'
  | 'setup:cancel'
  | 'setup:interrupted'
  | 'setup:resolve-interrupted';

/** Plan, apply (as a polled, cancellable job), verify, destroy and interrupted-run recovery: adapters over the setup service. */
export function setupHandlers(deps: HandlerDeps): HandlerSlice<SetupChannels> {
  const jobs = new Map<string, ApplyJob>();
  const controllers = new Map<string, AbortController>();
  let svc: Promise<SetupService> | null = null;
  const setup = () =>
    (svc ??= service().then(({ createSetupService }) =>
      createSetupService({ dataDir: deps.dataDir, store: deps.store, now: deps.now ?? Date.now, lockDir: deps.setup?.lockDir, tuning: deps.setup?.tuning }),
    ));
  const connection = () => {
    const s = deps.session.require();
    return { aws: s.aws, account: s.info.account, profile: s.info.profile };
  };

  /** Start a long run as a polled job with its own AbortController. */
  function startJob(configuration: string, work: (hooks: { onStep: (s: ApplyStepStatus) => void; signal: AbortSignal }) => Promise<SavedConfiguration | null>): { jobId: string } {
    const jobId = randomUUID();
    const job: ApplyJob = { jobId, configuration, state: 'running', cancelling: false, steps: [], result: null, error: null, rolledBack: [], manual: [] };
    const controller = new AbortController();
    jobs.set(jobId, job);
    controllers.set(jobId, controller);
    const onStep = (step: ApplyStepStatus) => {
      const i = job.steps.findIndex((s) => s.id === step.id);
      if (i >= 0) job.steps[i] = step;
      else job.steps.push(step);
    };
    work({ onStep, signal: controller.signal })
      .then((saved) => {
        if (saved) {
          const { accountId: _a, profile: _p, createdAt: _c, verifiedAt: _v, ...result } = saved;
          job.result = result;
        }
        job.state = 'succeeded';
      })
      .catch((err: unknown) => {
        const e = toAppError(err);
        job.error = e.toShape();
        job.rolledBack = isRolledBack(err) ? err.rolledBack : [];
        job.manual = isRolledBack(err) ? err.manual : [];
        job.state = e.code === 'Cancelled' ? 'cancelled' : 'failed';
      })
      .finally(() => {
        controllers.delete(jobId);
        setTimeout(() => jobs.delete(jobId), JOB_TTL_MS).unref?.();
      });
    return { jobId };
  }

  return {
    'setup:plan': async (input) => (await setup()).plan(connection(), input),
    'setup:apply': async (input) => {
      const conn = connection();
      const s = await setup();
      return startJob(input.name, (hooks) => s.apply(conn, input, hooks));
    },
    'setup:progress': async ({ jobId }) => {
      const job = jobs.get(jobId);
      if (!job) throw new AppError('NotFound', 'That setup run is not known (it may have finished over an hour ago).', 'jobId');
      return structuredClone(job);
    },
    'setup:cancel': async ({ jobId }) => {
      const controller = controllers.get(jobId);
      if (!controller) throw new AppError('NotFound', 'That run is not running (it may have finished already).', 'jobId');
      controller.abort();
      const job = jobs.get(jobId);
      if (job) job.cancelling = true;
      return null;
    },
    'setup:verify': async (ref) => {
      const saved = await savedOrThrow(deps, ref);
      return (await setup()).verify(connection(), saved);
    },
    'setup:destroy': async ({ name, accountId, confirmation, jobId }) => {
      if (confirmation !== name) {
        throw new AppError('InvalidInput', `Type the configuration's name ("${name}") to confirm deletion.`, 'confirmation');
      }
      const saved = await savedOrThrow(deps, { name, accountId });
      const s = await setup();
      const controller = new AbortController();
      if (jobId) {
        if (controllers.has(jobId)) throw new AppError('InvalidInput', 'That run ID is in use.', 'jobId');
        controllers.set(jobId, controller);
      }
      try {
        return await s.destroy(connection(), saved, { signal: controller.signal });
      } finally {
        if (jobId) controllers.delete(jobId);
      }
    },
    'setup:interrupted': async () => (await setup()).interrupted(),
    'setup:resolve-interrupted': async ({ runId, action }) => {
      const conn = connection();
      const s = await setup();
      const run = (await s.interrupted()).runs.find((r) => r.runId === runId);
      if (!run) throw new AppError('NotFound', 'That interrupted run is not known (it may have been finished or undone already).', 'runId');
      return startJob(run.configuration, async (hooks) => (await s.resolveInterrupted(conn, runId, action, hooks)).saved);
    },
  };
}
