/** Destroy takes an AbortSignal: it stops before the next deletion and says what it did (issue 11 item 6). */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SetupInput } from '../../../shared/contract/setup';
import { contextForProfile } from '../../../main/core/profiles/session';
import { applySetup, destroyConfiguration } from '../../../main/core/setup';
import { awsTestEnv, HAS_MOTO, startMoto, type Moto } from '../../helpers/moto';
import { startRequestCounter, type RequestCounter } from '../../helpers/request-counter';

describe.skipIf(!HAS_MOTO)('destroy cancelled part-way', () => {
  let moto: Moto;
  let slow: RequestCounter;
  beforeAll(async () => {
    moto = await startMoto();
    slow = await startRequestCounter({ forwardTo: moto.url, intercept: (r) => (r.action === 'DeleteRole' ? { status: 0, delayMs: 1_000 } : undefined) });
  });
  afterAll(async () => {
    await slow?.close();
    await moto?.stop();
  });

  it('a cancel during DeleteRole lets it finish, then deletes nothing more and reports cancelled', async () => {
    const id = randomBytes(4).toString('hex');
    const inp: SetupInput = { name: `dc-${id}`, region: 'us-east-1', bucketName: `onramp-dc-${id}`, tableName: `onramp-dc-${id}`, roleName: `OnrampDc-${id}`, externalId: 'dc-external-id', platformAccountId: '481633624848' };
    const env = awsTestEnv(null);
    await applySetup(await contextForProfile({ profile: 'default', region: 'us-east-1', env: { ...env, AWS_ENDPOINT_URL: moto.url } }), inp, { pollMs: 20 });
    const aws = await contextForProfile({ profile: 'default', region: 'us-east-1', env: { ...env, AWS_ENDPOINT_URL: slow.url } });
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
