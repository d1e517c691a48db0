import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resourceLockNames, withResourceLock } from '../../../main/core/setup/lock';

const id = () => randomBytes(4).toString('hex');
const config = (bucket: string, table: string, role: string, region = 'us-east-1') => ({ region, bucketName: bucket, tableName: table, roleName: role });

describe('withResourceLock (one lock per name)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'onramp-lock-test-'));
  });
  afterEach(() => {
    // Every lock released: the folder holds no lock file any more.
    expect(readdirSync(dir).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });

  /** Hold the lock on `names` until the returned release is called. */
  async function hold(names: string[]) {
    let release!: () => void;
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const done = withResourceLock(names, () => new Promise<void>((r) => { release = r; started(); }), { dir });
    await running;
    return { release: async () => { release(); await done; } };
  }

  for (const shared of ['bucket', 'table', 'role'] as const) {
    it(`two configurations sharing only the ${shared} exclude each other, naming the lock file and holder`, async () => {
      const n = id();
      const p = config(`b-p-${n}`, `t-p-${n}`, `R-p-${n}`);
      const q = config(`b-q-${n}`, `t-q-${n}`, `R-q-${n}`);
      if (shared === 'bucket') q.bucketName = p.bucketName;
      if (shared === 'table') q.tableName = p.tableName;
      if (shared === 'role') q.roleName = p.roleName;
      // Exactly one name in common.
      const common = resourceLockNames(p).filter((x) => resourceLockNames(q).includes(x));
      expect(common).toHaveLength(1);
      const first = await hold(resourceLockNames(p));
      const err = await withResourceLock(resourceLockNames(q), async () => 'ran', { dir }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'Busy' });
      const message = (err as Error).message;
      expect(message).toContain(dir);
      expect(message).toContain(`${process.pid}`);
      // Q took none of its other names while refused: they are free at once.
      const others = resourceLockNames(q).filter((x) => !common.includes(x));
      await expect(withResourceLock(others, async () => 'free', { dir })).resolves.toBe('free');
      await first.release();
      await expect(withResourceLock(resourceLockNames(q), async () => 'after', { dir })).resolves.toBe('after');
    });
  }

  it('role names differing only in case are the same lock (IAM role names are case-insensitive)', async () => {
    const n = id();
    const first = await hold(resourceLockNames(config(`b1-${n}`, `t1-${n}`, `Platform-${n}`)));
    await expect(withResourceLock(resourceLockNames(config(`b2-${n}`, `t2-${n}`, `PLATFORM-${n}`)), async () => 'x', { dir })).rejects.toMatchObject({ code: 'Busy' });
    await first.release();
  });

  it('a table of the same name in another region is another lock', async () => {
    const n = id();
    const first = await hold(resourceLockNames(config(`b1-${n}`, `t-${n}`, `r1-${n}`, 'us-east-1')));
    await expect(withResourceLock(resourceLockNames(config(`b2-${n}`, `t-${n}`, `r2-${n}`, 'us-west-2')), async () => 'ok', { dir })).resolves.toBe('ok');
    await first.release();
  });

  it('configurations with no name in common run at the same time', async () => {
    const n = id();
    const result = await withResourceLock(resourceLockNames(config(`a-${n}`, `a-${n}`, `a-${n}`)), () =>
      withResourceLock(resourceLockNames(config(`b-${n}`, `b-${n}`, `b-${n}`)), async () => 'both', { dir }), { dir });
    expect(result).toBe('both');
  });

  it('releases every lock when the work throws', async () => {
    const names = resourceLockNames(config(`b-${id()}`, 't', 'r'));
    await expect(withResourceLock(names, async () => Promise.reject(new Error('boom')), { dir })).rejects.toThrow('boom');
    await expect(withResourceLock(names, async () => 'ok', { dir })).resolves.toBe('ok');
  });

  it('takes over the lock of a dead process, and refuses one of a live process (another real process)', async () => {
    const name = `bucket:b-${id()}`;
    // A live holder: a child process that writes its own lock file the way a real holder would.
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../../helpers/lock-holder.ts', import.meta.url)), dir, name], { stdio: ['pipe', 'pipe', 'inherit'] });
    await new Promise<void>((r) => child.stdout.once('data', () => r()));
    const err = await withResourceLock([name], async () => 'no', { dir }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(new RegExp(`process ${child.pid} \\(`));
    // Kill it without letting it release: its lock file stays, and is taken over.
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(readdirSync(dir).filter((f) => f.endsWith('.lock'))).toHaveLength(1);
    await expect(withResourceLock([name], async () => 'taken over', { dir })).resolves.toBe('taken over');
  }, 30_000);

  it('a lock whose PID is alive but belongs to a different process start (reused PID) is stale', async () => {
    const name = `bucket:b-${id()}`;
    const file = join(dir, `${name.replace(':', '%3a')}.lock`);
    writeFileSync(file, JSON.stringify({ pid: process.ppid, started: '1', command: 'old onramp', acquiredAt: '2020-01-01T00:00:00Z' }));
    await expect(withResourceLock([name], async () => 'ok', { dir })).resolves.toBe('ok');
    expect(existsSync(file)).toBe(false);
  });

  it('hostile files: a folder or a symbolic link in place of a lock file is reported, never followed or removed', async () => {
    const name = `bucket:b-${id()}`;
    const file = join(dir, `${name.replace(':', '%3a')}.lock`);
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    symlinkSync(victim, file);
    await expect(withResourceLock([name], async () => 'no', { dir })).rejects.toMatchObject({ code: 'Busy', message: expect.stringContaining('not a lock file') });
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    (await import('node:fs')).rmSync(file);
    mkdirSync(file);
    await expect(withResourceLock([name], async () => 'no', { dir })).rejects.toMatchObject({ code: 'Busy' });
    (await import('node:fs')).rmSync(file, { recursive: true });
  });

  it('a lock folder that is a file is an error, not a silent pass', async () => {
    const notDir = join(dir, 'plain-file');
    writeFileSync(notDir, '');
    await expect(withResourceLock(['bucket:x'], async () => 'no', { dir: notDir })).rejects.toThrow(/not a folder/);
  });
});
