/**
 * A roll-out's random values before its StackSet exists: the external ID base and the monitoring
 * role's external ID. Plan makes them (so the external IDs it shows are the ones apply deploys) and
 * keeps them in the data folder; once the StackSet exists its parameters are the truth and this file
 * is only a fallback. Not secrets (AWS: an external ID is not a secret), but unguessable.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeFileAtomic } from '../store/json-file';
import { newExternalIdBase, newMonitoringExternalId } from './names';

/** The random values of one roll-out. */
export interface RolloutSeeds {
  externalIdBase: string;
  monitoringExternalId: string;
}

const SeedSchema = z.object({ externalIdBase: z.string().min(2), monitoringExternalId: z.string().min(2), createdAt: z.string() });
const FileSchema = z.object({ version: z.literal(1), rollouts: z.record(z.string(), SeedSchema) });

/** The roll-outs' seeds, one JSON file in the data folder, keyed by administering account, region and StackSet. */
export class SeedStore {
  private readonly path: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string, private readonly now: () => number = Date.now) {
    this.path = join(dataDir, 'org-rollouts.json');
  }

  private static key(admin: string, region: string, stackSet: string): string {
    return `${admin}/${region}/${stackSet}`;
  }

  /** The seeds of a roll-out, made and kept on first use. */
  seedsFor(admin: string, region: string, stackSet: string): Promise<RolloutSeeds> {
    const next = this.queue.then(async () => {
      const read = await readJsonFile(this.path, FileSchema);
      const all = read.kind === 'ok' ? read.value.rollouts : {};
      const key = SeedStore.key(admin, region, stackSet);
      const found = all[key];
      if (found) return { externalIdBase: found.externalIdBase, monitoringExternalId: found.monitoringExternalId };
      const made = { externalIdBase: newExternalIdBase(), monitoringExternalId: newMonitoringExternalId(), createdAt: new Date(this.now()).toISOString() };
      await writeFileAtomic(this.path, JSON.stringify({ version: 1, rollouts: { ...all, [key]: made } }, null, 2));
      return { externalIdBase: made.externalIdBase, monitoringExternalId: made.monitoringExternalId };
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Forget a roll-out's seeds (after its StackSet was deleted). */
  forget(admin: string, region: string, stackSet: string): Promise<void> {
    const next = this.queue.then(async () => {
      const read = await readJsonFile(this.path, FileSchema);
      if (read.kind !== 'ok') return;
      const { [SeedStore.key(admin, region, stackSet)]: _gone, ...rest } = read.value.rollouts;
      await writeFileAtomic(this.path, JSON.stringify({ version: 1, rollouts: rest }, null, 2));
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
