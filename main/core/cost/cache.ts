import { join } from 'node:path';
import { z } from 'zod';
import { CostReportSchema, type CostReport } from '../../../shared/contract/cost';
import { readJsonFile, writeFileAtomic } from '../store/json-file';

/** A report as kept: what Cost Explorer said and when, without the per-answer fields. */
export type StoredReport = Omit<CostReport, 'cached' | 'freshUntil' | 'requests'>;

const StoredSchema = CostReportSchema.omit({ cached: true, freshUntil: true, requests: true });
const FileSchema = z.object({ version: z.literal(1), entries: z.array(z.object({ key: z.string(), report: StoredSchema })) });

/** At most this many reports are kept (periods × accounts); the oldest answers go first. */
const MAX_ENTRIES = 24;

/**
 * Cost Explorer answers kept in the data folder (`cache/cost-explorer.json`, readable by the user
 * only), so a view within the refresh interval — in the app or the CLI, across restarts — makes no
 * request. Keyed by account, endpoint and period. A corrupt file is set aside and the cache starts
 * empty; a failed write never fails a report.
 */
export class CostCache {
  private entries = new Map<string, StoredReport>();
  private loaded: Promise<void> | null = null;
  private inflight = new Map<string, Promise<unknown>>();

  /** `dataDir` null keeps answers in memory only. */
  constructor(private readonly dataDir: string | null) {}

  /** The key of a period's report for an account at an endpoint. */
  static key(account: string, endpointUrl: string | null, period: { start: string; end: string }): string {
    return `${account}|${endpointUrl ?? 'aws'}|${period.start}|${period.end}`;
  }

  /** The stored report, or null. */
  async get(key: string): Promise<StoredReport | null> {
    await this.load();
    return this.entries.get(key) ?? null;
  }

  /** Keep a report (and write the file). */
  async put(key: string, report: StoredReport): Promise<void> {
    await this.load();
    this.entries.delete(key);
    this.entries.set(key, report);
    const excess = [...this.entries.entries()].sort((a, b) => a[1].fetchedAt - b[1].fetchedAt).slice(0, Math.max(0, this.entries.size - MAX_ENTRIES));
    for (const [k] of excess) this.entries.delete(k);
    const file = this.file();
    if (file) await writeFileAtomic(file, JSON.stringify({ version: 1, entries: [...this.entries.entries()].map(([k, r]) => ({ key: k, report: r })) })).catch(() => undefined);
  }

  /** Run `fetch` once for concurrent callers of the same key (two views opened together ask Cost Explorer once). */
  once<T>(key: string, fetch: () => Promise<T>): Promise<T> {
    const running = this.inflight.get(key) as Promise<T> | undefined;
    if (running) return running;
    const started = fetch().finally(() => this.inflight.delete(key));
    this.inflight.set(key, started);
    return started;
  }

  private file(): string | null {
    return this.dataDir ? join(this.dataDir, 'cache', 'cost-explorer.json') : null;
  }

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      const file = this.file();
      if (!file) return;
      const read = await readJsonFile(file, FileSchema).catch(() => null);
      if (read?.kind !== 'ok') return;
      for (const e of read.value.entries) this.entries.set(e.key, e.report);
    })();
    return this.loaded;
  }
}
