/**
 * The checks of a pass that need no AWS request (no region watched here): credentials expiring
 * within a day and expired, spend from the cost cache passing a budget (actual and forecast, once a
 * month), and a saved configuration failing its verify, at most daily. Each change once.
 */
import { describe, expect, it } from 'vitest';
import type { AwsContext } from '../../../main/core/aws/context';
import { runPass, type PassDeps, type SpendStatus } from '../../../main/core/watch/pass';
import { emptyWatchState, type WatchState } from '../../../main/core/watch/state';

const H = 3_600_000;
const T0 = Date.parse('2026-12-07T09:00:00Z');
const noAws = {} as AwsContext;

async function passes(deps: Omit<PassDeps, 'aws' | 'profile' | 'regions'>, times: number[]) {
  let state: WatchState = emptyWatchState();
  const out = [];
  for (const t of times) {
    const r = await runPass({ aws: noAws, profile: 'dev', regions: [], ...deps }, state, () => t);
    state = r.state;
    out.push(r.result.events);
  }
  return out;
}

describe('a pass without regions', () => {
  it('credentials: one event when they come within a day of expiring, one when they have expired, none in between', async () => {
    const expiresAt = T0 + 30 * H;
    const events = await passes({ credentials: async () => ({ expiresAt, label: 'profile dev (IAM Identity Center sign-in)' }) }, [T0, T0 + 7 * H, T0 + 8 * H, T0 + 9 * H, T0 + 31 * H, T0 + 32 * H]);
    expect(events.map((e) => e.length)).toEqual([0, 1, 0, 0, 1, 0]);
    expect(events[1]![0]).toMatchObject({ kind: 'credentials', screen: 'connect' });
    expect(events[1]![0]!.message).toContain('2026-12-08 15:00 UTC');
    expect(events[4]![0]!.message).toContain('have expired');
    expect(events.flat().every((e) => !/secret|token=/i.test(e.message))).toBe(true);
  });

  it('spend: passing a budget is one event for actual and one for forecast per month', async () => {
    let spend: SpendStatus = { month: '2026-12', currency: 'USD', total: '400.00', forecast: '900.00', budgets: [{ name: 'monthly', amount: '1000' }] };
    const deps = { spend: async () => spend };
    let state = emptyWatchState();
    const step = async (t: number) => {
      const r = await runPass({ aws: noAws, profile: 'dev', regions: [], ...deps }, state, () => t);
      state = r.state;
      return r.result.events;
    };
    expect(await step(T0)).toEqual([]);
    spend = { ...spend, forecast: '1200.00' };
    const f = await step(T0 + H);
    expect(f).toMatchObject([{ kind: 'spend', screen: 'cost' }]);
    expect(f[0]!.message).toContain('forecast');
    expect(await step(T0 + 2 * H)).toEqual([]);
    spend = { ...spend, total: '1000.01' };
    const a = await step(T0 + 3 * H);
    expect(a).toHaveLength(1);
    expect(a[0]!.message).toContain('1000.01 USD');
    expect(await step(T0 + 4 * H)).toEqual([]);
    // A new month starts afresh.
    spend = { ...spend, month: '2027-01', total: '1100.00' };
    expect(await step(T0 + 30 * 24 * H)).toHaveLength(2);
  });

  it('drift: a failed verify is one event; verify runs at most daily', async () => {
    let calls = 0;
    const verify = async () => {
      calls++;
      return [{ name: 'prod', ok: false, failed: ['the role does not trust the platform'] }];
    };
    const events = await passes({ verify }, [T0, T0 + H, T0 + 25 * H]);
    expect(calls).toBe(2);
    expect(events.map((e) => e.length)).toEqual([1, 0, 0]);
    expect(events[0]![0]).toMatchObject({ kind: 'drift', screen: 'configurations' });
    expect(events[0]![0]!.message).toContain('prod');
  });
});
