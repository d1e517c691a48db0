/**
 * The tray, desktop notifications, resume from sleep and start at login, with Electron mocked and a
 * stand-in for the app's watcher: the tray is made once and kept; its menu shows per region the vCPUs
 * and alarms in ALARM, the month's spend, Open, Pause (1 h / until tomorrow / resume) and Quit, and is
 * set again after each change; the icon and tooltip change in ALARM; each change is one notification
 * unless its kind is off or it is quiet hours, and a click opens its screen; Windows gets the app user
 * model ID; start at login writes and removes the XDG autostart file on Linux (checked on disk) and
 * uses login items elsewhere, reporting macOS's requires-approval.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppWatch, AppWatchHooks } from '../../../main/core/watch/app-watch';
import type { WatchStatus } from '../../../shared/contract/watch';
import type { WatchEvent, WatchScreen, WatchSummary } from '../../../shared/watch/events';
import { DEFAULT_WATCH_SETTINGS, type WatchSettings } from '../../../shared/watch/settings';
import type { MenuItem } from '../../helpers/mock-electron';

const rec = await vi.hoisted(async () => (await import('../../helpers/mock-electron')).electronRecorder());
vi.mock('electron', async () => (await import('../../helpers/mock-electron')).mockElectron(rec));
const { installKeepWatching, APP_USER_MODEL_ID } = await import('../../../main/electron/keep-watching');

const CALM: WatchSummary = { at: 1, regions: [{ region: 'us-east-1', vcpus: 12, inAlarm: [] }, { region: 'us-west-2', vcpus: null, inAlarm: [] }], spend: { month: '2026-12', currency: 'USD', total: '412.50' }, problems: [] };
const ALARMING: WatchSummary = { ...CALM, regions: [{ region: 'us-east-1', vcpus: 140, inAlarm: ['vcpus-high'] }, CALM.regions[1]!] };

function fakeWatch(settings: WatchSettings = DEFAULT_WATCH_SETTINGS) {
  let hooks: AppWatchHooks = {};
  const status: WatchStatus = { watching: true, reason: 'r', profile: 'dev', pausedUntil: null, nextAt: null, last: CALM, runId: null, settings, startAtLogin: null };
  const calls = { pause: [] as (number | null)[], wake: 0 };
  const watch = {
    attach: (h: AppWatchHooks) => void (hooks = { ...hooks, ...h }),
    status: async () => status,
    pause: async (until: number | null) => {
      calls.pause.push(until);
      return status;
    },
    wake: () => void calls.wake++,
  } as unknown as AppWatch;
  return { watch, status, calls, hooks: () => hooks };
}

const labels = (menu: MenuItem[]) => menu.map((m) => m.label ?? m.type);
const flush = () => new Promise((r) => setTimeout(r, 10));
const event = (kind: WatchEvent['kind'], screen: WatchScreen, message: string): WatchEvent => ({ t: '2026-12-07T02:00:00.000Z', kind, screen, message });

describe('keeping watch (Electron mocked)', () => {
  beforeEach(() => {
    rec.trays.length = 0;
    rec.notifications.length = 0;
    rec.loginItems.length = 0;
    rec.appUserModelId = null;
    rec.powerListeners.clear();
  });

  it('one tray, held, whose menu and icon follow the watcher and are set again after each change', async () => {
    const f = fakeWatch();
    const opened: (WatchScreen | null)[] = [];
    let quit = 0;
    installKeepWatching({ watch: f.watch, showWindow: (s) => opened.push(s), quit: () => quit++, platform: 'linux' });
    await flush();
    expect(rec.trays).toHaveLength(1);
    const tray = rec.trays[0]!;
    const first = tray.menus.at(-1)!;
    expect(labels(first)).toEqual(['us-east-1: 12 vCPUs', 'us-west-2: no vCPU data', 'Spend 2026-12: 412.50 USD', 'separator', 'Open Onramp', 'Pause watching', 'separator', 'Quit Onramp']);
    expect(tray.tooltips.at(-1)).toBe('Onramp — watching');
    const calmIcon = tray.images.at(-1);

    f.hooks().onChange!({ ...f.status, last: ALARMING });
    expect(tray.menus).toHaveLength(2);
    expect(labels(tray.menus.at(-1)!)).toContain('   ⚠ vcpus-high in ALARM');
    expect(tray.tooltips.at(-1)).toBe('Onramp — in ALARM: vcpus-high (us-east-1)');
    expect(tray.images.at(-1)).not.toEqual(calmIcon);

    const menu = tray.menus.at(-1)!;
    menu.find((m) => m.label === 'Open Onramp')!.click!();
    expect(opened).toEqual([null]);
    const pause = menu.find((m) => m.label === 'Pause watching')!.submenu!;
    expect(labels(pause)).toEqual(['For 1 hour', 'Until tomorrow', 'Resume']);
    const before = Date.now();
    pause[0]!.click!();
    pause[2]!.click!();
    expect(f.calls.pause[0]! - before).toBeGreaterThanOrEqual(3_600_000 - 1000);
    expect(f.calls.pause[1]).toBeNull();
    menu.find((m) => m.label === 'Quit Onramp')!.click!();
    expect(quit).toBe(1);
  });

  it('each change is one notification with its own sentence; a click opens its screen; a kind turned off or quiet hours show none', async () => {
    const f = fakeWatch();
    const opened: (WatchScreen | null)[] = [];
    installKeepWatching({ watch: f.watch, showWindow: (s) => opened.push(s), quit: () => undefined, platform: 'linux' });
    f.hooks().onEvents!([event('alarm-state', 'dashboard', 'Alarm vcpus-high in us-east-1 went from OK to ALARM.'), event('spend', 'cost', 'Spend passed budget monthly.')], CALM);
    await flush();
    expect(rec.notifications.map((n) => n.options)).toEqual([
      { title: 'Onramp — Alarm', body: 'Alarm vcpus-high in us-east-1 went from OK to ALARM.' },
      { title: 'Onramp — Spend', body: 'Spend passed budget monthly.' },
    ]);
    expect(rec.notifications.every((n) => n.shown)).toBe(true);
    rec.notifications[1]!.listeners.get('click')!();
    expect(opened).toEqual(['cost']);

    rec.notifications.length = 0;
    f.status.settings = { ...DEFAULT_WATCH_SETTINGS, kinds: { ...DEFAULT_WATCH_SETTINGS.kinds, spend: false } };
    f.hooks().onEvents!([event('spend', 'cost', 'Spend passed budget monthly.')], CALM);
    await flush();
    expect(rec.notifications).toHaveLength(0);

    f.status.settings = { ...DEFAULT_WATCH_SETTINGS, quietHours: { start: '00:00', end: '23:59' } };
    f.hooks().onEvents!([event('alarm-state', 'dashboard', 'x')], CALM);
    await flush();
    // Quiet all day but the last minute: none, unless the test runs in that minute.
    const lastMinute = new Date().getHours() === 23 && new Date().getMinutes() === 59;
    expect(rec.notifications).toHaveLength(lastMinute ? 1 : 0);
  });

  it('sets the app user model ID on Windows only, and polls on resume from sleep', () => {
    installKeepWatching({ watch: fakeWatch().watch, showWindow: () => undefined, quit: () => undefined, platform: 'linux' });
    expect(rec.appUserModelId).toBeNull();
    const f = fakeWatch();
    installKeepWatching({ watch: f.watch, showWindow: () => undefined, quit: () => undefined, platform: 'win32' });
    expect(rec.appUserModelId).toBe(APP_USER_MODEL_ID);
    rec.powerListeners.get('resume')!();
    expect(f.calls.wake).toBe(1);
  });

  it('start at login on Linux: the XDG autostart file (under XDG_CONFIG_HOME) is written to start hidden, and removed', async () => {
    const config = mkdtempSync(join(tmpdir(), 'onramp-xdg-'));
    const f = fakeWatch();
    installKeepWatching({ watch: f.watch, showWindow: () => undefined, quit: () => undefined, platform: 'linux', env: { XDG_CONFIG_HOME: config, APPIMAGE: '/opt/Onramp App/Onramp.AppImage' } });
    const file = join(config, 'autostart', 'onramp.desktop');
    expect(await f.hooks().startAtLogin!(true)).toEqual({ enabled: true, method: 'xdg-autostart', note: null });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('[Desktop Entry]');
    expect(text).toContain('Type=Application');
    expect(text).toContain('Exec="/opt/Onramp App/Onramp.AppImage" --hidden');
    expect(rec.loginItems).toEqual([]);
    await f.hooks().startAtLogin!(false);
    expect(existsSync(file)).toBe(false);
  });

  it('start at login on macOS and Windows: login items, starting hidden; macOS 13+ may require approval', async () => {
    const f = fakeWatch();
    installKeepWatching({ watch: f.watch, showWindow: () => undefined, quit: () => undefined, platform: 'darwin', env: {} });
    rec.loginItemStatus = 'requires-approval';
    const on = await f.hooks().startAtLogin!(true);
    expect(rec.loginItems.at(-1)).toMatchObject({ openAtLogin: true, args: ['--hidden'] });
    expect(on.method).toBe('login-items');
    expect(on.note).toContain('System Settings');
    rec.loginItemStatus = undefined;
    const off = await f.hooks().startAtLogin!(false);
    expect(rec.loginItems.at(-1)).toMatchObject({ openAtLogin: false });
    expect(off.note).toBeNull();
  });
});
