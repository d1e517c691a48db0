/**
 * The organization IPC channels through the real dispatcher (request and response schemas) against a
 * moto organization with the StackSets fake: plan, then (after a roll-out made by the core) list,
 * status with registrations read with the token saved through platform:save-credentials, and the
 * dashboard grouped by account with the accounts' names.
 */
import { describe, expect, it } from 'vitest';
import { createInvoker, createSessionHolder } from '../../../main/handlers';
import { applyRollout } from '../../../main/core/org/apply';
import { planRollout } from '../../../main/core/org/plan';
import { openRollout } from '../../../main/core/org/rollout';
import { SeedStore } from '../../../main/core/org/seeds';
import { ConfigurationStore } from '../../../main/core/store/configurations';
import { useFakePlatformPerTest } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';
import { MANAGEMENT_ACCOUNT } from '../../helpers/moto-org';
import { rolloutInput } from '../../helpers/org-input';
import { useOrgWorld } from '../../helpers/org-world';

describe.skipIf(!HAS_MOTO)('org channels (moto organization, StackSets fake)', () => {
  const world = useOrgWorld();
  const startPlatform = useFakePlatformPerTest();

  it('plan, list, status with registrations, dashboard by account; bad input is refused before any request', async () => {
    const org = await world.fresh();
    const fake = await startPlatform();
    const aws = await world.admin();
    const session = createSessionHolder();
    session.set({ aws, info: { profile: 'default', account: MANAGEMENT_ACCOUNT, arn: `arn:aws:iam::${MANAGEMENT_ACCOUNT}:root`, userId: 'x', region: 'us-east-2', endpointUrl: world.motoUrl } });
    const invoke = createInvoker({ env: { ...world.env, ...fake.env() }, dataDir: world.env.ONRAMP_DATA_DIR, store: new ConfigurationStore(world.env.ONRAMP_DATA_DIR), session });
    const input = rolloutInput({ targets: { ous: [org.ous.prod], accounts: [], exclude: [] } });

    expect(await invoke('org:plan', { ...input, targets: { ous: ['prod'] } })).toMatchObject({ ok: false, error: { code: 'InvalidInput', message: expect.stringMatching(/not an organizational unit ID/) } });
    expect(world.fake.calls).toEqual([]);
    const plan = await invoke('org:plan', { ...input, targets: { ous: org.ous.prod } });
    expect(plan).toMatchObject({ ok: true, value: { stackSet: { name: 'onramp-acme', action: 'create' }, accounts: [{ action: 'deploy' }, { action: 'deploy' }] } });

    const r = await openRollout(aws, input, new SeedStore(world.env.ONRAMP_DATA_DIR));
    await applyRollout(r, input, await planRollout(r, input), { follow: { pollMs: 0, sleep: async () => undefined } });

    expect(await invoke('org:list', { region: 'us-east-2' })).toEqual({ ok: true, value: [{ name: 'acme', region: 'us-east-2', stackSet: 'onramp-acme', autoDeploy: false, bucketPattern: 'acme-bodo-{account}', tableName: 'acme-bodo-locks', roleName: 'BodoPlatformUser' }] });
    expect(await invoke('platform:save-credentials', { clientId: fake.clientId, secret: fake.secret, remember: false })).toMatchObject({ ok: true });
    const status = await invoke('org:status', { name: 'acme', region: 'us-east-2' });
    expect(status).toMatchObject({ ok: true, value: { accounts: [{ detailedStatus: 'SUCCEEDED', registration: { state: 'not-registered' } }, { registration: { state: 'not-registered' } }] } });
    const dash = await invoke('org:dashboard', { name: 'acme', region: 'us-east-2' });
    expect(dash.ok && (dash.value as { accounts: { accountName: string; ok: boolean }[] }).accounts.map((a) => [a.accountName, a.ok])).toEqual([['prod-1', true], ['prod-2', true]]);
  });
});
