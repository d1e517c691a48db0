import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withResourceLock } from '../../../main/core/setup/lock';

const lockFile = (names: string[]) =>
  join(tmpdir(), 'onramp-locks', `${createHash('sha256').update(names.join('\n')).digest('hex').slice(0, 32)}.lock`);
const uniqueNames = () => {
  const id = randomBytes(4).toString('hex');
  return [`bucket:b-${id}`, `table:us-east-1/t-${id}`, `role:r-${id}`];
};

describe('withResourceLock', () => {
  it('holds a file naming this process while running, and removes it afterwards', async () => {
    const names = uniqueNames();
    const seen = await withResourceLock(names, async () => readFileSync(lockFile(names), 'utf8'));
    expect(seen).toBe(String(process.pid));
    expect(existsSync(lockFile(names))).toBe(false);
  });

  it('refuses a second holder of the same names with Busy, naming them', async () => {
    const names = uniqueNames();
    let release!: () => void;
    const first = withResourceLock(names, () => new Promise<string>((r) => (release = () => r('first'))));
    await expect(withResourceLock(names, async () => 'second')).rejects.toMatchObject({ code: 'Busy', message: expect.stringContaining(names[0]!) });
    release();
    await expect(first).resolves.toBe('first');
    // Free again once the first is done.
    await expect(withResourceLock(names, async () => 'third')).resolves.toBe('third');
  });

  it('lets different names run at the same time', async () => {
    const a = uniqueNames();
    const b = uniqueNames();
    const results = await withResourceLock(a, () => withResourceLock(b, async () => 'both'));
    expect(results).toBe('both');
  });

  it('releases the lock when the work throws', async () => {
    const names = uniqueNames();
    await expect(withResourceLock(names, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(lockFile(names))).toBe(false);
    await expect(withResourceLock(names, async () => 'ok')).resolves.toBe('ok');
  });

  it('takes over a lock left by a dead process', async () => {
    const names = uniqueNames();
    mkdirSync(join(tmpdir(), 'onramp-locks'), { recursive: true });
    // PIDs above the kernel's maximum cannot be alive.
    writeFileSync(lockFile(names), '4194305');
    await expect(withResourceLock(names, async () => 'taken over')).resolves.toBe('taken over');
  });

  it('respects a lock held by another live process', async () => {
    const names = uniqueNames();
    mkdirSync(join(tmpdir(), 'onramp-locks'), { recursive: true });
    writeFileSync(lockFile(names), String(process.ppid));
    try {
      await expect(withResourceLock(names, async () => 'no')).rejects.toMatchObject({ code: 'Busy' });
      expect(readFileSync(lockFile(names), 'utf8')).toBe(String(process.ppid));
    } finally {
      (await import('node:fs')).rmSync(lockFile(names), { force: true });
    }
  });
});
