/**
 * The cost IPC handlers through the real dispatch: the refresh interval comes from the settings
 * (costRefreshHours), the session's request log counts Cost Explorer requests for Settings, and a
 * refresh started with a runId can be cancelled. Against the Cost Explorer fake.
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
  return { invoke, settings, clock };
}

describe('cost handlers', () => {
  it('reuse an answer for the costRefreshHours setting, and Settings counts the Cost Explorer requests', async () => {
    const { invoke, settings, clock } = await invoker();
    await settings.update({ costRefreshHours: 1 });
    expect(await invoke('cost:report', {})).toMatchObject({ ok: true, value: { cached: false, requests: { costExplorer: 4 } } });
    clock.now += 59 * 60_000;
    expect(await invoke('cost:report', {})).toMatchObject({ ok: true, value: { cached: true, freshUntil: NOW + 3_600_000 } });
    clock.now += 2 * 60_000;
    expect(await invoke('cost:report', {})).toMatchObject({ ok: true, value: { cached: false } });
    expect(await invoke('usage:requests', {})).toMatchObject({ ok: true, value: { costExplorer: { requests: 8, estimatedCostUsd: 0.08 } } });
  });

  it('refuse a month and a number of months together, and a bad month, before any request', async () => {
    const { invoke } = await invoker();
    expect(await invoke('cost:report', { month: '2026-10', months: 2 })).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'months' } });
    expect(await invoke('cost:report', { month: 'October' })).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'month' } });
    expect(fake.calls).toHaveLength(0);
  });

  it('cancel a refresh by its runId: nothing is cached, the next report asks again', async () => {
    const { invoke } = await invoker();
    fake.pageSize = 5;
    const run = invoke('cost:report', { runId: 'r1' });
    await new Promise((r) => setTimeout(r, 30));
    expect(await invoke('cost:cancel', { runId: 'r1' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await run).toMatchObject({ ok: false, error: { code: 'Cancelled' } });
    expect(await invoke('cost:cancel', { runId: 'r1' })).toEqual({ ok: true, value: { cancelled: false } });
    fake.calls.length = 0;
    expect(await invoke('cost:report', {})).toMatchObject({ ok: true, value: { cached: false } });
  });
});
