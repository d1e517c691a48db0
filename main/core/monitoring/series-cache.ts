import { join } from 'node:path';
import { z } from 'zod';
import type { Datapoint } from '../../../shared/monitoring/metric';
import { readJsonFile, writeFileAtomic } from '../store/json-file';
import type { SeriesQuery } from './metrics';

/** CloudWatch can revise or fill in the newest datapoints for a while; re-ask for at least this much. */
const REVISION_WINDOW_MS = 15 * 60_000;
/** Bounds on what the cache keeps (memory and file size). */
const MAX_SERIES = 100;
const MAX_POINTS_PER_SERIES = 120_000;

const EntrySchema = z.object({ key: z.string(), start: z.number(), through: z.number(), usedAt: z.number(), t: z.array(z.number()), v: z.array(z.number()) });
const FileSchema = z.object({ version: z.literal(1), entries: z.array(EntrySchema) });

interface Entry {
  start: number;
  through: number;
  usedAt: number;
  points: Datapoint[];
}

/**
 * Metric series fetched this session and before, kept in main and persisted in the data folder, so
 * a refresh asks CloudWatch only for the new tail (plus a short revision window) instead of the
 * whole range again. Keys include the account and endpoint (`scope`), so profiles never mix.
 */
export class SeriesCache {
  private entries = new Map<string, Entry>();
  private loaded: Promise<void> | null = null;
  private saveTimer: NodeJS.Timeout | null = null;

  /** `dataDir` null keeps the cache in memory only; `now` is the clock that stamps when a series was last used (for eviction). */
  constructor(
    private readonly dataDir: string | null,
    private readonly now: () => number = Date.now,
  ) {}

  /** The points of `q`, fetching only what the cache does not already hold. */
  async get(scope: string, q: SeriesQuery, fetch: (q: SeriesQuery) => Promise<Datapoint[]>): Promise<Datapoint[]> {
    const [points] = await this.getMany(scope, [q], async (window) => [await fetch({ ...q, ...window })]);
    return points!;
  }

  /**
   * The points of several series over one window (same statistic, period, start and end), fetched
   * together: one `fetchMany` call over the part no series holds yet (from the earliest point any of
   * them lacks), answering one series per query in order. Each series is kept under its own key.
   */
  async getMany(scope: string, queries: readonly SeriesQuery[], fetchMany: (window: Pick<SeriesQuery, 'stat' | 'period' | 'start' | 'end'>) => Promise<Datapoint[][]>): Promise<Datapoint[][]> {
    await this.load();
    const q = queries[0];
    if (!q) return [];
    const p = q.period * 1000;
    const keys = queries.map((x) => `${scope}|${x.region}|${JSON.stringify(x.metric)}|${x.stat}|${x.period}`);
    const reusable = keys.map((key) => {
      const e = this.entries.get(key);
      return e && e.start <= q.start && e.through >= q.start && e.through <= q.end ? e : null;
    });
    // Each cached series is asked again only from a short revision window before its newest point.
    const froms = reusable.map((e) => (e ? Math.max(q.start, Math.floor((e.through - Math.max(REVISION_WINDOW_MS, 2 * p)) / p) * p) : q.start));
    const from = Math.min(...froms);
    const fresh = from < q.end ? await fetchMany({ stat: q.stat, period: q.period, start: from, end: q.end }) : keys.map(() => []);
    const now = this.now();
    keys.forEach((key, i) => {
      const e = reusable[i];
      if (e) {
        if (from < q.end) {
          e.points = [...e.points.filter((pt) => pt.t < from), ...fresh[i]!];
          e.through = q.end;
        }
        e.usedAt = now;
        this.trim(e, q.start);
      } else {
        this.entries.set(key, { start: q.start, through: q.end, usedAt: now, points: fresh[i]! });
      }
    });
    this.evict();
    this.scheduleSave();
    return keys.map((key) => (this.entries.get(key)?.points ?? []).filter((pt) => pt.t >= q.start && pt.t < q.end));
  }

  /** Write any pending change now (on quit). */
  async flush(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    await this.save();
  }

  private trim(e: Entry, keepFrom: number): void {
    if (e.points.length <= MAX_POINTS_PER_SERIES) return;
    e.points = e.points.filter((p) => p.t >= keepFrom).slice(-MAX_POINTS_PER_SERIES);
    e.start = Math.max(e.start, e.points[0]?.t ?? keepFrom);
  }

  private evict(): void {
    if (this.entries.size <= MAX_SERIES) return;
    const oldest = [...this.entries.entries()].sort((a, b) => a[1].usedAt - b[1].usedAt).slice(0, this.entries.size - MAX_SERIES);
    for (const [k] of oldest) this.entries.delete(k);
  }

  private file(): string | null {
    return this.dataDir ? join(this.dataDir, 'cache', 'metric-series.json') : null;
  }

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      const file = this.file();
      if (!file) return;
      const read = await readJsonFile(file, FileSchema).catch(() => null);
      if (read?.kind !== 'ok') return;
      for (const e of read.value.entries) {
        this.entries.set(e.key, { start: e.start, through: e.through, usedAt: e.usedAt, points: e.t.map((t, i) => ({ t, v: e.v[i]! })) });
      }
    })();
    return this.loaded;
  }

  private scheduleSave(): void {
    if (!this.file() || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.save().catch(() => undefined);
    }, 1_000);
    this.saveTimer.unref?.();
  }

  private async save(): Promise<void> {
    const file = this.file();
    if (!file) return;
    const entries = [...this.entries.entries()].map(([key, e]) => ({ key, start: e.start, through: e.through, usedAt: e.usedAt, t: e.points.map((p) => p.t), v: e.points.map((p) => p.v) }));
    await writeFileAtomic(file, JSON.stringify({ version: 1, entries }));
  }
}
