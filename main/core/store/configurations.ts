import { access, chmod, copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { SavedConfigurationSchema, type SavedConfiguration } from '../../../shared/contract/setup';
import { AppError } from '../../../shared/errors';
import { nameTakenMessage, sameKey, sameResources, type ConfigurationKey } from '../../../shared/setup/saved-configurations';
import { readJsonFile, writeFileAtomic } from './json-file';

/**
 * Version 1 kept one record per name (a save replaced any record of that name, whatever its account);
 * version 2 keys records by account and name. The records themselves have the same shape.
 */
const FileV1Schema = z.object({ version: z.literal(1), configurations: z.array(SavedConfigurationSchema) });
const FileV2Schema = z.object({ version: z.literal(2), configurations: z.array(SavedConfigurationSchema) });
const FileSchema = z.union([FileV2Schema, FileV1Schema]);

/** Where a version-1 file is copied, untouched, before it is first rewritten as version 2. */
export const V1_BACKUP_FILE = 'configurations.v1.json';

/** A save that would replace another configuration: same account and name, other resources. */
export class ConfigurationNameTaken extends AppError {
  constructor(readonly existing: SavedConfiguration) {
    super('Conflict', nameTakenMessage(existing), 'name');
  }
}

/**
 * The local list of Cloud Configurations, one JSON file in the data folder, keyed by account and
 * name: the same name may be saved once per account, and nothing replaces a record silently. Holds
 * no secret.
 */
export class ConfigurationStore {
  private readonly path: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataDir: string) {
    this.path = join(dataDir, 'configurations.json');
  }

  /**
   * Every saved configuration, newest first. Never throws: a corrupt file is set aside and an empty
   * list returned, and an unreadable one (permissions, a folder in its place) reads as empty.
   */
  async list(): Promise<SavedConfiguration[]> {
    try {
      return (await this.read()).list;
    } catch {
      return [];
    }
  }

  /** The list as on disk (a version-1 file read as it is); throws when the file cannot be read, so a write never clobbers it. */
  private async read(): Promise<{ list: SavedConfiguration[]; version: 1 | 2 | null }> {
    const read = await readJsonFile(this.path, FileSchema);
    if (read.kind !== 'ok') return { list: [], version: null };
    return { list: [...read.value.configurations].sort((a, b) => b.createdAt.localeCompare(a.createdAt)), version: read.value.version };
  }

  /** One configuration by account and name, or null. */
  async get(key: ConfigurationKey): Promise<SavedConfiguration | null> {
    return (await this.list()).find((c) => sameKey(c, key)) ?? null;
  }

  /**
   * Save a configuration: a new account and name is added; the same account and name with the same
   * resources (a re-apply) is updated in place, keeping when it was first created and its platform
   * link; the same account and name
   * with other resources is refused (ConfigurationNameTaken), never replaced. Writes are serialised
   * and atomic.
   */
  save(config: SavedConfiguration): Promise<void> {
    return this.mutate((list) => {
      const existing = list.find((c) => sameKey(c, config));
      if (existing && !sameResources(existing, config)) throw new ConfigurationNameTaken(existing);
      const kept = existing ? { ...config, createdAt: existing.createdAt, platform: config.platform ?? existing.platform } : config;
      if (kept.platform === undefined) delete kept.platform;
      return [...list.filter((c) => !sameKey(c, config)), kept];
    });
  }

  /** Update fields of a saved configuration, if present (its account and name stay). */
  update(key: ConfigurationKey, patch: Partial<Omit<SavedConfiguration, 'accountId' | 'name'>>): Promise<void> {
    return this.mutate((list) => list.map((c) => (sameKey(c, key) ? { ...c, ...patch, accountId: c.accountId, name: c.name } : c)));
  }

  /** Remove a configuration from the list. */
  remove(key: ConfigurationKey): Promise<void> {
    return this.mutate((list) => list.filter((c) => !sameKey(c, key)));
  }

  private mutate(fn: (list: SavedConfiguration[]) => SavedConfiguration[]): Promise<void> {
    const next = this.queue.then(async () => {
      const { list, version } = await this.read();
      const updated = fn(list);
      // Migrating: the version-1 file is kept as it was, once, before the first version-2 write.
      if (version === 1) await this.backUpV1();
      await writeFileAtomic(this.path, JSON.stringify({ version: 2, configurations: updated }, null, 2));
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async backUpV1(): Promise<void> {
    const backup = join(this.dataDir, V1_BACKUP_FILE);
    const exists = await access(backup).then(
      () => true,
      () => false,
    );
    if (exists) return;
    await copyFile(this.path, backup);
    await chmod(backup, 0o600).catch(() => undefined);
  }
}
