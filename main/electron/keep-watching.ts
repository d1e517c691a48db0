/**
 * Keeping watch with the window closed: the tray (held for the app's life — an unreferenced Tray is
 * garbage-collected), desktop notifications from main for each change the watcher reports (a click
 * opens the screen that shows it), a poll at once after the computer wakes (`powerMonitor` "resume":
 * timers do not fire during sleep, https://www.electronjs.org/docs/latest/api/power-monitor), the
 * Windows app user model ID (without it Windows shows no notification,
 * https://www.electronjs.org/docs/latest/tutorial/notifications#windows), and start at login.
 */
import { app, Menu, nativeImage, Notification, powerMonitor, Tray } from 'electron';
import type { WatchStatus } from '../../shared/contract/watch';
import type { WatchEvent, WatchEventKind, WatchScreen } from '../../shared/watch/events';
import { shouldNotify } from '../../shared/watch/settings';
import { tomorrowAt } from '../../shared/watch/pause';
import type { AppWatch } from '../core/watch/app-watch';
import { setStartAtLogin } from './login-items';
import { discPng, TRAY_COLOURS } from './tray-icon';
import { anyInAlarm, trayMenuTemplate, trayTooltip } from './tray-menu';

/** The app user model ID Windows notifications need (the appId of electron-builder.yml). */
export const APP_USER_MODEL_ID = 'dev.onramp.desktop';

/** What keeping watch needs from the rest of the app. */
export interface KeepWatchingOptions {
  watch: AppWatch;
  /** Show (creating it if needed) and focus the window; open `screen` when given. */
  showWindow: (screen: WatchScreen | null) => void;
  /** Quit for real. */
  quit: () => void;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
}

const TITLES: Record<WatchEventKind, string> = {
  'alarm-state': 'Alarm',
  usage: 'EC2 vCPUs',
  subscription: 'Alarm emails',
  credentials: 'AWS sign-in',
  spend: 'Spend',
  drift: 'Configuration',
};

// Held for the app's life: an unreferenced Tray (or a Notification not yet clicked) is garbage-collected.
let tray: Tray | null = null;
const shown = new Set<Notification>();

/** Install the tray, notifications, resume handling and login items; returns the tray (tests look at it). */
export function installKeepWatching(opts: KeepWatchingOptions): Tray {
  const platform = opts.platform ?? process.platform;
  const env = opts.env ?? process.env;
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  const icons = { calm: nativeImage.createFromBuffer(discPng(TRAY_COLOURS.calm)), alarm: nativeImage.createFromBuffer(discPng(TRAY_COLOURS.alarm)) };
  tray = new Tray(icons.calm);
  const here = tray;
  // Also on globalThis, where the real-Electron smoke test looks for it.
  (globalThis as { onrampTray?: Tray }).onrampTray = here;
  const pause = (until: number | null) => void opts.watch.pause(until).catch(() => undefined);

  const redraw = (status: WatchStatus) => {
    const view = { summary: status.last, watching: status.watching, pausedUntil: status.pausedUntil };
    here.setImage(anyInAlarm(status.last) ? icons.alarm : icons.calm);
    here.setToolTip(trayTooltip(view));
    const template = trayMenuTemplate(view, {
      open: () => opts.showWindow(null),
      pauseHour: () => pause(Date.now() + 3_600_000),
      pauseUntilTomorrow: () => pause(tomorrowAt(Date.now())),
      resume: () => pause(null),
      quit: opts.quit,
    });
    // On Linux the menu must be set again after any change to show it.
    here.setContextMenu(Menu.buildFromTemplate(template));
  };
  // A click opens the window where the desktop reports one (macOS, Windows); Linux desktops use the menu.
  here.on('click', () => opts.showWindow(null));

  const notify = (events: WatchEvent[], status: WatchStatus) => {
    if (!Notification.isSupported()) return;
    for (const e of events) {
      if (!shouldNotify(e, status.settings, new Date())) continue;
      // Only the event's own sentence: never a key, token or request detail.
      const n = new Notification({ title: `Onramp — ${TITLES[e.kind]}`, body: e.message });
      shown.add(n);
      n.on('click', () => {
        shown.delete(n);
        opts.showWindow(e.screen);
      });
      n.on('close', () => shown.delete(n));
      n.show();
    }
  };

  opts.watch.attach({
    onChange: redraw,
    onEvents: (events) => {
      if (events.length === 0) return;
      void opts.watch.status().then((s) => notify(events, s), () => undefined);
    },
    startAtLogin: (enabled) => setStartAtLogin(enabled, { platform, env, execPath: env.APPIMAGE ?? process.execPath, app }),
  });
  powerMonitor.on('resume', () => opts.watch.wake());
  void opts.watch.status().then(redraw, () => undefined);
  return here;
}
