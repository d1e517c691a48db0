/**
 * The app's watcher decides whether to watch: not while there is nothing to watch, on by default once
 * a configuration is saved, off when the user says so; it names why. Start at login goes through the
 * Electron layer's hook only when the setting changes or is on (off by default writes nothing).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuns } from '../../../main/core/app/runs';
import { SettingsStore } from '../../../main/core/settings/settings-store';
import { ConfigurationStore } from '../../../main/core/store/configurations';
import { createAppWatch } from '../../../main/core/watch/app-watch';
import type { CreateAlarmResult } from '../../../shared/contract/alarms';
import type { RunProgress } from '../../../shared/contract/runs';
import { savedConfig } from '../../helpers/platform-fixtures';
import { fakeClock } from '../../helpers/fake-clock';

function world() {
  const dataDir = mkdtempSync(join(tmpdir(), 'onramp-appwatch-'));
  const store = new ConfigurationStore(dataDir);
  const settings = new SettingsStore(dataDir);
  const time = fakeClock(Date.now());
  // No AWS files anywhere: the profile cannot resolve, so no request can leave.
  const env = { HOME: dataDir, AWS_CONFIG_FILE: join(dataDir, 'no-config'), AWS_SHARED_CREDENTIALS_FILE: join(dataDir, 'no-credentials') };
  const watch = createAppWatch({ env, dataDir, settings, session: { current: () => null }, store, runs: createRuns<RunProgress>(), clock: time.clock });
  return { dataDir, store, settings, watch, time };
}

describe('the app watcher decides', () => {
  it('nothing to watch: off, and says when it starts; a saved configuration turns it on by default', async () => {
    const w = world();
    const logins: boolean[] = [];
    w.watch.attach({ startAtLogin: async (on) => (logins.push(on), { method: 'xdg-autostart', note: null }) });
    await w.watch.start();
    let s = await w.watch.status();
    expect(s.watching).toBe(false);
    expect(s.reason).toContain('Nothing to watch yet');
    expect(logins).toEqual([]);
    await w.store.save(savedConfig('analytics'));
    s = await w.watch.recheck();
    expect(s.watching).toBe(true);
    expect(s.reason).toContain('Connect to a profile');
    await w.settings.update({ lastProfile: 'dev' });
    s = await w.watch.recheck();
    expect(s).toMatchObject({ watching: true, profile: 'dev' });
    expect(s.reason).toContain('on by default since there is a saved configuration');
    s = await w.watch.update({ enabled: false });
    expect(s.watching).toBe(false);
    expect(s.reason).toBe('Watching is off in Settings.');
    s = await w.watch.update({ startAtLogin: true });
    expect(logins).toEqual([true]);
    expect(s.startAtLogin).toEqual({ method: 'xdg-autostart', note: null });
    expect(s.settings.startAtLogin).toBe(true);
    w.watch.stop();
  });

  it('an alarm created in this session turns it on by default too', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onramp-appwatch-'));
    const runs = createRuns<RunProgress>();
    const env = { HOME: dataDir, AWS_CONFIG_FILE: join(dataDir, 'no-config'), AWS_SHARED_CREDENTIALS_FILE: join(dataDir, 'no-credentials') };
    const watch = createAppWatch({ env, dataDir, settings: new SettingsStore(dataDir), session: { current: () => null }, store: new ConfigurationStore(dataDir), runs, clock: fakeClock(Date.now()).clock });
    await watch.start();
    expect(watch.watching()).toBe(false);
    const result = { alarmName: 'vcpus-high', notifyOn: ['ALARM'], regions: [] } as unknown as CreateAlarmResult;
    await runs.start({ kind: 'alarm-create', subject: 'vcpus-high', fields: {}, work: async () => result }).done;
    const s = await watch.recheck();
    expect(s.watching).toBe(true);
    expect(s.reason).toContain('Connect to a profile');
    watch.stop();
  });
});
