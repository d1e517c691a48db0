/**
 * The main process's composition root (main/composition.ts), which the app and the e2e harness both
 * use: against moto behind a request counter, every AWS call the handlers make is in the request log
 * that Settings shows, the last profile is remembered, and the stores live in the data folder.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMainProcess } from '../../main/composition';
import { useMoto, useRequestCounter } from '../helpers/fixtures';
import { HAS_MOTO } from '../helpers/moto';

describe.skipIf(!HAS_MOTO)('createMainProcess', () => {
  const moto = useMoto();
  const counter = useRequestCounter({ upstream: moto });

  it('counts every AWS call in the request log Settings reads (usage:requests)', async () => {
    const env = counter.env();
    const main = createMainProcess({ env, dataDir: env.ONRAMP_DATA_DIR });
    const before = counter.count;
    expect(await main.invoke('session:connect', { profile: 'default', region: 'us-east-1' })).toMatchObject({ ok: true });
    expect(await main.invoke('dashboard:summary', { regions: ['us-east-1', 'us-west-2'], usageClass: 'Standard/OnDemand' })).toMatchObject({ ok: true });
    const sent = counter.count - before;
    expect(sent).toBeGreaterThan(1);
    const requests = await main.invoke('usage:requests', {});
    expect(requests).toMatchObject({ ok: true, value: { total: sent } });
    const value = (requests as { value: { byOperation: Record<string, number>; cloudwatch: { getMetricData: number } } }).value;
    expect(value.byOperation).toMatchObject({ 'sts:GetCallerIdentityCommand': 1 });
    expect(value.cloudwatch.getMetricData).toBe(counter.requests.slice(before).filter((r) => r.action === 'GetMetricData').length);
  });

  it('remembers the last profile and keeps settings and series in the data folder', async () => {
    const env = counter.env();
    const main = createMainProcess({ env, dataDir: env.ONRAMP_DATA_DIR });
    await main.invoke('session:connect', { profile: 'default', region: 'us-west-2' });
    expect(await main.invoke('settings:get', {})).toMatchObject({ ok: true, value: { lastProfile: 'default', lastRegion: 'us-west-2' } });
    await main.flush();
    expect(existsSync(join(env.ONRAMP_DATA_DIR, 'settings.json'))).toBe(true);
    expect(main.deps.store).toBeDefined();
    expect(main.deps.session.current()?.info.account).toBe('123456789012');
  });
});
