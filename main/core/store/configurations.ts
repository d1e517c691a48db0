import { join } from 'node:path';
import { z } from 'zod';
import { SavedConfigurationSchema, type SavedConfiguration } from '../../../shared/contract/setup';
import { readJsonFile, writeFileAtomic } from './json-file';

const FileSchema = z.object({ version: z.literal(1), configurations: z.array(SavedConfigurationSchema) });

/** The local list of Cloud Configurations, one JSON file in the data folder. Holds no secret. */
export class ConfigurationStore {
  private readonly path: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    this.path = join(dataDir, 'configurations.json');
  }

  /**
   * Every saved configuration, newest first. Never throws: a corrupt file is set aside and an empty
   * list returned, and an unreadable one (permissions, a folder in its place) reads as empty.
   */
  async list(): Promise<SavedConfiguration[]> {
    try {
      return await this.read();
    } catch {
      return [];
    }
  }

  /** The list as on disk; throws when the file cannot be read, so a write never clobbers it. */
  private async read(): Promise<SavedConfiguration[]> {
    const read = await readJsonFile(this.path, FileSchema);
    if (read.kind !== 'ok') return [];
    return [...read.value.configurations].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** One configuration by name, or null. */
  async get(name: string): Promise<SavedConfiguration | null> {
    return (await this.list()).find((c) => c.name === name) ?? null;
  }

  /** Insert or replace a configuration by name (writes are serialised and atomic). */
  save(config: SavedConfiguration): Promise<void> {
    return this.mutate((list) => [...list.filter((c) => c.name !== config.name), config]);
  }

  /** Update fields of a saved configuration, if present. */
  update(name: string, patch: Partial<SavedConfiguration>): Promise<void> {
    return this.mutate((list) => list.map((c) => (c.name === name ? { ...c, ...patch } : c)));
  }

  /** Remove a configuration from the list. */
  remove(name: string): Promise<void> {
    return this.mutate((list) => list.filter((c) => c.name !== name));
  }

  private mutate(fn: (list: SavedConfiguration[]) => SavedConfiguration[]): Promise<void> {
    const next = this.queue.then(async () => {
      const list = await this.read();
      await writeFileAtomic(this.path, JSON.stringify({ version: 1, configurations: fn(list) }, null, 2));
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
