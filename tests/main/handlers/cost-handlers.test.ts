/**
 * The cost IPC handlers through the real dispatch: cost:report answers from the cache only (null when
 * nothing fresh is there), cost:refresh is a run (runs:progress, runs:cancel) whose steps say what it
 * asks; the refresh interval comes from the settings (costRefreshHours) and the session's request log
 * counts Cost Explorer requests for Settings. Against the Cost Explorer fake.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { RequestLog } from '../../../main/core/aws/request-log';
import { contextForProfile } from '../../../main/core/profiles/session';
import { SettingsStore } from '../../../main/core/settings/settings-store';
import { ConfigurationStore } from '../../../main/core/store/configurations';
import { createInvoker, createSessionHolder } from '../../../main/handlers';
import { useCostExplorerFake } from '../../helpers/cost-explorer-fake';
import { envAt } from '../../helpers/fixtures';
import { NOW, seedItems, TODAY } from '../cost/seed';

const fake = useCostExplorerFake();

beforeEach(() => {
  fake.reset();
  fake.items = seedItems();
  fake.today = TODAY;
});

async function invoker() {
  const env = envAt(fake.url);
  const dataDir = mkdtempSync(join(tmpdir(), 'onramp-cost-h-'));
  const requestLog = new RequestLog();
  const aws = await contextForProfile({ profile: 'default', region: 'us-east-1', env, requestLog });
  const session = createSessionHolder();
  session.set({ aws, info: { profile: 'default', account: '123456789012', arn: 'arn:aws:iam::123456789012:user/t', userId: 'x', region: 'us-east-1', endpointUrl: fake.url } });
  const settings = new SettingsStore(dataDir);
  const clock = { now: NOW };
  const invoke = createInvoker({ env, dataDir, store: new ConfigurationStore(dataDir), session, requestLog, settings, now: () => clock.now });
  /** Start a refresh and wait for its run to end; its progress. */
  const refresh = async (req: Record<string, unknown> = {}) => {
    const started = (await invoke('cost:refresh', req)) as { ok: true; value: { runId: string } };
    expect(started.ok).toBe(true);
    for (;;) {
      const p = (await invoke('runs:progress', { runId: started.value.runId })) as { ok: true; value: { state: string; result: { cached: boolean; requests: { costExplorer: number } } | null; steps: { label: string; state: string }[]; error: { code: string } | null } };
      if (p.value.state !== 'running') return p.value;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { invoke, settings, clock, refresh };
}

describe('cost handlers', () => {
  it('cost:report never asks (null until a refresh ran); a refresh run reports its steps; the costRefreshHours setting bounds reuse; Settings counts the requests', async () => {
    const { invoke, settings, clock, refresh } = await invoker();
    await settings.update({ costRefreshHours: 1 });
    expect(await invoke('cost:report', {})).toEqual({ ok: true, value: null });
    expect(fake.calls).toHaveLength(0);
    const first = await refresh();
    expect(first).toMatchObject({ state: 'succeeded', result: { cached: false, requests: { costExplorer: 4 } } });
    expect(first.steps.map((s) => [s.label, s.state])).toEqual([
      ['Asking Cost Explorer for daily spend by service…', 'done'],
      ['Asking Cost Explorer for the AWS Marketplace (platform) charges…', 'done'],
      ['Asking Cost Explorer for the EC2 usage types…', 'done'],
      ['Asking Cost Explorer for the month-end forecast…', 'done'],
    ]);
    clock.now += 59 * 60_000;
    expect(await invoke('cost:report', {})).toMatchObject({ ok: true, value: { cached: true, freshUntil: NOW + 3_600_000 } });
    // A refresh within the interval answers from the cache too, unless forced.
    expect(await refresh()).toMatchObject({ result: { cached: true, requests: { costExplorer: 0 } } });
    expect(await refresh({ force: true })).toMatchObject({ result: { cached: false } });
    clock.now += 61 * 60_000;
    expect(await invoke('cost:report', {})).toEqual({ ok: true, value: null });
    expect(await invoke('usage:requests', {})).toMatchObject({ ok: true, value: { costExplorer: { requests: 8, estimatedCostUsd: 0.08 } } });
  });

  it('refuse a month and a number of months together, and a bad month, before any request', async () => {
    const { invoke } = await invoker();
    expect(await invoke('cost:refresh', { month: '2026-10', months: 2 })).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'months' } });
    expect(await invoke('cost:report', { month: 'October' })).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'month' } });
    expect(await invoke('cost:refresh', { month: '2999-01' })).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'month', message: expect.stringMatching(/has not begun yet/) } });
    expect(fake.calls).toHaveLength(0);
  });

  it('runs:cancel stops a refresh: the run ends Cancelled, nothing is cached, the next refresh asks again', async () => {
    const { invoke, refresh } = await invoker();
    fake.pageSize = 5;
    const started = (await invoke('cost:refresh', {})) as { ok: true; value: { runId: string } };
    expect(await invoke('runs:cancel', { runId: started.value.runId })).toEqual({ ok: true, value: { cancelled: true } });
    let p: { state: string; error: { code: string } | null } = { state: 'running', error: null };
    while (p.state === 'running') {
      p = ((await invoke('runs:progress', { runId: started.value.runId })) as { value: typeof p }).value;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(p).toMatchObject({ state: 'cancelled', error: { code: 'Cancelled' } });
    expect(await invoke('cost:report', {})).toEqual({ ok: true, value: null });
    fake.calls.length = 0;
    expect(await refresh()).toMatchObject({ state: 'succeeded', result: { cached: false } });
  });
});
