import { createHash } from 'node:crypto';
import { mkdirSync, openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';

const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Run `fn` while holding an exclusive lock on a set of resource names, across this process and
 * other Onramp processes (app and CLI) on the machine. A second apply of the same resources at once
 * is refused with Busy instead of racing the first and leaving duplicates or a half-made result.
 * A lock left by a dead process is taken over.
 */
export async function withResourceLock<T>(names: string[], fn: () => Promise<T>): Promise<T> {
  const key = createHash('sha256').update(names.join('\n')).digest('hex').slice(0, 32);
  const dir = join(tmpdir(), 'onramp-locks');
  const file = join(dir, `${key}.lock`);
  const busy = () =>
    new AppError('Busy', `Another Onramp run is already applying or destroying these resources (${names.join(', ')}). Wait for it to finish, then try again.`);
  if (held.has(key)) throw busy();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw busy();
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && alive(owner)) throw busy();
      rmSync(file, { force: true });
    }
  }
  held.add(key);
  try {
    return await fn();
  } finally {
    held.delete(key);
    rmSync(file, { force: true });
  }
}
