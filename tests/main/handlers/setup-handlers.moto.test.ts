/**
 * The IPC setup handlers with real moto behind them: apply, recover and destroy are runs (followed
 * with runs:progress); Cancel from the UI (runs:cancel) stops an apply after the step in flight and
 * undoes it; an interrupted run is listed at start
 * (setup:interrupted) and finished through setup:resolve-interrupted; verify refuses another
 * account's configuration and a failed verify clears "verified".
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeleteBucketTaggingCommand } from '@aws-sdk/client-s3';
import type { RunProgress } from '../../../shared/contract/runs';
import type { SetupInput } from '../../../shared/contract/setup';
import { createInvoker, createSessionHolder } from '../../../main/handlers';
import { openSession } from '../../../main/core/profiles/session';
import { SetupJournal } from '../../../main/core/setup/journal';
import { ConfigurationStore } from '../../../main/core/store/configurations';
import { useMoto, useRequestCounter, envAt } from '../../helpers/fixtures';
import { uniqueSetupInput } from '../../helpers/setup-names';
import { HAS_MOTO } from '../../helpers/moto';
import { sweepOnrampResources } from '../../helpers/sweep';

const input = (): SetupInput => uniqueSetupInput('ui', 'us-east-1');

describe.skipIf(!HAS_MOTO)('setup handlers against moto', () => {
  const moto = useMoto();
  const slow = useRequestCounter({ upstream: moto, intercept: (r) => (r.action === 'CreateRole' ? { status: 0, delayMs: 1_500 } : undefined) });


  async function app(endpoint: string) {
    const env = envAt(endpoint);
    const dataDir = mkdtempSync(join(tmpdir(), 'onramp-ui-'));
    const store = new ConfigurationStore(dataDir);
    const session = createSessionHolder();
    session.set(await openSession({ profile: 'default', env }));
    const invoke = createInvoker({ env, dataDir, store, session, setup: { tuning: { pollMs: 20, iamPropagationMs: 5_000 } } });
    const ok = async <T,>(channel: string, payload: unknown): Promise<T> => {
      const r = await invoke(channel, payload);
      if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
      return r.value as T;
    };
    const until = async (runId: string) => {
      for (let i = 0; i < 400; i++) {
        const job = await ok<RunProgress & { kind: 'setup-apply' }>('runs:progress', { runId });
        if (job.state !== 'running') return job;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('job never ended');
    };
    return { env, dataDir, store, invoke, ok, until };
  }

  it('Cancel mid-apply: the run stops after the step in flight, undoes everything it created, and the run says cancelled', async () => {
    const a = await app(slow.url);
    const inp = input();
    const { runId } = await a.ok<{ runId: string }>('setup:apply', inp);
    while (!slow.requests.some((r) => r.action === 'CreateRole' && r.body.includes(inp.roleName))) await new Promise((r) => setTimeout(r, 20));
    expect(await a.ok('runs:cancel', { runId })).toEqual({ cancelled: true });
    expect(await a.ok<RunProgress>('runs:progress', { runId })).toMatchObject({ kind: 'setup-apply', subject: inp.name, state: 'running', cancelling: true });
    const job = await a.until(runId);
    expect(job.state).toBe('cancelled');
    expect(job.error?.code).toBe('Cancelled');
    expect([...job.rolledBack].sort()).toEqual([`bucket ${inp.bucketName}`, `role ${inp.roleName}`, `table ${inp.tableName}`]);
    expect(job.manual).toEqual([]);
    // No PutRolePolicy after the cancel: it stopped after CreateRole, the step in flight.
    expect(slow.requests.filter((r) => r.action === 'PutRolePolicy' && r.body.includes(inp.roleName))).toEqual([]);
    const direct = await openSession({ profile: 'default', env: { ...a.env, AWS_ENDPOINT_URL: moto.url } });
    expect((await sweepOnrampResources(direct.aws, ['us-east-1'])).filter((r) => r.configuration === inp.name)).toEqual([]);
    expect(await a.store.list()).toEqual([]);
    expect((await a.ok<{ runs: unknown[] }>('setup:interrupted', {})).runs).toEqual([]);
    // Cancelling a run that has ended says so (cancelled: false) and changes nothing; an unknown run is NotFound.
    expect(await a.invoke('runs:cancel', { runId })).toEqual({ ok: true, value: { cancelled: false } });
    expect(await a.ok<RunProgress>('runs:progress', { runId })).toMatchObject({ state: 'cancelled', error: { code: 'Cancelled' } });
    expect(await a.invoke('runs:cancel', { runId: 'no-such-run' })).toMatchObject({ ok: false, error: { code: 'NotFound', field: 'runId' } });
  }, 60_000);

  it('an interrupted run (journal of a dead process) is listed at start and finished: hardened, saved, journal cleared', async () => {
    const a = await app(moto.url);
    const inp = input();
    // Leave a half-made bucket as a crash would: created, not hardened, listed in a journal of a dead PID.
    const direct = await openSession({ profile: 'default', env: a.env });
    await (await direct.aws.s3('us-east-1')).send(new (await import('@aws-sdk/client-s3')).CreateBucketCommand({ Bucket: inp.bucketName }));
    const journal = new SetupJournal(a.dataDir);
    const j = await journal.begin({ configuration: inp.name, account: '123456789012', profile: 'default', input: inp, now: Date.now });
    await journal.mark(j, 'bucket', inp.bucketName, 'created');
    const file = journal.fileOf(j.runId);
    const { readFileSync, writeFileSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), pid: 4194305 }));

    const listed = await a.ok<{ runs: { runId: string; resources: unknown[] }[] }>('setup:interrupted', {});
    expect(listed.runs.map((r) => r.runId)).toEqual([j.runId]);
    expect(listed.runs[0]!.resources).toEqual([{ kind: 'bucket', name: inp.bucketName, state: 'created' }]);
    const plan = await a.ok<{ steps: { resource: string; action: string }[]; interrupted: unknown[] }>('setup:plan', inp);
    expect(plan.steps.find((s) => s.resource === 'bucket')?.action).toBe('update');
    expect(plan.interrupted).toHaveLength(1);

    const { runId } = await a.ok<{ runId: string }>('setup:resolve-interrupted', { runId: j.runId, action: 'finish' });
    const job = await a.until(runId);
    expect(job.state, job.error?.message).toBe('succeeded');
    expect(job).toMatchObject({ kind: 'setup-recover', action: 'finish', subject: inp.name, result: { name: inp.name, bucketName: inp.bucketName } });
    expect((await a.ok<{ ok: boolean }>('setup:verify', { name: inp.name })).ok).toBe(true);
    expect((await a.ok<{ runs: unknown[] }>('setup:interrupted', {})).runs).toEqual([]);
  }, 60_000);

  it('a failed verify clears the last success; another account\'s configuration is refused with WrongAccount', async () => {
    const a = await app(moto.url);
    const inp = input();
    const { runId } = await a.ok<{ runId: string }>('setup:apply', inp);
    const applied = await a.until(runId);
    expect(applied.state).toBe('succeeded');
    // The run shows the platform's values, never Onramp's bookkeeping.
    expect(Object.keys(applied.result!).sort()).toEqual(['bucketName', 'externalId', 'name', 'platformAccountId', 'region', 'roleArn', 'roleName', 'tableArn', 'tableName']);
    await a.ok('setup:verify', { name: inp.name });
    expect((await a.store.get({ accountId: '123456789012', name: inp.name }))?.verifiedAt).not.toBeNull();
    const direct = await openSession({ profile: 'default', env: a.env });
    await (await direct.aws.s3('us-east-1')).send(new DeleteBucketTaggingCommand({ Bucket: inp.bucketName }));
    const v = await a.ok<{ ok: boolean; checks: { id: string; ok: boolean }[] }>('setup:verify', { name: inp.name });
    expect(v.ok).toBe(false);
    expect(v.checks[0]).toMatchObject({ id: 'bucket.tags', ok: false });
    expect((await a.store.get({ accountId: '123456789012', name: inp.name }))?.verifiedAt).toBeNull();
    // Repair is a re-apply: the plan says update, apply fixes it.
    expect((await a.ok<{ steps: { resource: string; action: string }[] }>('setup:plan', inp)).steps[0]).toMatchObject({ resource: 'bucket', action: 'update' });

    // The same record, saved for another account: named with its account it is refused before any AWS
    // call; named without one (the connected account's), none is saved here and the message says where.
    const saved = (await a.store.get({ accountId: '123456789012', name: inp.name }))!;
    await a.store.remove(saved);
    await a.store.save({ ...saved, accountId: '999999999999' });
    for (const [channel, payload] of [['setup:verify', { name: inp.name, accountId: '999999999999' }], ['setup:destroy', { name: inp.name, accountId: '999999999999', confirmation: inp.name }]] as const) {
      const r = await a.invoke(channel, payload);
      expect(r).toMatchObject({ ok: false, error: { code: 'WrongAccount', message: expect.stringContaining('belongs to account 999999999999; you are connected to 123456789012') } });
    }
    for (const [channel, payload] of [['setup:verify', { name: inp.name }], ['setup:destroy', { name: inp.name, confirmation: inp.name }]] as const) {
      const r = await a.invoke(channel, payload);
      expect(r).toMatchObject({ ok: false, error: { code: 'WrongAccount', message: expect.stringContaining(`No configuration named "${inp.name}" is saved for account 123456789012; one is saved for account 999999999999`) } });
    }

    // Back in its own account, the destroy run deletes all four (the bucket lost its tags, but the identity
    // recorded when Onramp created it still says it is Onramp's) and the configuration is forgotten.
    await a.store.remove({ ...saved, accountId: '999999999999' });
    await a.store.save(saved);
    const again = await a.ok<{ runId: string }>('setup:destroy', { name: inp.name, confirmation: inp.name });
    const destroyed = await a.until(again.runId);
    expect(destroyed).toMatchObject({ kind: 'setup-destroy', subject: inp.name, state: 'succeeded', error: null, result: { kept: [], cancelled: false } });
    expect((destroyed.result as unknown as { deleted: string[] }).deleted).toHaveLength(4);
    expect(await a.store.get({ accountId: '123456789012', name: inp.name })).toBeNull();
  }, 60_000);
});
