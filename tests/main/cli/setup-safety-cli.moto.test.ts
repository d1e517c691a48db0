/**
 * Bounded, cancellable setup from the CLI (issue 11 item 6) and configurations that know their
 * account (issue 13 item 5): unusable data folders stop before ANY request; Ctrl-C cancels and undoes
 * (exit 130); verify/destroy refuse another account's configuration.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationStore } from '../../../main/core/store/configurations';
import { cli, startCli } from '../../helpers/cli';
import { useMoto, useRequestCounter, contextAt } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';
import { setupFlags as flags, uniqueSetupNames } from '../../helpers/setup-names';
import { sweepOnrampResources } from '../../helpers/sweep';

const names = () => uniqueSetupNames('safe');
const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

describe('setup CLI: an unusable data folder stops apply and destroy before any AWS request', () => {
  const counter = useRequestCounter();
  let base: NodeJS.ProcessEnv;
  beforeAll(() => void (base = counter.env()));

  const cases: [string, () => string, RegExp][] = [
    ['a file in the path', () => {
      const d = mkdtempSync(join(tmpdir(), 'onramp-dd-'));
      writeFileSync(join(d, 'afile'), 'x');
      return join(d, 'afile', 'data');
    }, /a file is in the way/],
    ['a folder where the store file should be', () => {
      const d = mkdtempSync(join(tmpdir(), 'onramp-dd-'));
      mkdirSync(join(d, 'configurations.json'));
      return d;
    }, /configurations.json there is a folder/],
    ['a FIFO where the store file should be (never opened: it would block)', () => {
      const d = mkdtempSync(join(tmpdir(), 'onramp-dd-'));
      spawnSync('mkfifo', [join(d, 'configurations.json')]);
      return d;
    }, /configurations.json there is not a regular file/],
    ['a file where the journal folder should be', () => {
      const d = mkdtempSync(join(tmpdir(), 'onramp-dd-'));
      writeFileSync(join(d, 'journal'), 'x');
      return d;
    }, /journal there is not a folder/],
    ['a folder under /proc', () => '/proc/onramp-data', /under \/proc, a kernel filesystem/],
    ['a folder under /sys', () => '/sys/kernel/onramp', /under \/sys/],
  ];

  for (const [what, make, message] of cases) {
    for (const verb of ['apply', 'destroy']) {
      it(`${verb} with ${what}: exit 2, the folder named, zero requests`, async () => {
        const dir = make();
        const before = counter.count;
        const r = await cli(['setup', verb, ...flags(names())], { ...base, ONRAMP_DATA_DIR: dir });
        expect(r.code, r.stderr).toBe(2);
        expect(r.json.error.message).toMatch(message);
        expect(r.json.error.message).toContain(dir);
        expect(counter.count - before).toBe(0);
      }, 30_000);
    }
  }

  it.skipIf(!IS_ROOT)('apply with a read-only folder (run as an unprivileged user): exit 2, zero requests', async () => {
    const home = mkdtempSync(join(tmpdir(), 'onramp-ro-'));
    const env: NodeJS.ProcessEnv = counter.env();
    // The unprivileged child must read the AWS files, but not write the data folder.
    const awsDir = env.HOME!;
    chmodSync(awsDir, 0o755);
    for (const f of readdirSync(awsDir)) chmodSync(join(awsDir, f), 0o644);
    const data = join(home, 'data');
    mkdirSync(data, { mode: 0o555 });
    chmodSync(home, 0o755);
    const before = counter.count;
    const run = startCli(['setup', 'apply', ...flags(names())], { ...env, ONRAMP_DATA_DIR: data, TMPDIR: '/tmp' }, { uid: 65534, gid: 65534 });
    const r = await run.done;
    expect(r.code, r.stderr).toBe(2);
    expect(r.json.error.message).toMatch(/not writable/);
    expect(counter.count - before).toBe(0);
  }, 60_000);

  it('the counter really counts: a usable folder does send requests', async () => {
    const before = counter.count;
    await cli(['setup', 'apply', ...flags(names())], { ...base, ONRAMP_DATA_DIR: mkdtempSync(join(tmpdir(), 'onramp-dd-')) });
    expect(counter.count - before).toBeGreaterThan(0);
  }, 30_000);
});

describe.skipIf(!HAS_MOTO)('setup CLI against moto: Ctrl-C, and another account\'s configuration', () => {
  const moto = useMoto();
  // CreateRole takes 2 s to answer (it does reach moto): the moment to press Ctrl-C.
  const slow = useRequestCounter({ upstream: moto, intercept: (r) => (r.action === 'CreateRole' ? { status: 0, delayMs: 2_000 } : undefined) });
  let env: NodeJS.ProcessEnv;
  beforeAll(() => void (env = slow.env()));

  it('SIGINT during apply: the step in flight finishes, this run\'s changes are undone, exit 130', async () => {
    const n = names();
    const run = startCli(['setup', 'apply', ...flags(n)], env);
    const deadline = Date.now() + 30_000;
    while (!slow.requests.some((r) => r.action === 'CreateRole')) {
      if (Date.now() > deadline || run.child.exitCode !== null) throw new Error(`no CreateRole: ${run.stderr()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    run.child.kill('SIGINT');
    const r = await run.done;
    expect(r.code, r.stderr).toBe(130);
    expect(r.json.error.code).toBe('Cancelled');
    expect([...r.json.rolledBack].sort()).toEqual([`bucket ${n.bucket}`, `role ${n.role}`, `table ${n.table}`]);
    expect(r.stderr).toMatch(/cancelling — finishing the step in flight/);
    const direct = await contextAt(moto.url, 'us-east-1', { base: env });
    expect((await sweepOnrampResources(direct, ['us-east-1'])).filter((x) => x.configuration === n.name)).toEqual([]);
    // Nothing saved, and no interrupted run left behind.
    expect((await cli(['setup', 'interrupted', '--json'], env)).json.runs).toEqual([]);
    expect(await new ConfigurationStore(env.ONRAMP_DATA_DIR!).list()).toEqual([]);
  }, 60_000);

  it('a successful apply asks STS who-am-I exactly once (no extra call to save the configuration)', async () => {
    const n = names();
    const before = slow.requests.length;
    const r = await cli(['setup', 'apply', ...flags(n)], env);
    expect(r.code, r.stderr).toBe(0);
    expect(slow.requests.slice(before).filter((x) => x.action === 'GetCallerIdentity')).toHaveLength(1);
    expect((await new ConfigurationStore(env.ONRAMP_DATA_DIR!).get({ accountId: '123456789012', name: n.name }))?.accountId).toBe('123456789012');
  }, 60_000);

  it('verify and destroy refuse a saved configuration of another account, naming both accounts, before touching its resources', async () => {
    const n = names();
    const store = new ConfigurationStore(env.ONRAMP_DATA_DIR!);
    await store.save({
      name: n.name, region: 'us-east-1', bucketName: n.bucket, tableName: n.table, tableArn: `arn:aws:dynamodb:us-east-1:999999999999:table/${n.table}`,
      roleName: n.role, roleArn: `arn:aws:iam::999999999999:role/${n.role}`, externalId: 'safe-external-id', platformAccountId: '481633624848',
      accountId: '999999999999', profile: 'prod', createdAt: new Date().toISOString(), verifiedAt: null,
    });
    for (const verb of ['verify', 'destroy']) {
      const before = slow.requests.length;
      const r = await cli(['setup', verb, ...flags(n)], env);
      expect(r.code).toBe(3);
      expect(r.json.error).toMatchObject({ code: 'WrongAccount', message: expect.stringMatching(/belongs to account 999999999999; you are connected to 123456789012/) });
      // Only who-am-I was asked: no misleading S3/DynamoDB/IAM results.
      expect(slow.requests.slice(before).map((x) => x.service)).toEqual(['sts']);
    }
    expect((await store.get({ accountId: '999999999999', name: n.name }))?.accountId).toBe('999999999999');
  }, 60_000);
});
