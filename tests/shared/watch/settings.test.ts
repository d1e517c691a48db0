import { describe, expect, it } from 'vitest';
import { DEFAULT_WATCH_SETTINGS, inQuietHours, shouldNotify, watchingOn, WatchSettingsSchema } from '../../../shared/watch/settings';

const at = (hh: number, mm: number) => new Date(2026, 11, 7, hh, mm);

describe('watch settings', () => {
  it('quiet hours within a day and across midnight, end excluded', () => {
    const day = { start: '09:00', end: '17:30' };
    expect([at(8, 59), at(9, 0), at(17, 29), at(17, 30)].map((d) => inQuietHours(day, d))).toEqual([false, true, true, false]);
    const night = { start: '22:00', end: '07:00' };
    expect([at(21, 59), at(22, 0), at(0, 0), at(6, 59), at(7, 0)].map((d) => inQuietHours(night, d))).toEqual([false, true, true, true, false]);
    expect(inQuietHours(null, at(3, 0))).toBe(false);
    expect(inQuietHours({ start: '10:00', end: '10:00' }, at(10, 0))).toBe(false);
  });

  it('notifies a kind that is on outside quiet hours only', () => {
    const s = { ...DEFAULT_WATCH_SETTINGS, kinds: { ...DEFAULT_WATCH_SETTINGS.kinds, usage: false }, quietHours: { start: '22:00', end: '07:00' } };
    expect(shouldNotify({ kind: 'alarm-state' }, s, at(12, 0))).toBe(true);
    expect(shouldNotify({ kind: 'usage' }, s, at(12, 0))).toBe(false);
    expect(shouldNotify({ kind: 'alarm-state' }, s, at(23, 0))).toBe(false);
  });

  it('watching: the choice wins; undecided means on once there is something to watch; off by default for login', () => {
    expect(watchingOn({ enabled: null }, false)).toBe(false);
    expect(watchingOn({ enabled: null }, true)).toBe(true);
    expect(watchingOn({ enabled: false }, true)).toBe(false);
    expect(watchingOn({ enabled: true }, false)).toBe(true);
    expect(DEFAULT_WATCH_SETTINGS.startAtLogin).toBe(false);
    expect(WatchSettingsSchema.safeParse({ ...DEFAULT_WATCH_SETTINGS, quietHours: { start: '25:00', end: '07:00' } }).success).toBe(false);
  });
});
