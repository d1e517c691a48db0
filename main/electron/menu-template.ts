/**
 * The application menu as plain data (Electron-free, so it is tested as a pure function). The
 * shapes are a subset of Electron's MenuItemConstructorOptions, so index.ts passes the result
 * straight to Menu.buildFromTemplate.
 */

/** The Electron menu roles Onramp uses. */
export type MenuRole =
  | 'about' | 'services' | 'hide' | 'hideOthers' | 'unhide' | 'quit' | 'close'
  | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'pasteAndMatchStyle' | 'delete' | 'selectAll'
  | 'reload' | 'forceReload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen'
  | 'minimize' | 'zoom' | 'front' | 'window' | 'help';

/** One menu entry. */
export interface MenuItemSpec {
  label?: string;
  role?: MenuRole;
  type?: 'separator' | 'submenu';
  accelerator?: string;
  submenu?: MenuItemSpec[];
  click?: () => void;
}

/** What the custom items do; wired by the Electron layer. */
export interface MenuActions {
  about: () => void;
  copyDiagnostics: () => void;
  openLogsFolder: () => void;
}

/** Options: the platform decides the macOS app menu; devTools only in development builds. */
export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  devTools: boolean;
}

const SEPARATOR: MenuItemSpec = { type: 'separator' };

/** The usual application menu: macOS app menu, File, Edit, View, Window, Help (About, Copy diagnostics). */
export function buildMenuTemplate(actions: MenuActions, options: MenuOptions): MenuItemSpec[] {
  const mac = options.platform === 'darwin';
  const about: MenuItemSpec = { label: `About ${options.appName}`, click: actions.about };
  const appMenu: MenuItemSpec[] = mac
    ? [
        {
          label: options.appName,
          submenu: [about, SEPARATOR, { role: 'services' }, SEPARATOR, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, SEPARATOR, { role: 'quit' }],
        },
      ]
    : [];
  const file: MenuItemSpec = { label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] };
  const edit: MenuItemSpec = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      SEPARATOR,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' as const }, { role: 'delete' as const }] : [{ role: 'delete' as const }]),
      SEPARATOR,
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemSpec = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      ...(options.devTools ? [{ role: 'forceReload' as const }, { role: 'toggleDevTools' as const }] : []),
      SEPARATOR,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      SEPARATOR,
      { role: 'togglefullscreen' },
    ],
  };
  const windowMenu: MenuItemSpec = {
    label: 'Window',
    role: 'window',
    submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, SEPARATOR, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
  };
  const help: MenuItemSpec = {
    label: 'Help',
    role: 'help',
    submenu: [
      { label: 'Copy diagnostics', click: actions.copyDiagnostics },
      { label: 'Open logs folder', click: actions.openLogsFolder },
      // On macOS About lives in the app menu, as users expect there.
      ...(mac ? [] : [SEPARATOR, about]),
    ],
  };
  return [...appMenu, file, edit, view, windowMenu, help];
}

/** The About dialog's text: name and version, then the runtime versions. */
export function aboutText(
  app: { name: string; version: string },
  versions: Partial<Record<'electron' | 'chrome' | 'node', string | undefined>>,
): { message: string; detail: string } {
  return {
    message: `${app.name} ${app.version}`,
    detail: [
      `Electron ${versions.electron ?? 'n/a'}`,
      `Chrome ${versions.chrome ?? 'n/a'}`,
      `Node ${versions.node ?? 'n/a'}`,
      '',
      'Onboard an AWS account to the Bodo Platform and watch its EC2 vCPU usage.',
    ].join('\n'),
  };
}
