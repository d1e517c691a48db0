/**
 * org:apply and org:destroy through the real dispatcher against a moto organization with the
 * StackSets fake: each starts a run (kinds org-apply, org-destroy) followed with runs:progress, one
 * item per account; apply plans again in main and refuses a plan with conflicts, registers every
 * account with the token saved through platform:save-credentials (or says why it did not), and
 * runs:cancel stops the StackSet operation in flight; destroy needs the roll-out's name typed again
 * and removes what the StackSet made, reading each account back with an independent client.
 */
import { describe, expect, it } from 'vitest';
import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import type { RunOf, RunProgress } from '../../../shared/contract/runs';
import { createInvoker, createSessionHolder } from '../../../main/handlers';
import { ConfigurationStore } from '../../../main/core/store/configurations';
import { useFakePlatformPerTest } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';
import { MANAGEMENT_ACCOUNT, memberCredentials } from '../../helpers/moto-org';
import { rolloutInput } from '../../helpers/org-input';
import { useOrgWorld, type OrgWorld } from '../../helpers/org-world';

function app(world: OrgWorld, env: NodeJS.ProcessEnv = {}) {
  return (async () => {
    const session = createSessionHolder();
    session.set({ aws: await world.admin(), info: { profile: 'default', account: MANAGEMENT_ACCOUNT, arn: `arn:aws:iam::${MANAGEMENT_ACCOUNT}:root`, userId: 'x', region: 'us-east-2', endpointUrl: world.motoUrl } });
    const invoke = createInvoker({ env: { ...world.env, ...env }, dataDir: world.env.ONRAMP_DATA_DIR, store: new ConfigurationStore(world.env.ONRAMP_DATA_DIR), session, org: { pollMs: 20 } });
    const ok = async <T,>(channel: string, payload: unknown): Promise<T> => {
      const r = await invoke(channel, payload);
      if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
      return r.value as T;
    };
    const until = async <K extends 'org-apply' | 'org-destroy'>(runId: string, kind: K): Promise<RunOf<K>> => {
      for (let i = 0; i < 600; i++) {
        const run = await ok<RunProgress>('runs:progress', { runId });
        expect(run.kind).toBe(kind);
        if (run.state !== 'running') return run as RunOf<K>;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('run never ended');
    };
    return { invoke, ok, until };
  })();
}

/** The member account's role and bucket, read with an independent client through its OrganizationAccountAccessRole. */
async function holds(world: OrgWorld, account: string, names: { roleName: string; bucket: string }): Promise<{ role: boolean; bucket: boolean }> {
  const credentials = await memberCredentials(world.motoUrl, account);
  const iam = new IAMClient({ region: 'us-east-1', endpoint: world.motoUrl, credentials });
  const s3 = new S3Client({ region: 'us-east-2', endpoint: world.motoUrl, forcePathStyle: true, credentials });
  const role = await iam.send(new GetRoleCommand({ RoleName: names.roleName })).then(() => true, () => false);
  const bucket = await s3.send(new HeadBucketCommand({ Bucket: names.bucket })).then(() => true, () => false);
  return { role, bucket };
}

describe.skipIf(!HAS_MOTO)('org:apply and org:destroy runs (moto organization, StackSets fake)', () => {
  const world = useOrgWorld();
  const startPlatform = useFakePlatformPerTest();

  it('apply: a run with one item per account, each registered with the saved token; destroy: the typed name, then every account removed', async () => {
    const org = await world.fresh();
    const fake = await startPlatform({ acceptsExternalId: true });
    const a = await app(world, fake.env());
    await a.ok('platform:save-credentials', { clientId: fake.clientId, secret: fake.secret, remember: false });
    const input = rolloutInput({ targets: { ous: [org.ous.prod], accounts: [], exclude: [] } });

    const { runId } = await a.ok<{ runId: string }>('org:apply', { ...input, consentTrustedAccess: false });
    const run = await a.until(runId, 'org-apply');
    expect(run).toMatchObject({ kind: 'org-apply', subject: 'acme', state: 'succeeded', error: null });
    const members = [org.accounts.prod1, org.accounts.prod2];
    expect(run.items.map((i) => [i.id, i.state]).sort()).toEqual(members.map((id) => [id, 'done']).sort());
    expect(run.items.find((i) => i.id === org.accounts.prod1)!.label).toContain('prod-1');
    expect(run.steps.map((s) => [s.id, s.state])).toEqual([['plan', 'done'], ['stackset', 'done'], ['deploy', 'done'], ['register', 'done']]);
    expect(run.result?.cancelled).toBe(false);
    expect(run.result?.accounts.map((x) => [x.accountId, x.status, x.registration.state]).sort()).toEqual(members.map((id) => [id, 'succeeded', 'registered']).sort());
    for (const x of run.result!.accounts) expect(await holds(world, x.accountId, { roleName: 'BodoPlatformUser', bucket: x.bucket })).toEqual({ role: true, bucket: true });

    // Destroy: the name typed again, else refused before any run; then every account loses what the StackSet made.
    expect(await a.invoke('org:destroy', { name: 'acme', region: 'us-east-2', confirmation: 'acm' })).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'confirmation', message: expect.stringContaining('"acme"') } });
    expect(await a.ok<unknown[]>('runs:list', {})).toHaveLength(1);
    const destroyed = await a.until((await a.ok<{ runId: string }>('org:destroy', { name: 'acme', region: 'us-east-2', confirmation: 'acme' })).runId, 'org-destroy');
    expect(destroyed).toMatchObject({ kind: 'org-destroy', subject: 'acme', state: 'succeeded', result: { kept: [], stackSetDeleted: true, cancelled: false } });
    expect(destroyed.result!.removed.map((x) => x.accountId).sort()).toEqual([...members].sort());
    expect(destroyed.items.map((i) => [i.id, i.state]).sort()).toEqual(members.map((id) => [id, 'done']).sort());
    for (const x of run.result!.accounts) expect((await holds(world, x.accountId, { roleName: 'BodoPlatformUser', bucket: x.bucket })).role).toBe(false);
    expect(await a.ok('org:list', { region: 'us-east-2' })).toEqual([]);
  }, 120_000);

  it('apply with no platform token stored: deployed, and the run says registration was skipped and why', async () => {
    const org = await world.fresh();
    const a = await app(world);
    const input = rolloutInput({ targets: { ous: [org.ous.prod], accounts: [], exclude: [] } });
    const run = await a.until((await a.ok<{ runId: string }>('org:apply', input)).runId, 'org-apply');
    expect(run.state).toBe('succeeded');
    expect(run.steps.find((s) => s.id === 'register')).toMatchObject({ state: 'skipped', detail: expect.stringMatching(/no Bodo Platform API token is saved/) });
    expect(run.result!.accounts.map((x) => [x.status, x.registration.state])).toEqual([['succeeded', 'not-attempted'], ['succeeded', 'not-attempted']]);
    expect(run.result!.accounts[0]!.registration.detail).toMatch(/Settings → Bodo Platform/);
    // A roll-out that does not exist is the request's error: no run starts.
    expect(await a.invoke('org:destroy', { name: 'nope', region: 'us-east-2', confirmation: 'nope' })).toMatchObject({ ok: false, error: { code: 'NotFound', message: expect.stringContaining('"nope"') } });
    expect(await a.ok<unknown[]>('runs:list', {})).toHaveLength(1);
  }, 120_000);

  it('apply plans again in main and refuses a plan with conflicts: the run fails and nothing is created', async () => {
    const org = await world.fresh();
    const a = await app(world);
    const credentials = await memberCredentials(world.motoUrl, org.accounts.prod1);
    await new S3Client({ region: 'us-east-2', endpoint: world.motoUrl, forcePathStyle: true, credentials }).send(
      new CreateBucketCommand({ Bucket: `acme-bodo-${org.accounts.prod1}`, CreateBucketConfiguration: { LocationConstraint: 'us-east-2' } }),
    );
    const input = rolloutInput({ targets: { ous: [org.ous.prod], accounts: [], exclude: [] } });
    const run = await a.until((await a.ok<{ runId: string }>('org:apply', input)).runId, 'org-apply');
    expect(run).toMatchObject({ state: 'failed', error: { code: 'Conflict', message: expect.stringContaining(org.accounts.prod1) }, result: null });
    expect(world.fake.calls.some((c) => /^Create/.test(c.action))).toBe(false);
  }, 120_000);

  it('runs:cancel stops the StackSet operation in flight: the run ends with the accounts it had not done cancelled', async () => {
    const org = await world.fresh();
    world.fake.runFor(10_000);
    const a = await app(world);
    const input = rolloutInput({ targets: { ous: [org.ous.prod], accounts: [], exclude: [] } });
    const { runId } = await a.ok<{ runId: string }>('org:apply', input);
    for (let i = 0; ; i++) {
      const p = await a.ok<RunProgress>('runs:progress', { runId });
      if (p.items.some((x) => x.state === 'running')) break;
      if (i > 400 || p.state !== 'running') throw new Error(`the run never showed a running account: ${JSON.stringify(p)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(await a.ok('runs:cancel', { runId })).toEqual({ cancelled: true });
    const run = await a.until(runId, 'org-apply');
    expect(world.fake.calls.some((c) => c.action === 'StopStackSetOperation')).toBe(true);
    expect(run.state).toBe('succeeded');
    expect(run.result).toMatchObject({ cancelled: true });
    expect(run.result!.accounts.map((x) => x.status)).toEqual(['cancelled', 'cancelled']);
    expect(run.items.map((i) => i.state)).toEqual(['undone', 'undone']);
    expect(run.steps.find((s) => s.id === 'deploy')?.state).toBe('undone');
    expect(run.steps.some((s) => s.id === 'register')).toBe(false);
  }, 120_000);

  it('runs:cancel stops a removal in flight: the accounts not removed by then keep everything, and the StackSet stays', async () => {
    const org = await world.fresh();
    const a = await app(world);
    const input = rolloutInput({ targets: { ous: [org.ous.prod], accounts: [], exclude: [] } });
    const applied = await a.until((await a.ok<{ runId: string }>('org:apply', input)).runId, 'org-apply');
    expect(applied.state).toBe('succeeded');
    world.fake.runFor(10_000);
    const { runId } = await a.ok<{ runId: string }>('org:destroy', { name: 'acme', region: 'us-east-2', confirmation: 'acme' });
    for (let i = 0; ; i++) {
      const p = await a.ok<RunProgress>('runs:progress', { runId });
      if (p.steps.some((s) => s.id === 'remove' && s.state === 'running')) break;
      if (i > 400 || p.state !== 'running') throw new Error(`the removal never started: ${JSON.stringify(p)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(await a.ok('runs:cancel', { runId })).toEqual({ cancelled: true });
    const run = await a.until(runId, 'org-destroy');
    expect(world.fake.calls.some((c) => c.action === 'StopStackSetOperation')).toBe(true);
    expect(run).toMatchObject({ state: 'succeeded', result: { cancelled: true, removed: [], stackSetDeleted: false } });
    expect(run.result!.kept.map((k) => k.reason)).toEqual(['cancelled before its instance was removed', 'cancelled before its instance was removed']);
    expect(run.items.map((i) => i.state)).toEqual(['undone', 'undone']);
    for (const x of applied.result!.accounts) expect(await holds(world, x.accountId, { roleName: 'BodoPlatformUser', bucket: x.bucket })).toEqual({ role: true, bucket: true });
    expect(await a.ok<unknown[]>('org:list', { region: 'us-east-2' })).toHaveLength(1);
  }, 120_000);
});
