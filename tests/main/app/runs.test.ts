/**
 * The run module on its own: start answers an id at once and the work reports steps, items and its
 * kind's fields; cancel fires the signal (once running, never after it ended); a run that throws is
 * failed or cancelled with what it undid; ended runs are forgotten after the kept time of an injected
 * clock. The progress shapes here are the contract's (checked with its schema), plus a made-up
 * roll-out kind that only uses the shared fields, to show a new kind needs no new machinery.
 */
import { describe, expect, it } from 'vitest';
import { createRuns, type Runs } from '../../../main/core/app/runs';
import { checkpoint } from '../../../main/core/run/checkpoint';
import { RolledBackError } from '../../../main/core/aws/errors';
import { RunBaseSchema, RunProgressSchema, type RunBase, type RunProgress } from '../../../shared/contract/runs';
import { AppError } from '../../../shared/errors';

/** A promise and its resolvers, to hold work open until a test lets it go. */
function gate<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

const DESTROYED = { deleted: ['bucket b'], kept: [], notes: [], cancelled: false };

describe('runs', () => {
  it('start answers an id at once; the work reports steps in order and its result ends the run', async () => {
    const c = clock();
    const runs = createRuns<RunProgress>({ now: c.now });
    const release = gate();
    const { runId, done } = runs.start({
      kind: 'setup-destroy',
      subject: 'prod',
      fields: {},
      work: async (run) => {
        run.step({ id: 'role', label: 'Delete the role', state: 'running', detail: null });
        run.step({ id: 'bucket', label: 'Delete the bucket', state: 'pending', detail: null });
        await release.promise;
        run.step({ id: 'role', label: 'Delete the role', state: 'done', detail: 'deleted' });
        return DESTROYED;
      },
    });
    expect(runId).toMatch(/^[0-9a-f-]{36}$/);
    const first = runs.progress(runId);
    expect(RunProgressSchema.parse(first)).toEqual(first);
    expect(first).toEqual({
      runId,
      kind: 'setup-destroy',
      subject: 'prod',
      state: 'running',
      cancellable: true,
      cancelling: false,
      startedAt: 1_000_000,
      endedAt: null,
      steps: [
        { id: 'role', label: 'Delete the role', state: 'running', detail: null },
        { id: 'bucket', label: 'Delete the bucket', state: 'pending', detail: null },
      ],
      items: [],
      error: null,
      rolledBack: [],
      result: null,
    });
    c.advance(250);
    release.resolve();
    expect(await done).toEqual(DESTROYED);
    const last = runs.progress(runId);
    expect(last).toMatchObject({ state: 'succeeded', endedAt: 1_000_250, result: DESTROYED, error: null });
    // The step kept its place when it was updated.
    expect(last.steps.map((s) => `${s.id}:${s.state}`)).toEqual(['role:done', 'bucket:pending']);
  });

  it('progress is a copy: changing it changes nothing in the run', () => {
    const runs = createRuns<RunProgress>();
    const { runId } = runs.start({ kind: 'setup-destroy', subject: 'prod', fields: {}, work: () => new Promise<never>(() => undefined) });
    const p = runs.progress(runId);
    if (p.kind !== 'setup-destroy') throw new Error('a destroy run');
    p.steps.push({ id: 'x', label: 'x', state: 'done', detail: null });
    p.state = 'failed';
    expect(runs.progress(runId)).toMatchObject({ state: 'running', steps: [] });
  });

  it('a result mapper keeps what the caller waits for apart from what the progress shows', async () => {
    const runs = createRuns<RunProgress>();
    const saved = { name: 'prod', region: 'us-east-1' as const, bucketName: 'b', tableName: 't', tableArn: 'ta', roleName: 'r', roleArn: 'ra', externalId: 'e', platformAccountId: '481633624848', accountId: '123456789012' };
    const { runId, done } = runs.start({
      kind: 'setup-apply',
      subject: 'prod',
      fields: { manual: [] },
      work: async () => saved,
      result: ({ accountId: _a, ...config }) => config,
    });
    expect(await done).toEqual(saved);
    expect(runs.progress(runId).result).not.toHaveProperty('accountId');
    expect(runs.progress(runId)).toMatchObject({ kind: 'setup-apply', state: 'succeeded', result: { name: 'prod', roleArn: 'ra' } });
  });

  it('cancel fires the signal; the work stops at its next checkpoint and the run ends cancelled with what it undid', async () => {
    const runs = createRuns<RunProgress>();
    const inFlight = gate();
    let stoppedAt = '';
    const { runId, done } = runs.start({
      kind: 'alarm-create',
      subject: 'vcpu-high',
      fields: {},
      work: async (run) => {
        await inFlight.promise;
        try {
          checkpoint(run);
        } catch (err) {
          stoppedAt = 'after the step in flight';
          throw new RolledBackError('Creating alarm vcpu-high was cancelled. Undid: topic t.', ['topic t'], err as AppError);
        }
        throw new Error('not reached: the run was cancelled');
      },
    });
    expect(runs.cancel(runId)).toEqual({ cancelled: true });
    expect(runs.progress(runId)).toMatchObject({ state: 'running', cancelling: true });
    // Asking again while it stops is harmless.
    expect(runs.cancel(runId)).toEqual({ cancelled: true });
    inFlight.resolve();
    await expect(done).rejects.toMatchObject({ code: 'Cancelled' });
    expect(stoppedAt).toBe('after the step in flight');
    expect(runs.progress(runId)).toMatchObject({
      state: 'cancelled',
      cancelling: true,
      error: { code: 'Cancelled', message: 'Creating alarm vcpu-high was cancelled. Undid: topic t.' },
      rolledBack: ['topic t'],
      result: null,
    });
  });

  it('a run that throws is failed with the error as a value (never a raw error), and the waiting caller gets what was thrown', async () => {
    const runs = createRuns<RunProgress>();
    const thrown = Object.assign(new Error('User: arn:aws:iam::123456789012:user/dev is not authorized to perform: cloudwatch:DeleteAlarms'), { name: 'AccessDenied' });
    const { runId, done } = runs.start({ kind: 'alarm-delete', subject: 'vcpu', fields: { regions: ['us-east-1'], deleteTopic: false }, work: async () => Promise.reject(thrown) });
    await expect(done).rejects.toBe(thrown);
    const p = runs.progress(runId);
    expect(p).toMatchObject({ state: 'failed', error: { code: 'AccessDenied' }, rolledBack: [], result: null });
    expect(p.endedAt).not.toBeNull();
    // A synchronous throw inside the work ends the run the same way.
    const sync = runs.start({
      kind: 'alarm-delete',
      subject: 'vcpu',
      fields: { regions: ['us-east-1'], deleteTopic: false },
      work: () => {
        throw new AppError('NotFound', 'No alarm named vcpu in us-east-1.');
      },
    });
    await expect(sync.done).rejects.toMatchObject({ code: 'NotFound' });
    expect(runs.progress(sync.runId)).toMatchObject({ state: 'failed', error: { code: 'NotFound', message: 'No alarm named vcpu in us-east-1.' } });
  });

  it('cancel of an unknown run is NotFound naming runId; of an ended run or one that cannot stop, cancelled: false', async () => {
    const runs = createRuns<RunProgress>();
    expect(() => runs.cancel('no-such-run')).toThrow(expect.objectContaining({ code: 'NotFound', field: 'runId' }));
    expect(() => runs.progress('no-such-run')).toThrow(expect.objectContaining({ code: 'NotFound', message: expect.stringContaining('forgotten an hour after they end') }));
    const ended = runs.start({ kind: 'setup-destroy', subject: 'prod', fields: {}, work: async () => DESTROYED });
    await ended.done;
    expect(runs.cancel(ended.runId)).toEqual({ cancelled: false });
    expect(runs.progress(ended.runId)).toMatchObject({ state: 'succeeded', cancelling: false });

    let signal: AbortSignal | null = null;
    const hold = gate();
    const stuck = runs.start({
      kind: 'alarm-delete',
      subject: 'vcpu',
      fields: { regions: ['us-east-1'], deleteTopic: false },
      cancellable: false,
      work: async (run) => {
        signal = run.signal;
        await hold.promise;
        return { alarmName: 'vcpu', deletedIn: ['us-east-1' as const], notFoundIn: [], failed: [], topics: [] };
      },
    });
    expect(runs.cancel(stuck.runId)).toEqual({ cancelled: false });
    expect(signal!.aborted).toBe(false);
    expect(runs.progress(stuck.runId)).toMatchObject({ cancellable: false, cancelling: false });
    hold.resolve();
    await stuck.done;
  });

  it('keeps an ended run for the kept time of the injected clock, then forgets it; a running run is never forgotten', async () => {
    const c = clock();
    const runs = createRuns<RunProgress>({ now: c.now, keepFinishedMs: 10 * 60_000 });
    const ended = runs.start({ kind: 'setup-destroy', subject: 'old', fields: {}, work: async () => DESTROYED });
    await ended.done;
    runs.start({ kind: 'setup-destroy', subject: 'long', fields: {}, work: () => new Promise<never>(() => undefined) });
    c.advance(10 * 60_000 - 1);
    expect(runs.progress(ended.runId).state).toBe('succeeded');
    expect(runs.list().map((r) => r.subject)).toEqual(['old', 'long']);
    c.advance(1);
    expect(() => runs.progress(ended.runId)).toThrow(expect.objectContaining({ code: 'NotFound', message: expect.stringContaining('forgotten 10 minutes after they end') }));
    expect(() => runs.cancel(ended.runId)).toThrow(expect.objectContaining({ code: 'NotFound' }));
    c.advance(24 * 60 * 60_000);
    expect(runs.list().map((r) => `${r.subject}:${r.state}`)).toEqual(['long:running']);
  });

  it('list answers every kind, oldest first, each valid against the contract', async () => {
    const runs = createRuns<RunProgress>();
    const a = runs.start({ kind: 'sso-sign-in', subject: 'corp', fields: { code: null }, work: () => new Promise<never>(() => undefined) });
    const b = runs.start({ kind: 'setup-recover', subject: 'old', fields: { action: 'undo', manual: [] }, work: async () => null as never, result: () => null as never });
    await b.done.catch(() => undefined);
    const listed = runs.list();
    expect(listed.map((r) => r.runId)).toEqual([a.runId, b.runId]);
    for (const r of listed) expect(RunProgressSchema.parse(r)).toEqual(r);
  });

  it('a kind of run that works through many items (a roll-out per account and region) reports each with its state and reason', async () => {
    type Rollout = RunBase & { kind: 'rollout'; result: { deployed: number } | null };
    const runs: Runs<Rollout> = createRuns<Rollout>();
    const targets = ['111111111111/us-east-1', '222222222222/us-east-1', '333333333333/eu-west-1'];
    const { runId, done } = runs.start({
      kind: 'rollout',
      subject: 'Bodo role to 3 accounts',
      fields: {},
      work: async (run) => {
        for (const id of targets) run.item({ id, label: id, state: 'pending', reason: null });
        run.item({ id: targets[0]!, label: targets[0]!, state: 'done', reason: null });
        run.item({ id: targets[1]!, label: targets[1]!, state: 'failed', reason: 'AccessDenied: the OrganizationAccountAccessRole is missing' });
        run.item({ id: targets[2]!, label: targets[2]!, state: 'skipped', reason: 'region not enabled' });
        return { deployed: 1 };
      },
    });
    await done;
    const p = runs.progress(runId);
    expect(RunBaseSchema.parse(p)).toMatchObject({ state: 'succeeded' });
    expect(p.items.map((i) => [i.id, i.state, i.reason])).toEqual([
      [targets[0], 'done', null],
      [targets[1], 'failed', 'AccessDenied: the OrganizationAccountAccessRole is missing'],
      [targets[2], 'skipped', 'region not enabled'],
    ]);
    expect(p.result).toEqual({ deployed: 1 });
  });

  it('set updates the kind\'s own fields while it runs (a sign-in\'s code as soon as the service gave it)', async () => {
    const runs = createRuns<RunProgress>();
    const confirmed = gate();
    const { runId, done } = runs.start({
      kind: 'sso-sign-in',
      subject: 'corp',
      fields: { code: null },
      work: async (run) => {
        run.set({ code: { userCode: 'ABCD-EFGH', verificationUri: 'https://d/', verificationUriComplete: 'https://d/?c', expiresAt: '2030-01-01T00:00:00.000Z', browserOpened: false } });
        await confirmed.promise;
        return { expiresAt: '2030-01-01T08:00:00Z' };
      },
    });
    await Promise.resolve();
    expect(runs.progress(runId)).toMatchObject({ state: 'running', code: { userCode: 'ABCD-EFGH' }, result: null });
    confirmed.resolve();
    await done;
    expect(runs.progress(runId)).toMatchObject({ state: 'succeeded', code: { userCode: 'ABCD-EFGH' }, result: { expiresAt: '2030-01-01T08:00:00Z' } });
  });
});
