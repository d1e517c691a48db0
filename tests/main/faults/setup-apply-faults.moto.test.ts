import { CreateBucketCommand, HeadBucketCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SetupInput } from '../../../shared/contract/setup';
import type { AwsContext } from '../../../main/core/aws/context';
import { ApplyFailedError, applySetup, verifyConfiguration } from '../../../main/core/setup';
import type { Fault } from '../../helpers/fault-proxy';
import { useMoto, useFaultProxy, contextAt } from '../../helpers/fixtures';
import { awsTestEnv, HAS_MOTO } from '../../helpers/moto';
import { sweepOnrampResources } from '../../helpers/sweep';

// Every request is bounded (0.8 s per attempt, 3 attempts) so a hang cannot stall the run.
const FAST = { connectionMs: 500, requestMs: 800, maxAttempts: 3 };
const FAULTS: Fault[] = ['throttle', 'server-error', 'hang', 'reset'];
const REGION = 'us-west-2';

describe.skipIf(!HAS_MOTO)('setup apply under injected AWS faults', () => {
  const moto = useMoto();
  const proxy = useFaultProxy(moto);
  let viaProxy: AwsContext;
  let direct: AwsContext;
  let ops: string[] = [];
  let seq = 0;

  const input = (tag: string): SetupInput => ({
    name: `fault-${tag}`,
    region: REGION,
    bucketName: `onramp-fault-${tag}`,
    tableName: `onramp-fault-${tag}`,
    roleName: `OnrampFault-${tag}`,
    externalId: 'fault-test-external-id',
    platformAccountId: '481633624848',
  });

  beforeAll(async () => {
    const base = awsTestEnv(null);
    viaProxy = await contextAt(proxy.url, REGION, { base, timeouts: FAST });
    direct = await contextAt(moto.url, REGION, { base });
    // Learn which operations a fault-free apply calls: each of them gets every fault.
    proxy.inject(null);
    await applySetup(viaProxy, input('discovery'), { pollMs: 20 });
    ops = [...new Set(proxy.seen)];
  });


  it('discovers the operations apply calls', () => {
    for (const op of ['GetCallerIdentity', 'HeadBucket', 'CreateBucket', 'PutPublicAccessBlock', 'PutBucketEncryption', 'PutBucketTagging', 'CreateTable', 'DescribeTable', 'CreateRole', 'PutRolePolicy', 'GetRole']) {
      expect(ops).toContain(op);
    }
  });

  // One case per (operation, fault, once|always). Each ends complete or cleanly rolled back; a
  // fault-free re-run then completes and verifies; no resource of the run is left half-made.
  it('every fault on every operation ends complete or cleanly rolled back, and a re-run completes', async () => {
    const outcomes: string[] = [];
    for (const op of ops) {
      for (const fault of FAULTS) {
        for (const mode of ['once', 'always'] as const) {
          const cfg = input(`c${++seq}`);
          proxy.inject({ operation: op, fault, mode });
          const started = Date.now();
          let outcome: string;
          try {
            const result = await applySetup(viaProxy, cfg, { pollMs: 20, iamPropagationMs: 5_000 });
            outcome = 'complete';
            expect(result.roleArn).toContain(cfg.roleName);
            expect((await verifyConfiguration(direct, cfg)).ok, `${op}/${fault}/${mode} completed but does not verify`).toBe(true);
          } catch (err) {
            outcome = err instanceof ApplyFailedError ? `rolled back (${err.rolledBack.length})` : `failed before changes (${(err as { code?: string }).code})`;
            // Nothing of this run may be left behind when the rollback itself was not faulted. (Only this
            // run's names have their tags read here; the full sweep at the end reads every resource's.)
            const names = new Set([cfg.bucketName, cfg.tableName, cfg.roleName]);
            const left = (await sweepOnrampResources(direct, [REGION], { only: (n) => names.has(n) })).filter((r) => r.configuration === cfg.name);
            expect(left, `${op}/${fault}/${mode} left ${JSON.stringify(left)}`).toEqual([]);
          }
          expect(Date.now() - started, `${op}/${fault}/${mode} ran without bound`).toBeLessThan(60_000);
          outcomes.push(`${op}/${fault}/${mode}: ${outcome}`);
          proxy.inject(null);
          const rerun = await applySetup(direct, cfg, { pollMs: 20 });
          expect(rerun.name).toBe(cfg.name);
          expect((await verifyConfiguration(direct, cfg)).ok).toBe(true);
        }
      }
    }
    // Every fault was actually exercised, and at least some runs both succeeded and rolled back.
    expect(outcomes.length).toBe(ops.length * FAULTS.length * 2);
    expect(outcomes.some((o) => o.endsWith('complete'))).toBe(true);
    expect(outcomes.some((o) => o.includes('rolled back'))).toBe(true);

    // The sweep finds only complete configurations: for each name, exactly one bucket, table and role.
    const swept = await sweepOnrampResources(direct, [REGION]);
    const byConfig = new Map<string, string[]>();
    for (const r of swept) byConfig.set(r.configuration, [...(byConfig.get(r.configuration) ?? []), r.type].sort());
    for (const [name, types] of byConfig) expect(types, `configuration ${name}`).toEqual(['bucket', 'role', 'table']);
  }, 900_000);

  it('never touches a bucket that existed before: a bucket Onramp did not create is a conflict, and nothing is created', async () => {
    const cfg = input('pre');
    const s3 = await direct.s3(REGION);
    await s3.send(new CreateBucketCommand({ Bucket: cfg.bucketName, CreateBucketConfiguration: { LocationConstraint: REGION } }));
    proxy.inject({ operation: 'PutRolePolicy', fault: 'server-error', mode: 'always' });
    const err = await applySetup(viaProxy, cfg, { pollMs: 20 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'Conflict', message: expect.stringContaining(`bucket ${cfg.bucketName}`) });
    await expect(s3.send(new HeadBucketCommand({ Bucket: cfg.bucketName }))).resolves.toBeTruthy();
    expect(proxy.seen.filter((op) => op.startsWith('Create') || op.startsWith('Put') || op.startsWith('Delete'))).toEqual([]);
    proxy.inject(null);
  });

  it('a kept bucket (this configuration\'s, from an earlier apply) survives a later step failing', async () => {
    const cfg = input('kept');
    await applySetup(direct, cfg, { pollMs: 20 });
    const iam = await direct.iam();
    const { DeleteRoleCommand, DeleteRolePolicyCommand } = await import('@aws-sdk/client-iam');
    await iam.send(new DeleteRolePolicyCommand({ RoleName: cfg.roleName, PolicyName: 'Bodo-Platform-User-Policy' }));
    await iam.send(new DeleteRoleCommand({ RoleName: cfg.roleName }));
    proxy.inject({ operation: 'PutRolePolicy', fault: 'server-error', mode: 'always' });
    const err = await applySetup(viaProxy, cfg, { pollMs: 20 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplyFailedError);
    expect((err as ApplyFailedError).rolledBack).toEqual([`role ${cfg.roleName}`]);
    const s3 = await direct.s3(REGION);
    await expect(s3.send(new HeadBucketCommand({ Bucket: cfg.bucketName }))).resolves.toBeTruthy();
    proxy.inject(null);
  });

  it('refuses a second apply of the same configuration while the first runs', async () => {
    const cfg = input('twice');
    const results = await Promise.allSettled([applySetup(direct, cfg, { pollMs: 20 }), applySetup(direct, cfg, { pollMs: 20 })]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const busy = results.filter((r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'Busy');
    expect(ok).toHaveLength(1);
    expect(busy).toHaveLength(1);
    const mine = (await sweepOnrampResources(direct, [REGION])).filter((r) => r.configuration === cfg.name);
    expect(mine.map((r) => r.type).sort()).toEqual(['bucket', 'role', 'table']);
  });
});
