import { lstat, mkdir, realpath, rm, statfs } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { writeDurably } from '../setup/journal';

/**
 * Where Onramp keeps its own files (saved configurations, settings, caches, logs) when not run by
 * Electron: ONRAMP_DATA_DIR, else the platform's usual per-user application-data folder.
 * The Electron layer passes app.getPath('userData') instead. Never inside ~/.aws.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (env.ONRAMP_DATA_DIR) return env.ONRAMP_DATA_DIR;
  const home = env.HOME || homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Onramp');
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Onramp');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Onramp');
}

/** Filesystems a data folder must never be on (Linux statfs magic numbers): kernel views, not storage. */
const SPECIAL_FS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x73636673, 'securityfs'],
  [0x74726163, 'tracefs'],
  [0xcafe4a11, 'bpf'],
  [0x62656570, 'configfs'],
  [0x6165676c, 'pstore'],
  [0xde5e81e4, 'efivarfs'],
  [0x19800202, 'mqueue'],
]);
const SPECIAL_PREFIXES = ['/proc', '/sys', '/dev'];

/** The files in the data folder that must be regular files (or absent) and the folders that must be folders. */
const DATA_FILES = ['configurations.json', 'settings.json'];
const DATA_FOLDERS = ['journal'];

/**
 * Check that the data folder can hold Onramp's files before anything is changed in AWS: it exists or
 * can be created, is a folder on an ordinary filesystem (not /proc, /sys, /dev or another kernel
 * view), its store files are regular files, and a durable write there succeeds. Throws InvalidInput
 * naming the folder and the problem; never opens a FIFO or device (which could block).
 */
export async function checkDataDir(dir: string): Promise<void> {
  const fail = (why: string) => new AppError('InvalidInput', `The data folder ${dir} cannot be used: ${why}. Nothing was changed in AWS. Set ONRAMP_DATA_DIR to a writable folder.`, 'dataDir');
  const absolute = resolve(dir);
  // The nearest part of the path that exists, resolved through symbolic links.
  let existing = absolute;
  for (;;) {
    try {
      existing = await realpath(existing);
      break;
    } catch {
      const up = dirname(existing);
      if (up === existing) break;
      existing = up;
    }
  }
  const special = (p: string) => SPECIAL_PREFIXES.find((s) => p === s || p.startsWith(`${s}/`));
  const where = special(absolute) ?? special(existing);
  if (where) throw fail(`it is under ${where}, a kernel filesystem, not storage`);
  try {
    await mkdir(absolute, { recursive: true, mode: 0o700 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw fail(code === 'ENOTDIR' || code === 'EEXIST' ? 'a file is in the way (part of the path is not a folder)' : `it cannot be created (${code ?? (err as Error).message})`);
  }
  const st = await lstat(absolute).catch(() => null);
  const real = await realpath(absolute).catch(() => absolute);
  const target = st?.isSymbolicLink() ? await lstat(real).catch(() => null) : st;
  if (!target?.isDirectory()) throw fail('it is not a folder');
  if (special(real)) throw fail(`it resolves to ${real}, a kernel filesystem, not storage`);
  const fs = await statfs(real).catch(() => null);
  const kind = fs ? SPECIAL_FS.get(Number(fs.type)) : undefined;
  if (kind) throw fail(`it is on a ${kind} filesystem, not storage`);
  for (const name of DATA_FILES) {
    const f = await lstat(join(real, name)).catch(() => null);
    if (f && !f.isFile()) throw fail(`${name} there is ${f.isDirectory() ? 'a folder' : 'not a regular file'}, so the configuration could not be saved`);
  }
  for (const name of DATA_FOLDERS) {
    const f = await lstat(join(real, name)).catch(() => null);
    if (f && !f.isDirectory()) throw fail(`${name} there is not a folder, so the run could not be journaled`);
  }
  const probe = join(real, 'journal', `.write-check-${process.pid}.tmp`);
  try {
    await writeDurably(probe, '{}');
  } catch (err) {
    throw fail(`it is not writable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
}
