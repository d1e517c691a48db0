import { notifications } from '@mantine/notifications';
import { changeMessage, type StateChange } from './model';

/** A native desktop notification when the platform offers one and the user allows it. */
function desktopNotification(title: string, body: string): void {
  if (typeof Notification === 'undefined') return;
  try {
    if (Notification.permission === 'granted') new Notification(title, { body });
    else if (Notification.permission === 'default') {
      void Notification.requestPermission().then((p) => {
        if (p === 'granted') new Notification(title, { body });
      });
    }
  } catch {
    // Some environments expose Notification but refuse to construct it; the in-app one still shows.
  }
}

/**
 * Announce alarm state changes in the app and, unless main's background watcher already does
 * (`desktop` false while it watches), on the desktop: each change is one desktop notification, not two.
 */
export function announceChanges(changes: readonly StateChange[], opts: { desktop: boolean } = { desktop: true }): void {
  for (const c of changes) {
    const { title, body } = changeMessage(c);
    if (opts.desktop) desktopNotification(title, body);
    notifications.show({ title, message: body, color: c.to === 'ALARM' ? 'red' : c.to === 'OK' ? 'teal' : 'gray' });
  }
}
