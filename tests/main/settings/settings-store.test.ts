import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/contract/settings';
import { SETTINGS_FILE, SettingsStore } from '../../../main/core/settings/settings-store';

const tempDir = () => mkdtempSync(join(tmpdir(), 'onramp-settings-'));

describe('SettingsStore', () => {
  it('starts from the defaults (300 s refresh, system theme) without creating a file', async () => {
    const dir = tempDir();
    const store = new SettingsStore(dir);
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.refreshIntervalSeconds).toBe(300);
    expect(existsSync(join(dir, SETTINGS_FILE))).toBe(false);
  });

  it('saves partial updates atomically, readable by the user only, and a new store reads them back', async () => {
    const dir = tempDir();
    const store = new SettingsStore(dir);
    const saved = await store.update({ theme: 'dark', lastProfile: 'dev', lastRegion: 'us-west-2' });
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', lastProfile: 'dev', lastRegion: 'us-west-2' });
    await store.update({ pricePerVcpuHour: 0.07 });
    const file = join(dir, SETTINGS_FILE);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1, settings: { theme: 'dark', pricePerVcpuHour: 0.07 } });
    expect(readdirSync(dir)).toEqual([SETTINGS_FILE]); // no temp file left behind
    expect(await new SettingsStore(dir).get()).toMatchObject({ theme: 'dark', lastProfile: 'dev', pricePerVcpuHour: 0.07 });
  });

  it('serialises concurrent updates so none is lost', async () => {
    const dir = tempDir();
    const store = new SettingsStore(dir);
    await Promise.all([store.update({ theme: 'light' }), store.update({ refreshIntervalSeconds: 60 }), store.update({ lastProfile: 'p' })]);
    expect(await new SettingsStore(dir).get()).toMatchObject({ theme: 'light', refreshIntervalSeconds: 60, lastProfile: 'p' });
  });

  it.each([
    [{ refreshIntervalSeconds: 5 }, 'refreshIntervalSeconds'],
    [{ refreshIntervalSeconds: 60.5 }, 'refreshIntervalSeconds'],
    [{ theme: 'purple' }, 'theme'],
    [{ pricePerVcpuHour: -1 }, 'pricePerVcpuHour'],
    [{ pricePerVcpuHour: Number.NaN }, 'pricePerVcpuHour'],
    [{ lastRegion: 'mars-1' }, 'lastRegion'],
    [{ unknownField: 1 }, ''],
  ])('refuses the invalid update %j, naming the field', async (patch, field) => {
    const store = new SettingsStore(tempDir());
    await expect(store.update(patch as never)).rejects.toMatchObject({ code: 'InvalidInput', ...(field ? { field } : {}) });
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    ['corrupt JSON', '{"version": 1, "settings": {'],
    ['an unknown version', JSON.stringify({ version: 99, settings: DEFAULT_SETTINGS })],
    ['a wrong shape', JSON.stringify({ version: 1, settings: { theme: 42 } })],
    ['not an object', '"hello"'],
  ])('sets aside a file with %s and uses the defaults', async (_what, contents) => {
    const dir = tempDir();
    writeFileSync(join(dir, SETTINGS_FILE), contents);
    const problems: string[] = [];
    const store = new SettingsStore(dir, (p) => problems.push(p));
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    expect(problems).toHaveLength(1);
    const aside = readdirSync(dir).filter((f) => f.startsWith(`${SETTINGS_FILE}.corrupt-`));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(contents); // the user's data is kept
    await store.update({ theme: 'light' });
    expect(await new SettingsStore(dir).get()).toMatchObject({ theme: 'light' });
  });

  it('uses the defaults when the settings path cannot be read at all', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, SETTINGS_FILE)); // a folder where the file should be
    const problems: string[] = [];
    expect(await new SettingsStore(dir, (p) => problems.push(p)).get()).toEqual(DEFAULT_SETTINGS);
    expect(problems[0]).toMatch(/unreadable/);
  });

  it('remembers window geometry and ignores invalid geometry', async () => {
    const dir = tempDir();
    const store = new SettingsStore(dir);
    expect(await store.getWindowState()).toBeNull();
    await store.setWindowState({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
    await store.setWindowState({ x: 0, y: 0, width: Number.NaN, height: 700 });
    expect(await new SettingsStore(dir).getWindowState()).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
    expect(await new SettingsStore(dir).get()).toEqual(DEFAULT_SETTINGS);
  });
});
