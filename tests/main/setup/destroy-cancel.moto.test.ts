/** Destroy takes an AbortSignal: it stops before the next deletion and says what it did (issue 11 item 6). */
import { describe, expect, it } from 'vitest';
import type { SetupInput } from '../../../shared/contract/setup';
import { applySetup, destroyConfiguration } from '../../../main/core/setup';
import { useMoto, useRequestCounter, contextAt } from '../../helpers/fixtures';
import { uniqueSetupInput } from '../../helpers/setup-names';
import { awsTestEnv, HAS_MOTO } from '../../helpers/moto';

describe.skipIf(!HAS_MOTO)('destroy cancelled part-way', () => {
  const moto = useMoto();
  const slow = useRequestCounter({ upstream: moto, intercept: (r) => (r.action === 'DeleteRole' ? { status: 0, delayMs: 1_000 } : undefined) });

  it('a cancel during DeleteRole lets it finish, then deletes nothing more and reports cancelled', async () => {
    const inp: SetupInput = uniqueSetupInput('dc', 'us-east-1');
    const env = awsTestEnv(null);
    await applySetup(await contextAt(moto.url, 'us-east-1', { base: env }), inp, { pollMs: 20 });
    const aws = await contextAt(slow.url, 'us-east-1', { base: env });
    const controller = new AbortController();
    const running = destroyConfiguration(aws, inp, { signal: controller.signal });
    while (!slow.requests.some((r) => r.action === 'DeleteRole')) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    const result = await running;
    expect(result.cancelled).toBe(true);
    expect(result.deleted).toEqual(['policy Bodo-Platform-User-Policy', `role ${inp.roleName}`]);
    expect(slow.requests.filter((r) => r.action === 'DeleteTable' || r.service === 's3' && r.method === 'DELETE')).toEqual([]);
  }, 60_000);
});
