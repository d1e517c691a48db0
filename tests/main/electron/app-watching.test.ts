/**
 * The app while watching, with Electron mocked: it asks for the single-instance lock and a second
 * launch shows the first's window; with watching on, closing the window hides it (the close is
 * prevented and the app does not quit, also when the last window closes); Quit really quits: after
 * before-quit, closing is no longer prevented. The tray exists from the start.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

const rec = await vi.hoisted(async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join: j } = await import('node:path');
  const { electronRecorder } = await import('../../helpers/mock-electron');
  const dataDir = mkdtempSync(j(tmpdir(), 'onramp-watching-'));
  const watch = { enabled: true, kinds: { 'alarm-state': true, usage: true, subscription: true, credentials: true, spend: true, drift: true }, quietHours: null, startAtLogin: false };
  writeFileSync(j(dataDir, 'settings.json'), JSON.stringify({ version: 1, settings: { lastProfile: null, lastRegion: null, refreshIntervalSeconds: 300, theme: 'system', pricePerVcpuHour: 0.05, watch } }));
  return electronRecorder({ dataDir });
});
vi.mock('electron', async () => (await import('../../helpers/mock-electron')).mockElectron(rec));

const eventually = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 10 });

describe('the app while watching (Electron mocked)', () => {
  beforeAll(async () => {
    await import('../../../main/electron/index');
    await eventually(() => expect(rec.windows).toHaveLength(1));
  });

  it('holds the single-instance lock, has a tray, and a second launch shows the window', () => {
    expect(rec.singleInstanceAsked).toBe(1);
    expect(rec.trays).toHaveLength(1);
    const shown = rec.windows[0]!.shown;
    rec.appListeners.get('second-instance')!();
    expect(rec.windows[0]!.shown).toBe(shown + 1);
    expect(rec.windows[0]!.focused).toBeGreaterThan(0);
  });

  it('closing the window hides it and the app keeps running; Quit really quits', async () => {
    let prevented = false;
    rec.windows[0]!.listeners.get('close')!({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(rec.windows[0]!.hidden).toBe(1);
    rec.appListeners.get('window-all-closed')!();
    await new Promise((r) => setTimeout(r, 50));
    expect(rec.quit).toBe(0);

    // The tray's Quit: app.quit() → before-quit; the window's close then goes through.
    const quitItem = rec.trays[0]!.menus.at(-1)!.find((m) => m.label === 'Quit Onramp')!;
    quitItem.click!();
    expect(rec.quit).toBe(1);
    rec.appListeners.get('before-quit')!();
    prevented = false;
    rec.windows[0]!.listeners.get('close')!({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(false);
  });
});
