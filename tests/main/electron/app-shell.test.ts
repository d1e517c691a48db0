import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { MenuItemSpec } from '../../../main/electron/menu-template';
import { SECRETS } from '../logging/secrets';
import { TRUSTED_SENDER as trusted } from '../../helpers/mock-electron';

// Electron cannot run here: this mock records the menu, dialogs, clipboard and windows the app
// shell asks for. The data folder is a fresh temp dir seeded with saved window geometry.
const rec = await vi.hoisted(async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join: j } = await import('node:path');
  const { electronRecorder } = await import('../../helpers/mock-electron');
  const dataDir = mkdtempSync(j(tmpdir(), 'onramp-shell-'));
  writeFileSync(
    j(dataDir, 'settings.json'),
    JSON.stringify({
      version: 1,
      settings: { lastProfile: null, lastRegion: null, refreshIntervalSeconds: 300, theme: 'system', pricePerVcpuHour: 0.05 },
      // Saved on a second monitor that is no longer attached.
      window: { x: 3000, y: 100, width: 1000, height: 700 },
    }),
  );
  return electronRecorder({ dataDir, version: '9.8.7', normalBounds: { x: 40, y: 30, width: 1111, height: 777 } });
});

vi.mock('electron', async () => (await import('../../helpers/mock-electron')).mockElectron(rec));

const menuItem = (label: string): MenuItemSpec =>
  (rec.menu as MenuItemSpec[]).flatMap((m) => m.submenu ?? []).find((i) => i.label === label)!;
/** Wait until `check` passes: what the shell does after an event finishes asynchronously, sooner or later on a busy machine. */
const eventually = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 10 });

describe('app shell (with electron mocked)', () => {
  beforeAll(async () => {
    await import('../../../main/electron/index');
    await eventually(() => expect(rec.windows).toHaveLength(1));
  });

  it('opens the window at a valid size, dropping a position that is off every display', () => {
    const opts = rec.windows[0]!.options;
    expect(opts).toMatchObject({ width: 1000, height: 700 });
    expect(opts).not.toHaveProperty('x');
    expect(opts).not.toHaveProperty('y');
  });

  it('installs the application menu; About shows the version', async () => {
    expect(Array.isArray(rec.menu)).toBe(true);
    const expected = process.platform === 'darwin' ? ['Onramp', 'File', 'Edit', 'View', 'Window', 'Help'] : ['File', 'Edit', 'View', 'Window', 'Help'];
    expect((rec.menu as MenuItemSpec[]).map((m) => m.label)).toEqual(expected);
    menuItem('About Onramp').click!();
    await eventually(() => expect(rec.dialogs.at(-1)).toMatchObject({ type: 'info', title: 'About Onramp', message: 'Onramp 9.8.7' }));
  });

  it('logs failed IPC answers to onramp.log, redacted, and Copy diagnostics puts them on the clipboard without secrets', async () => {
    const handler = rec.handlers.get('session:connect')!;
    const res = await handler(trusted, { profile: `aws_secret_access_key=${SECRETS.secretAccessKey}\u0001` });
    expect(res).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    const denied = await rec.handlers.get('configs:list')!({ senderFrame: { url: 'https://evil.example/', parent: null } }, {});
    expect(denied).toMatchObject({ ok: false, error: { code: 'AccessDenied' } });
    const log = readFileSync(join(rec.dataDir, 'onramp.log'), 'utf8');
    expect(log).toMatch(/INFO Onramp 9\.8\.7 starting/);
    expect(log).toMatch(/WARN IPC session:connect failed: InvalidInput/);
    expect(log).toMatch(/ERROR IPC configs:list failed: AccessDenied/);

    menuItem('Copy diagnostics').click!();
    await eventually(() => expect(rec.clipboard).not.toHaveLength(0));
    const text = rec.clipboard.at(-1)!;
    expect(text).toContain('Onramp 9.8.7');
    expect(text).toContain('configs:list failed: AccessDenied');
    for (const secret of Object.values(SECRETS)) {
      expect(text).not.toContain(secret);
      expect(log).not.toContain(secret);
    }
    menuItem('Open logs folder').click!();
    expect(rec.opened).toEqual([rec.dataDir]);
  });

  it('remembers the window geometry on close and quits after writing it', async () => {
    rec.windows[0]!.listeners.get('close')!();
    const saved = () => (JSON.parse(readFileSync(join(rec.dataDir, 'settings.json'), 'utf8')) as { window: unknown }).window;
    let onDiskAtQuit: unknown = 'app.quit() was not called';
    rec.onQuit = () => (onDiskAtQuit = saved());
    rec.appListeners.get('window-all-closed')!();
    await eventually(() => expect(saved()).toEqual({ x: 40, y: 30, width: 1111, height: 777, maximized: false }));
    if (process.platform !== 'darwin') {
      await eventually(() => expect(rec.quit).toBe(1));
      // Quit only once the geometry is written.
      expect(onDiskAtQuit).toEqual({ x: 40, y: 30, width: 1111, height: 777, maximized: false });
    }
  });
});
