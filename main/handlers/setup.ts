import { randomUUID } from 'node:crypto';
import type { ApplyJob } from '../../shared/contract/jobs';
import type { ApplyStepStatus, CloudConfiguration } from '../../shared/contract/setup';
import { AppError } from '../../shared/errors';
import { toAppError } from '../core/aws/errors';
import type { HandlerDeps, HandlerSlice } from './types';

// The setup core (and with it the S3, DynamoDB and IAM clients) loads on first use, not at start-up.
const core = () => import('../core/setup');

/** Jobs are kept for an hour after they finish so a reloaded window can still read the result. */
const JOB_TTL_MS = 60 * 60_000;

/** Plan, apply (as a polled job), verify and destroy. */
export function setupHandlers(
  deps: HandlerDeps,
): HandlerSlice<'setup:plan' | 'setup:apply' | 'setup:progress' | 'setup:verify' | 'setup:destroy'> {
  const jobs = new Map<string, ApplyJob>();

  async function savedOrThrow(name: string): Promise<CloudConfiguration & { accountId: string }> {
    const saved = await deps.store.get(name);
    if (!saved) throw new AppError('NotFound', `No saved configuration named "${name}".`, 'name');
    return saved;
  }

  return {
    'setup:plan': async (input) => {
      const { planSetup } = await core();
      return planSetup(deps.session.require().aws, input);
    },
    'setup:apply': async (input) => {
      const session = deps.session.require();
      const { applySetup } = await core();
      const jobId = randomUUID();
      const job: ApplyJob = { jobId, state: 'running', steps: [], result: null, error: null, rolledBack: [] };
      jobs.set(jobId, job);
      const onStep = (step: ApplyStepStatus) => {
        const i = job.steps.findIndex((s) => s.id === step.id);
        if (i >= 0) job.steps[i] = step;
        else job.steps.push(step);
      };
      applySetup(session.aws, input, { onStep })
        .then(async (result) => {
          await deps.store.save({
            ...result,
            accountId: session.info.account,
            profile: session.info.profile,
            createdAt: new Date().toISOString(),
            verifiedAt: null,
          });
          job.result = result;
          job.state = 'succeeded';
        })
        .catch((err: unknown) => {
          job.error = toAppError(err).toShape();
          job.rolledBack = (err as { rolledBack?: string[] }).rolledBack ?? [];
          job.state = 'failed';
        })
        .finally(() => setTimeout(() => jobs.delete(jobId), JOB_TTL_MS).unref?.());
      return { jobId };
    },
    'setup:progress': async ({ jobId }) => {
      const job = jobs.get(jobId);
      if (!job) throw new AppError('NotFound', 'That setup run is not known (it may have finished over an hour ago).', 'jobId');
      return structuredClone(job);
    },
    'setup:verify': async ({ name }) => {
      const saved = await savedOrThrow(name);
      const { verifyConfiguration } = await core();
      const result = await verifyConfiguration(deps.session.require().aws, saved);
      if (result.ok) await deps.store.update(name, { verifiedAt: new Date().toISOString() });
      return result;
    },
    'setup:destroy': async ({ name, confirmation }) => {
      if (confirmation !== name) {
        throw new AppError('InvalidInput', `Type the configuration's name ("${name}") to confirm deletion.`, 'confirmation');
      }
      const saved = await savedOrThrow(name);
      const { destroyConfiguration } = await core();
      const result = await destroyConfiguration(deps.session.require().aws, saved);
      if (result.kept.length === 0) await deps.store.remove(name);
      return result;
    },
  };
}
