import { notifications } from '@mantine/notifications';
import { createElement } from 'react';
import { NoticeMessage } from './NoticeMessage';

/**
 * Which screen is on view and how to open another, told by the shell, so a notice about a screen's
 * result (a setup or an alarm create that finished) is never drawn over that result: it is not shown
 * while its screen is on view (the screen says it there), it is hidden as soon as the user opens that
 * screen, and its "Show" action opens it and closes the notice.
 */
const shell: { active: string | null; navigate: ((screen: string) => void) | null } = { active: null, navigate: null };
/** Open notices by the screen they are about. */
const openAbout = new Map<string, Set<string>>();
let nextId = 0;

/** The shell says which screen is on view (and how to open one); notices about that screen close. */
export function setNoticeShell(active: string, navigate: (screen: string) => void): void {
  shell.active = active;
  shell.navigate = navigate;
  for (const id of openAbout.get(active) ?? []) notifications.hide(id);
  openAbout.delete(active);
}

/** A notice's action: a link that opens the screen showing what the notice announces. */
export interface NoticeAction {
  label: string;
  screen: string;
}

/**
 * Show a toast that screen readers and low-vision users can use: the close button is named and the
 * description uses the theme's text colour (Mantine's default description grey is 3.3:1 on white).
 * `about` is the screen that shows what the notice announces: while that screen is on view, no toast
 * is drawn over it. `action` adds a link that opens a screen (and closes the toast).
 */
export function showNotice(n: { title: string; message: string; color: string; autoClose?: boolean; about?: string; action?: NoticeAction }): void {
  if (n.about !== undefined && n.about === shell.active) return;
  const id = `notice-${++nextId}`;
  const action = n.action;
  const message = action
    ? createElement(NoticeMessage, {
        message: n.message,
        actionLabel: action.label,
        onAction: () => {
          notifications.hide(id);
          shell.navigate?.(action.screen);
        },
      })
    : n.message;
  notifications.show({
    id,
    title: n.title,
    message,
    color: n.color,
    ...(n.autoClose === false ? { autoClose: false } : {}),
    closeButtonProps: { 'aria-label': `Dismiss: ${n.title}` },
    styles: { description: { color: 'var(--mantine-color-text)' } },
    onClose: () => {
      for (const ids of openAbout.values()) ids.delete(id);
    },
  });
  for (const screen of [n.about, action?.screen]) {
    if (screen === undefined) continue;
    const ids = openAbout.get(screen) ?? new Set<string>();
    ids.add(id);
    openAbout.set(screen, ids);
  }
}
