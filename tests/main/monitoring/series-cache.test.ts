import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SeriesQuery } from '../../../main/core/monitoring/metrics';
import { SeriesCache } from '../../../main/core/monitoring/series-cache';
import type { Datapoint } from '../../../shared/monitoring/metric';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 1);
const series = (q: SeriesQuery): Datapoint[] => {
  const out: Datapoint[] = [];
  for (let t = q.start; t < q.end; t += q.period * 1000) out.push({ t, v: (t / MIN) % 97 });
  return out;
};
const query = (start: number, end: number): SeriesQuery => ({ region: 'us-east-1', metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' }, stat: 'Maximum', period: 300, start, end });

describe('SeriesCache', () => {
  it('asks only for the new tail (plus the revision window) on refresh, and returns the same points as a full fetch', async () => {
    const asked: SeriesQuery[] = [];
    const fetch = async (q: SeriesQuery) => (asked.push(q), series(q));
    const cache = new SeriesCache(null);
    const week = 7 * 24 * 60 * MIN;
    const first = await cache.get('acct', query(T0, T0 + week), fetch);
    expect(first).toHaveLength(2016);
    // Ten minutes later: the window slides by two periods.
    const later = await cache.get('acct', query(T0 + 10 * MIN, T0 + week + 10 * MIN), fetch);
    expect(asked).toHaveLength(2);
    expect(asked[1]!.start).toBe(T0 + week - 15 * MIN);
    expect((asked[1]!.end - asked[1]!.start) / (300 * 1000)).toBe(5);
    expect(later).toEqual(series(query(T0 + 10 * MIN, T0 + week + 10 * MIN)));
  });

  it('keeps scopes (accounts, endpoints) apart and refetches a range it does not cover', async () => {
    const asked: string[] = [];
    const cache = new SeriesCache(null);
    const fetch = (scope: string) => async (q: SeriesQuery) => (asked.push(`${scope}:${q.start}`), series(q));
    await cache.get('a', query(T0, T0 + 60 * MIN), fetch('a'));
    await cache.get('b', query(T0, T0 + 60 * MIN), fetch('b'));
    await cache.get('a', query(T0 - 60 * MIN, T0 + 60 * MIN), fetch('a'));
    expect(asked).toEqual([`a:${T0}`, `b:${T0}`, `a:${T0 - 60 * MIN}`]);
  });

  it('persists across restarts in the data folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onramp-cache-'));
    const one = new SeriesCache(dir);
    await one.get('acct', query(T0, T0 + 120 * MIN), async (q) => series(q));
    await one.flush();
    const asked: SeriesQuery[] = [];
    const two = new SeriesCache(dir);
    const pts = await two.get('acct', query(T0 + 5 * MIN, T0 + 125 * MIN), async (q) => (asked.push(q), series(q)));
    expect(asked).toHaveLength(1);
    expect(asked[0]!.start).toBeGreaterThan(T0 + 100 * MIN);
    expect(pts).toEqual(series(query(T0 + 5 * MIN, T0 + 125 * MIN)));
  });
});
