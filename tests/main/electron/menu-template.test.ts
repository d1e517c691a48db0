import { describe, expect, it, vi } from 'vitest';
import { aboutText, buildMenuTemplate, type MenuItemSpec } from '../../../main/electron/menu-template';

const actions = () => ({ about: vi.fn(), copyDiagnostics: vi.fn(), openLogsFolder: vi.fn() });
const labels = (t: MenuItemSpec[]) => t.map((m) => m.label);
const roles = (m: MenuItemSpec | undefined) => (m?.submenu ?? []).map((i) => i.role ?? i.label ?? i.type);
const find = (t: MenuItemSpec[], label: string) => t.find((m) => m.label === label);

describe('buildMenuTemplate', () => {
  it('on macOS: an app menu with About first and Quit last, then File/Edit/View/Window/Help', () => {
    const a = actions();
    const t = buildMenuTemplate(a, { platform: 'darwin', appName: 'Onramp', devTools: false });
    expect(labels(t)).toEqual(['Onramp', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(t[0])).toEqual(['About Onramp', 'separator', 'services', 'separator', 'hide', 'hideOthers', 'unhide', 'separator', 'quit']);
    t[0]!.submenu![0]!.click!();
    expect(a.about).toHaveBeenCalledOnce();
    expect(roles(find(t, 'File'))).toEqual(['close']);
    expect(roles(find(t, 'Edit'))).toEqual(['undo', 'redo', 'separator', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'separator', 'selectAll']);
    expect(roles(find(t, 'Window'))).toEqual(['minimize', 'zoom', 'separator', 'front']);
    expect(roles(find(t, 'Help'))).toEqual(['Copy diagnostics', 'Open logs folder']);
  });

  it('on Windows and Linux: File → Quit, and Help holds About', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const a = actions();
      const t = buildMenuTemplate(a, { platform, appName: 'Onramp', devTools: false });
      expect(labels(t)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
      expect(roles(find(t, 'File'))).toEqual(['quit']);
      expect(roles(find(t, 'Window'))).toEqual(['minimize', 'close']);
      const help = find(t, 'Help')!;
      expect(roles(help)).toEqual(['Copy diagnostics', 'Open logs folder', 'separator', 'About Onramp']);
      help.submenu![0]!.click!();
      help.submenu![1]!.click!();
      help.submenu![3]!.click!();
      expect(a.copyDiagnostics).toHaveBeenCalledOnce();
      expect(a.openLogsFolder).toHaveBeenCalledOnce();
      expect(a.about).toHaveBeenCalledOnce();
    }
  });

  it('offers developer tools only in development builds', () => {
    const packaged = buildMenuTemplate(actions(), { platform: 'linux', appName: 'Onramp', devTools: false });
    expect(roles(find(packaged, 'View'))).not.toContain('toggleDevTools');
    expect(roles(find(packaged, 'View'))).toEqual(['reload', 'separator', 'resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen']);
    const dev = buildMenuTemplate(actions(), { platform: 'linux', appName: 'Onramp', devTools: true });
    expect(roles(find(dev, 'View'))).toContain('toggleDevTools');
  });
});

describe('aboutText', () => {
  it('names the app, its version and the runtime versions', () => {
    const { message, detail } = aboutText({ name: 'Onramp', version: '0.1.0' }, { electron: '45.4.1', chrome: '142.0', node: '22.20.0' });
    expect(message).toBe('Onramp 0.1.0');
    expect(detail).toContain('Electron 45.4.1');
    expect(detail).toContain('Chrome 142.0');
    expect(detail).toContain('Node 22.20.0');
    expect(aboutText({ name: 'Onramp', version: '0.1.0' }, { node: '20' }).detail).toContain('Electron n/a');
  });
});
