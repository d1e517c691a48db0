import { randomUUID } from 'node:crypto';
import { lstat, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { RegionSchema } from '../../../shared/contract/common';
import { SetupInputSchema, type SetupInput } from '../../../shared/contract/setup';

/** A resource a run is about to create, has created, or has created and hardened. */
export const JournalEntrySchema = z.object({
  kind: z.enum(['bucket', 'table', 'role', 'policy']),
  name: z.string().max(300),
  state: z.enum(['intended', 'created', 'hardened']),
  /** What identifies the resource once created (RoleId; table ARN and creation time; bucket creation date): optional, older journals lack it. */
  identity: z.object({ id: z.string().max(300).optional(), createdAt: z.string().max(40).optional() }).optional(),
});
export type JournalEntry = z.infer<typeof JournalEntrySchema>;

/** One run's record of intent: enough to finish or undo it after a crash. */
export const JournalSchema = z.object({
  version: z.literal(1),
  runId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  kind: z.enum(['apply']),
  configuration: z.string().max(64),
  account: z.string().regex(/^\d{12}$/),
  region: RegionSchema,
  profile: z.string().max(128).nullable(),
  pid: z.number().int(),
  startedAt: z.string(),
  input: SetupInputSchema,
  resources: z.array(JournalEntrySchema).max(8),
});
export type Journal = z.infer<typeof JournalSchema>;

/** A journal file that could not be read as one (shown, never acted on). */
export interface UnreadableJournal {
  file: string;
  reason: string;
}

/**
 * Write-ahead journal of setup runs: one file per run under `<dataDir>/journal/`, each write a
 * temp file + fsync + rename + fsync of the folder, so after a crash the file holds either the
 * previous or the new record, and the record is on disk before the AWS call it announces.
 */
export class SetupJournal {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'journal');
  }

  /** The file of one run. */
  fileOf(runId: string): string {
    return join(this.dir, `${runId}.json`);
  }

  /** Start a run's journal (nothing listed yet). */
  async begin(fields: { configuration: string; account: string; profile: string | null; input: SetupInput; now: () => number }): Promise<Journal> {
    const journal: Journal = {
      version: 1,
      runId: randomUUID(),
      kind: 'apply',
      configuration: fields.configuration,
      account: fields.account,
      region: fields.input.region,
      profile: fields.profile,
      pid: process.pid,
      startedAt: new Date(fields.now()).toISOString(),
      input: fields.input,
      resources: [],
    };
    await this.write(journal);
    return journal;
  }

  /** Record (durably) a resource's new state, and its identity once known; call with 'intended' before its create call. */
  async mark(journal: Journal, kind: JournalEntry['kind'], name: string, state: JournalEntry['state'], identity?: JournalEntry['identity']): Promise<void> {
    const i = journal.resources.findIndex((r) => r.kind === kind);
    // A later mark without an identity keeps the one recorded before.
    const known = identity ?? (i >= 0 ? journal.resources[i]!.identity : undefined);
    const entry: JournalEntry = known ? { kind, name, state, identity: known } : { kind, name, state };
    if (i >= 0) journal.resources[i] = entry;
    else journal.resources.push(entry);
    await this.write(journal);
  }

  /** Forget one resource (it was undone). */
  async drop(journal: Journal, kind: JournalEntry['kind']): Promise<void> {
    journal.resources = journal.resources.filter((r) => r.kind !== kind);
    await this.write(journal);
  }

  /** The run completed or was fully undone: remove its journal. */
  async clear(runId: string): Promise<void> {
    await rm(this.fileOf(runId), { force: true });
    await fsyncDir(this.dir);
  }

  /** Every journal on disk, and the files that are not readable journals. Never follows a FIFO or device. */
  async list(): Promise<{ journals: Journal[]; unreadable: UnreadableJournal[] }> {
    let names: string[];
    try {
      const st = await lstat(this.dir);
      if (!st.isDirectory()) return { journals: [], unreadable: [{ file: this.dir, reason: 'is not a folder' }] };
      names = await readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { journals: [], unreadable: [] };
      return { journals: [], unreadable: [{ file: this.dir, reason: (err as Error).message }] };
    }
    const journals: Journal[] = [];
    const unreadable: UnreadableJournal[] = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const file = join(this.dir, name);
      try {
        const st = await lstat(file);
        if (!st.isFile()) throw new Error('is not a regular file');
        if (st.size > 64 * 1024) throw new Error('is too large to be a journal');
        const parsed = JournalSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
        if (!parsed.success) throw new Error(`does not match the journal format (${parsed.error.issues[0]?.message ?? '?'})`);
        if (`${parsed.data.runId}.json` !== name) throw new Error('names another run');
        journals.push(parsed.data);
      } catch (err) {
        unreadable.push({ file, reason: (err as Error).message });
      }
    }
    return { journals, unreadable };
  }

  private async write(journal: Journal): Promise<void> {
    await writeDurably(this.fileOf(journal.runId), JSON.stringify(journal, null, 2));
  }
}

/** fsync a folder so a rename or unlink in it survives a power cut. */
async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}

/** Write a file with temp + fsync + rename + fsync(folder), mode 0600. */
export async function writeDurably(path: string, contents: string): Promise<void> {
  const dir = join(path, '..');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.${randomUUID()}.tmp`;
  const handle = await open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(contents, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  await fsyncDir(dir);
}
