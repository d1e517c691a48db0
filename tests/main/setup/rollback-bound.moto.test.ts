/**
 * The rollback retries only what can succeed on retry, within ONE bound for the whole rollback, and
 * names what it could not undo with the exact command and console place (issue 11 item 6).
 */
import { describe, expect, it } from 'vitest';
import type { SetupInput } from '../../../shared/contract/setup';
import { isRetryable } from '../../../main/core/aws/errors';
import { ApplyFailedError, applySetup } from '../../../main/core/setup';
import { useMoto, contextAt } from '../../helpers/fixtures';
import { uniqueSetupInput } from '../../helpers/setup-names';
import { HAS_MOTO } from '../../helpers/moto';
import { iamError, startRequestCounter, type CannedResponse, type SeenRequest } from '../../helpers/request-counter';

const input = (): SetupInput => uniqueSetupInput('rb', 'us-west-2');
const FAST_CLIENT = { connectionMs: 500, requestMs: 1_000, maxAttempts: 2 };

describe('isRetryable', () => {
  it('retries throttling, 5xx, timeouts and network errors only', () => {
    expect(isRetryable({ name: 'ThrottlingException' })).toBe(true);
    expect(isRetryable({ name: 'Whatever', $metadata: { httpStatusCode: 503 } })).toBe(true);
    expect(isRetryable({ name: 'TimeoutError' })).toBe(true);
    expect(isRetryable(new Error('connect ECONNREFUSED 127.0.0.1:1'))).toBe(true);
    expect(isRetryable({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } })).toBe(false);
    expect(isRetryable({ name: 'DeleteConflict', $metadata: { httpStatusCode: 409 } })).toBe(false);
    expect(isRetryable({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } })).toBe(false);
  });
});

describe.skipIf(!HAS_MOTO)('rollback bounds against moto', () => {
  const moto = useMoto();

  async function through(intercept: (r: SeenRequest) => CannedResponse | undefined) {
    const counter = await startRequestCounter({ forwardTo: moto.url, intercept });
    const aws = await contextAt(counter.url, 'us-west-2', { timeouts: FAST_CLIENT });
    return { counter, aws };
  }

  it('a lasting AccessDenied on undo is not retried: it fails at once and names the command to finish by hand', async () => {
    const { counter, aws } = await through((r) =>
      r.action === 'PutRolePolicy' || r.action === 'DeleteRole' ? { status: 403, body: iamError('AccessDenied', 'injected: denied') } : undefined,
    );
    const inp = input();
    const started = Date.now();
    const err = (await applySetup(aws, inp, { pollMs: 20, rollbackMs: 60_000 }).catch((e: unknown) => e)) as ApplyFailedError;
    expect(err).toBeInstanceOf(ApplyFailedError);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(counter.requests.filter((r) => r.action === 'DeleteRole')).toHaveLength(1);
    expect(err.manual).toEqual([
      expect.objectContaining({ resource: 'role', name: inp.roleName, command: `aws iam delete-role --role-name ${inp.roleName}`, console: expect.stringContaining(`/roles/details/${inp.roleName}`) }),
    ]);
    expect(err.message).toContain(`aws iam delete-role --role-name ${inp.roleName}`);
    // The rest was undone.
    expect([...err.rolledBack].sort()).toEqual([`bucket ${inp.bucketName}`, `table ${inp.tableName}`]);
    await counter.close();
  }, 60_000);

  it('a lasting 5xx on two undo steps is retried, but the whole rollback ends within its one bound', async () => {
    const { counter, aws } = await through((r) => {
      if (r.action === 'PutRolePolicy') return { status: 403, body: iamError('AccessDenied', 'injected: denied') };
      if (r.action === 'DeleteRole') return { status: 500, body: iamError('ServiceFailure', 'injected 500') };
      if (r.action === 'DeleteTable') return { status: 500, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify({ __type: 'InternalServerError', message: 'injected 500' }) };
      return undefined;
    });
    const inp = input();
    const started = Date.now();
    const err = (await applySetup(aws, inp, { pollMs: 20, rollbackMs: 3_000 }).catch((e: unknown) => e)) as ApplyFailedError;
    const took = Date.now() - started;
    expect(err.manual.map((m) => m.resource).filter((r) => r !== 'bucket').sort()).toEqual(['role', 'table']);
    expect(err.manual.find((m) => m.resource === 'table')!.command).toBe(`aws dynamodb delete-table --table-name ${inp.tableName} --region us-west-2`);
    // Retried: more than one attempt each; bounded: well under two bounds (not one bound per item).
    expect(counter.requests.filter((r) => r.action === 'DeleteRole').length).toBeGreaterThan(1);
    expect(took).toBeLessThan(3_000 + 4_000);
    // The role's and the table's retries may use the bound up to its last few hundred milliseconds
    // (each retry waits only while it fits), and on a busy machine their failing attempts stretch
    // until none is left for the bucket, undone last. Either way nothing is lost: the bucket is undone,
    // or it is named to finish by hand because the bound ran out.
    const bucketLeft = err.manual.find((m) => m.resource === 'bucket');
    if (bucketLeft) {
      expect(bucketLeft.reason).toContain("rollback's 3 s bound ran out");
      expect(err.rolledBack).toEqual([]);
    } else expect(err.rolledBack).toEqual([`bucket ${inp.bucketName}`]);
    await counter.close();
  }, 60_000);
});
