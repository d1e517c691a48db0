import { closeSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError } from '../../../shared/errors';

/** Names held by this process, so a second run inside the same app is refused too. */
const held = new Set<string>();

/** What a lock file records about its holder (no secret: never the full command line). */
export interface LockOwner {
  pid: number;
  /** The process's start time from /proc (Linux), so a reused PID is not mistaken for the holder. */
  started: string | null;
  command: string;
  acquiredAt: string;
}

/** The lock names of one configuration's resources: role names are case-insensitive in IAM. */
export function resourceLockNames(input: { region: string; bucketName: string; tableName: string; roleName: string }): string[] {
  return [`bucket:${input.bucketName}`, `table:${input.region}/${input.tableName}`, `role:${input.roleName.toLowerCase()}`];
}

/** The folder lock files live in: one per user, shared by every data folder (AWS names are shared). */
export function defaultLockDir(): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return join(tmpdir(), `onramp-locks-${uid}`);
}

/** The lock file for one name; every character outside [A-Za-z0-9._-] is %-encoded, so the mapping is one-to-one. */
export function lockFileFor(dir: string, name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return join(dir, `${safe}.lock`);
}

function procStart(pid: number): string | null {
  try {
    // Field 22 of /proc/PID/stat (after the parenthesised command, which may hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function alive(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = owner.started ? procStart(owner.pid) : null;
  return !(owner.started && now && now !== owner.started);
}

/** This process, as a lock file describes it: program and command words, never flag values. */
function describeSelf(): string {
  const words = process.argv.slice(2).filter((a, i, all) => !a.startsWith('-') && all.slice(0, i).every((b) => !b.startsWith('-')));
  return [basename(process.argv[0] ?? 'node'), basename(process.argv[1] ?? ''), ...words.slice(0, 3)].filter(Boolean).join(' ');
}

function readOwner(file: string): LockOwner | null {
  try {
    const st = lstatSync(file);
    if (!st.isFile()) return { pid: -1, started: null, command: 'not a regular file', acquiredAt: '' };
    const text = readFileSync(file, 'utf8').slice(0, 2000);
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    if (!Number.isInteger(parsed.pid) || (parsed.pid ?? 0) <= 0) return null;
    return { pid: parsed.pid!, started: parsed.started ?? null, command: String(parsed.command ?? '?').slice(0, 200), acquiredAt: String(parsed.acquiredAt ?? '') };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { pid: 0, started: null, command: '', acquiredAt: '' };
    // Unreadable or not ours: a legacy lock holding a bare PID, or garbage (treated as stale).
    const bare = Number((() => {
      try {
        return readFileSync(file, 'utf8').trim();
      } catch {
        return '';
      }
    })());
    return Number.isInteger(bare) && bare > 0 ? { pid: bare, started: null, command: 'onramp', acquiredAt: '' } : null;
  }
}

function busy(name: string, file: string, owner: LockOwner | null): AppError {
  const who = !owner
    ? 'another process'
    : owner.pid === process.pid
      ? `this process (${owner.pid}, ${owner.command || 'onramp'})`
      : owner.pid < 0
        ? `something that is not a lock file (${owner.command}); remove it if no Onramp run is active`
        : `process ${owner.pid} (${owner.command || 'onramp'}${owner.acquiredAt ? `, since ${owner.acquiredAt}` : ''})`;
  return new AppError(
    'Busy',
    `Another Onramp run is applying or destroying ${name.replace(':', ' ')}: the lock ${file} is held by ${who}. Wait for it to finish, then try again.`,
  );
}

function ensureDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch {
    /* judged below */
  }
  const st = lstatSync(dir, { throwIfNoEntry: false });
  if (!st) throw new AppError('Internal', `The lock folder ${dir} cannot be created.`);
  if (!st.isDirectory()) throw new AppError('Internal', `The lock folder ${dir} is not a folder; remove it and try again.`);
  if (typeof process.getuid === 'function' && st.uid !== process.getuid()) {
    throw new AppError('Internal', `The lock folder ${dir} belongs to another user; Onramp will not use it.`);
  }
}

/** Take one name's lock or throw Busy; a lock of a dead process is moved aside and taken over. */
function acquireOne(dir: string, name: string): string {
  const file = lockFileFor(dir, name);
  const me: LockOwner = { pid: process.pid, started: procStart(process.pid), command: describeSelf(), acquiredAt: new Date().toISOString() };
  if (held.has(name)) throw busy(name, file, me);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      try {
        writeSync(fd, JSON.stringify(me));
      } finally {
        closeSync(fd);
      }
      held.add(name);
      return file;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new AppError('Internal', `Could not create the lock ${file}: ${(err as Error).message}`);
    }
    const owner = readOwner(file);
    if (owner && owner.pid === 0) continue; // vanished meanwhile: try again
    if (owner && (owner.pid < 0 || alive(owner))) throw busy(name, file, owner);
    // Stale. Move it aside under a unique name and look again: if what was moved turns out to be a
    // live lock (another process took over first), put it back and report Busy.
    const aside = `${file}.stale-${process.pid}-${Date.now()}-${attempt}`;
    try {
      renameSync(file, aside);
    } catch {
      continue;
    }
    const moved = readOwner(aside);
    if (moved && moved.pid > 0 && alive(moved)) {
      try {
        linkSync(aside, file);
      } catch {
        /* someone else holds it now; they see themselves as the owner */
      }
      rmSync(aside, { force: true });
      throw busy(name, file, moved);
    }
    rmSync(aside, { force: true });
  }
  throw busy(name, file, readOwner(file));
}

function release(name: string, file: string): void {
  held.delete(name);
  // Remove only our own lock (never one a takeover put there after ours was judged stale).
  const owner = readOwner(file);
  if (owner && owner.pid === process.pid) rmSync(file, { force: true });
}

/**
 * Run `fn` while holding an exclusive lock on each resource name, across this process and every
 * other Onramp process of this user (app and CLI). One lock file per name, taken in sorted order
 * and released in reverse, so any two runs that share one name exclude each other and never
 * deadlock. A lock left by a dead process (or a reused PID) is taken over; a live one gives Busy,
 * naming the lock file and its holder.
 */
export async function withResourceLock<T>(names: string[], fn: () => Promise<T>, opts: { dir?: string } = {}): Promise<T> {
  const dir = opts.dir ?? defaultLockDir();
  ensureDir(dir);
  const sorted = [...new Set(names)].sort();
  const taken: [string, string][] = [];
  try {
    for (const name of sorted) taken.push([name, acquireOne(dir, name)]);
  } catch (err) {
    for (const [name, file] of taken.reverse()) release(name, file);
    throw err;
  }
  try {
    return await fn();
  } finally {
    for (const [name, file] of taken.reverse()) release(name, file);
  }
}

/** True when a live process `pid` holds the lock on `name` (a running run; not an interrupted one). */
export function isLockHeldBy(name: string, pid: number, dir: string = defaultLockDir()): boolean {
  if (pid === process.pid) return held.has(name);
  const owner = readOwner(lockFileFor(dir, name));
  return Boolean(owner && owner.pid === pid && alive(owner));
}
