import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, realpath, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Read a file as latin1 (every byte kept as one character, so it can be written back unchanged); '' when missing. */
export async function readBytesAsText(path: string): Promise<string> {
  try {
    return await readFile(path, 'latin1');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw err;
  }
}

/** The file a path ends at when it is (or leads through) a symlink, so replacing it keeps the user's link. */
async function resolveTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return path;
    throw err;
  }
}

/**
 * Replace a file atomically with contents only its owner may read (0600), creating missing folders
 * as 0700: write a fresh temp file beside it (exclusive create, never following a planted link),
 * fsync, then rename over the target. Readers see the old file or the new one, never half of either.
 */
export async function writePrivateFileAtomic(path: string, contents: string, encoding: BufferEncoding): Promise<void> {
  const target = await resolveTarget(path);
  const dir = dirname(target);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.${basename(target)}.onramp-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(contents, encoding);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, target);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  // The temp file was created 0600; a umask can only have narrowed it, never widened it.
  await chmod(target, 0o600).catch(() => undefined);
}
