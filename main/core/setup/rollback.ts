import type { ApplyStepStatus, ManualStep, SetupResource } from '../../../shared/contract/setup';
import { isRetryable, toAppError } from '../aws/errors';
import type { Created, RunJournal } from './run-context';
import { RESOURCE_SPEC } from './spec';
import { pause } from './wait';

/** The exact AWS CLI command and console place that delete one resource by hand. */
export function manualStep(resource: SetupResource, name: string, region: string, reason: string): ManualStep {
  const policy = RESOURCE_SPEC.role.inlinePolicyName;
  const enc = encodeURIComponent;
  switch (resource) {
    case 'bucket':
      return { resource, name, reason, command: `aws s3api delete-bucket --bucket ${name} --region ${region}`, console: `https://s3.console.aws.amazon.com/s3/buckets/${enc(name)}?region=${region} (Delete)` };
    case 'table':
      return { resource, name, reason, command: `aws dynamodb delete-table --table-name ${name} --region ${region}`, console: `https://${region}.console.aws.amazon.com/dynamodbv2/home?region=${region}#table?name=${enc(name)} (Actions → Delete table)` };
    case 'role':
      return { resource, name, reason, command: `aws iam delete-role --role-name ${name}`, console: `https://console.aws.amazon.com/iam/home#/roles/details/${enc(name)} (Delete)` };
    case 'policy':
      return { resource, name, reason, command: `aws iam delete-role-policy --role-name ${name} --policy-name ${policy}`, console: `https://console.aws.amazon.com/iam/home#/roles/details/${enc(name)}?section=permissions (remove ${policy})` };
    default: {
      const unreachable: never = resource;
      throw new Error(`unknown resource ${String(unreachable)}`);
    }
  }
}

/** What a rollback did. */
export interface RollbackOutcome {
  undone: string[];
  manual: ManualStep[];
}

/** Options for a rollback. */
export interface RollbackOptions {
  emit: (id: ApplyStepStatus['id'], state: ApplyStepStatus['state'], detail?: string | null) => void;
  journal: RunJournal;
  /** One bound for the whole rollback, every item and retry included (default 60 s). */
  boundMs?: number;
  now?: () => number;
}

/**
 * Undo what this run created, newest first. Only errors that can succeed on retry (throttling, 5xx,
 * timeouts, network) are retried, and every attempt — SDK calls included, through an abort signal —
 * ends at ONE deadline for the whole rollback, so a lasting AccessDenied fails at once and a dead
 * endpoint costs the bound, not the bound per item. Whatever could not be undone is returned with
 * the exact CLI command and console place to finish by hand.
 */
export async function rollback(created: Created[], opts: RollbackOptions): Promise<RollbackOutcome> {
  const now = opts.now ?? Date.now;
  const undone: string[] = [];
  const manual: ManualStep[] = [];
  if (created.length === 0) return { undone, manual };
  const deadline = now() + (opts.boundMs ?? 60_000);
  const bound = AbortSignal.timeout(Math.max(1, deadline - now()));
  opts.emit('rollback', 'running', `undoing ${created.map((c) => c.label).join(', ')}`);
  for (const item of [...created].reverse()) {
    let delay = 250;
    for (;;) {
      try {
        if (bound.aborted) throw Object.assign(new Error('the rollback ran out of time'), { name: 'TimeoutError' });
        const did = await item.undo(bound);
        await opts.journal.drop(item.id).catch(() => undefined);
        if (did) {
          undone.push(item.label);
          opts.emit(item.id, 'undone', 'deleted again by the rollback');
        }
        break;
      } catch (err) {
        const e = toAppError(err);
        if (isRetryable(err) && !bound.aborted && now() + delay < deadline) {
          await pause(delay).catch(() => undefined);
          delay = Math.min(delay * 2, 4_000);
          continue;
        }
        const reason = bound.aborted ? `the rollback's ${Math.round((opts.boundMs ?? 60_000) / 1000)} s bound ran out (${e.message})` : e.message;
        manual.push(manualStep(item.id, item.name, item.region, reason));
        opts.emit(item.id, 'failed', `could not be undone: ${reason}`);
        break;
      }
    }
  }
  opts.emit('rollback', manual.length ? 'failed' : 'done', undone.length ? `undone: ${undone.join(', ')}` : null);
  return { undone, manual };
}

/** One paragraph naming what is left and how to remove it. */
export function describeManual(manual: ManualStep[]): string {
  return manual.map((m) => `${m.resource} ${m.name} (${m.reason}) — run: ${m.command} — or in the console: ${m.console}`).join('; ');
}
