/**
 * Crash safety (issue 11): the CLI child is killed (SIGKILL) at each step of `setup apply` while a
 * fault proxy holds the answer of the call in flight (the call took effect in moto, the answer never
 * came). Afterwards plan shows the interrupted run and what must be repaired, a re-run of apply
 * finishes and hardens everything, verify passes and destroy removes it all — or, on the other path,
 * `setup recover --action undo` deletes exactly what the journal lists.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AwsContext } from '../../../main/core/aws/context';
import { cli, startCli } from '../../helpers/cli';
import type { Fault } from '../../helpers/fault-proxy';
import { useMoto, useFaultProxy, contextAt, envAt } from '../../helpers/fixtures';
import { setupArgs, uniqueSetupNames, type SetupNames } from '../../helpers/setup-names';
import { HAS_MOTO } from '../../helpers/moto';
import { sweepOnrampResources } from '../../helpers/sweep';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { GetRoleCommand } from '@aws-sdk/client-iam';

const REGION = 'us-west-2';

const names = () => uniqueSetupNames('crash');
type Names = SetupNames;
const args = (verb: string, n: Names) => setupArgs(verb, n, { region: REGION });

/** [operation, fault]: hold = the call took effect but its answer never arrives; hang = it never reached AWS. */
const CRASH_POINTS: [string, Fault][] = [
  ['CreateBucket', 'hang'],
  ['CreateBucket', 'hold'],
  ['PutPublicAccessBlock', 'hold'],
  ['PutBucketEncryption', 'hold'],
  ['PutBucketTagging', 'hold'],
  ['CreateTable', 'hold'],
  ['CreateRole', 'hold'],
  ['PutRolePolicy', 'hold'],
  ['GetRolePolicy', 'hold'],
];

describe.skipIf(!HAS_MOTO)('setup apply killed at each step, then plan / apply / verify / destroy', () => {
  const moto = useMoto();
  const proxy = useFaultProxy(moto);
  let direct: AwsContext;

  beforeAll(async () => {
    direct = await contextAt(moto.url, REGION);
  });

  /** Run apply through the proxy and SIGKILL it once the fault has caught the operation. */
  async function crashAt(n: Names, env: NodeJS.ProcessEnv, op: string, fault: Fault): Promise<void> {
    proxy.inject({ operation: op, fault, mode: 'once' });
    const run = startCli(args('apply', n), { ...env, AWS_ENDPOINT_URL: proxy.url });
    const deadline = Date.now() + 30_000;
    while (proxy.faultsInjected === 0 || (fault === 'hold' && proxy.holding === 0)) {
      if (Date.now() > deadline) throw new Error(`${op} never seen; stderr: ${run.stderr()}`);
      if (run.child.exitCode !== null) throw new Error(`apply ended before ${op}: ${run.stderr()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    run.child.kill('SIGKILL');
    const done = await run.done;
    expect(done.signal).toBe('SIGKILL');
    proxy.inject(null);
  }

  const journalFiles = (env: NodeJS.ProcessEnv) => {
    const dir = join(env.ONRAMP_DATA_DIR!, 'journal');
    return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  };
  const mine = async (n: Names) => (await sweepOnrampResources(direct, [REGION])).filter((r) => r.configuration === n.name).map((r) => r.type).sort();
  const exists = async (n: Names) => {
    const s3 = await direct.s3(REGION);
    const ddb = await direct.dynamodb(REGION);
    const iam = await direct.iam();
    const ok = (p: Promise<unknown>) => p.then(() => true, () => false);
    return {
      bucket: await ok(s3.send(new HeadBucketCommand({ Bucket: n.bucket }))),
      table: await ok(ddb.send(new DescribeTableCommand({ TableName: n.table }))),
      role: await ok(iam.send(new GetRoleCommand({ RoleName: n.role }))),
    };
  };

  for (const [op, fault] of CRASH_POINTS) {
    it(`killed during ${op} (${fault}): plan sees it, apply finishes and hardens it, verify passes, destroy removes all`, async () => {
      const n = names();
      const env = envAt(moto.url);
      await crashAt(n, env, op, fault);
      // The journal was written before the call: the run is recorded as interrupted.
      expect(journalFiles(env)).toHaveLength(1);
      const listed = await cli(['setup', 'interrupted', '--json'], env);
      expect(listed.code).toBe(0);
      expect(listed.json.runs).toHaveLength(1);
      expect(listed.json.runs[0].configuration).toBe(n.name);

      const plan = await cli(args('plan', n), env);
      expect(plan.code, plan.stderr).toBe(0); // no conflict: what the journal lists counts as this configuration's
      expect(plan.json.interrupted.map((r: { runId: string }) => r.runId)).toEqual([listed.json.runs[0].runId]);
      for (const s of plan.json.steps) expect(['create', 'update', 'keep']).toContain(s.action);

      const apply = await cli(args('apply', n), env);
      expect(apply.code, apply.stderr).toBe(0);
      const verify = await cli(args('verify', n), env);
      expect(verify.code, JSON.stringify(verify.json?.checks?.filter((c: { ok: boolean }) => !c.ok))).toBe(0);
      expect(journalFiles(env)).toEqual([]);
      expect(await mine(n)).toEqual(['bucket', 'role', 'table']);

      const destroy = await cli(args('destroy', n), env);
      expect(destroy.code, destroy.stderr).toBe(0);
      expect(await exists(n)).toEqual({ bucket: false, table: false, role: false });
    }, 120_000);
  }

  for (const [op, fault] of CRASH_POINTS.filter(([o]) => ['CreateBucket', 'PutBucketTagging', 'CreateRole', 'PutRolePolicy'].includes(o))) {
    it(`killed during ${op} (${fault}): "setup recover --action undo" deletes exactly what the journal lists`, async () => {
      const n = names();
      const env = envAt(moto.url);
      await crashAt(n, env, op, fault);
      const listed = await cli(['setup', 'interrupted', '--json'], env);
      const run = listed.json.runs[0];
      const undo = await cli(['setup', 'recover', '--profile', 'default', '--run', run.runId, '--action', 'undo', '--json'], env);
      expect(undo.code, undo.stderr).toBe(0);
      expect(await exists(n)).toEqual({ bucket: false, table: false, role: false });
      expect(journalFiles(env)).toEqual([]);
      expect((await cli(['setup', 'interrupted', '--json'], env)).json.runs).toEqual([]);
    }, 120_000);
  }

  it('undo never deletes what another configuration now uses, nor a bucket that holds objects', async () => {
    const n = names();
    const env = envAt(moto.url);
    await crashAt(n, env, 'PutBucketTagging', 'hold');
    const s3 = await direct.s3(REGION);
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    await s3.send(new PutObjectCommand({ Bucket: n.bucket, Key: 'someone/else.txt', Body: 'x' }));
    const run = (await cli(['setup', 'interrupted', '--json'], env)).json.runs[0];
    const undo = await cli(['setup', 'recover', '--profile', 'default', '--run', run.runId, '--action', 'undo', '--json'], env);
    expect(undo.code).toBe(3);
    expect(undo.json.manual.map((m: { command: string }) => m.command)).toEqual([`aws s3api delete-bucket --bucket ${n.bucket} --region ${REGION}`]);
    expect((await exists(n)).bucket).toBe(true);
    // The journal stays, so the run can still be finished later.
    expect(journalFiles(env)).toHaveLength(1);
  }, 120_000);
});
