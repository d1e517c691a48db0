import { mkdir, open, readFile, rename, chmod } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';

/**
 * Write a file atomically (temp file, fsync, rename) readable by the user only, so a crash
 * mid-write never leaves a half-written file and nobody else on the machine can read it.
 */
export async function writeFileAtomic(path: string, contents: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(contents, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, path);
  await chmod(path, 0o600).catch(() => undefined);
}

/** Result of reading a JSON file against a schema. */
export type JsonReadResult<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'missing' }
  | { kind: 'invalid'; setAsideTo: string; reason: string };

/**
 * Read a JSON file and validate it. A corrupt or unknown-version file is renamed aside
 * (`<file>.corrupt-<time>`) so the caller can fall back to defaults without losing the user's data.
 */
export async function readJsonFile<T>(path: string, schema: z.ZodType<T>): Promise<JsonReadResult<T>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw err;
  }
  let reason: string;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return { kind: 'ok', value: parsed.data };
    reason = parsed.error.issues[0]?.message ?? 'does not match the expected shape';
  } catch (err) {
    reason = `not valid JSON (${(err as Error).message})`;
  }
  const setAsideTo = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(path, setAsideTo).catch(() => undefined);
  return { kind: 'invalid', setAsideTo, reason };
}
