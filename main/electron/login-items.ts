/**
 * Start at login. macOS and Windows: `app.setLoginItemSettings` (on macOS 13+ the system may ask the
 * user to approve it in System Settings → General → Login Items; `getLoginItemSettings().status` then
 * says `requires-approval`). Linux, where that call does nothing: an XDG autostart entry,
 * `$XDG_CONFIG_HOME/autostart/onramp.desktop` (`~/.config` when unset), which desktops following the
 * Desktop Application Autostart Specification start at login
 * (https://specifications.freedesktop.org/autostart-spec/latest/). Either way the app starts hidden
 * (`--hidden`), in the tray. No Electron import: the app object is passed in, so tests run it as is.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** The command-line flag the app starts hidden with (login start). */
export const HIDDEN_FLAG = '--hidden';

/** The part of Electron's `app` login items use. */
export interface LoginItemsApp {
  setLoginItemSettings(settings: { openAtLogin: boolean; openAsHidden?: boolean; args?: string[]; path?: string }): void;
  getLoginItemSettings(options?: { args?: string[]; path?: string }): { openAtLogin: boolean; status?: string };
}

/** Where start at login stands after a change. */
export interface LoginItemState {
  enabled: boolean;
  /** How it is done here. */
  method: 'login-items' | 'xdg-autostart';
  /** macOS 13+: the user must approve it in System Settings; else null. */
  note: string | null;
}

/** What start at login needs to know about this machine. */
export interface LoginItemsEnv {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** The command that starts the app (process.execPath; the AppImage's path when run from one). */
  execPath: string;
  app: LoginItemsApp;
}

/** The XDG autostart file for Onramp. */
export function autostartFile(env: NodeJS.ProcessEnv): string {
  const config = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(env.HOME || homedir(), '.config');
  return join(config, 'autostart', 'onramp.desktop');
}

/** Quote an argument of a desktop entry's Exec key (Desktop Entry Specification, "The Exec key"). */
function execArg(arg: string): string {
  if (!/[\s"'\\`$<>|&;*?#()~]/.test(arg)) return arg;
  return `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** The desktop entry's text. */
export function autostartEntry(execPath: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=Onramp',
    'Comment=Keeps watching AWS alarms, vCPUs and spend for the Bodo Platform',
    `Exec=${execArg(execPath)} ${HIDDEN_FLAG}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Turn start at login on or off, the way this system does it. */
export async function setStartAtLogin(enabled: boolean, where: LoginItemsEnv): Promise<LoginItemState> {
  if (where.platform === 'linux') {
    const file = autostartFile(where.env);
    if (enabled) {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, autostartEntry(where.execPath), { mode: 0o644 });
    } else {
      await rm(file, { force: true });
    }
    return { enabled, method: 'xdg-autostart', note: null };
  }
  const args = [HIDDEN_FLAG];
  where.app.setLoginItemSettings({ openAtLogin: enabled, openAsHidden: enabled, args });
  const status = where.app.getLoginItemSettings({ args }).status;
  const note = enabled && status === 'requires-approval' ? 'macOS asks you to allow Onramp in System Settings → General → Login Items.' : null;
  return { enabled, method: 'login-items', note };
}
