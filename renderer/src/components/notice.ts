import { notifications } from '@mantine/notifications';

/**
 * Show a toast that screen readers and low-vision users can use: the close button is named and the
 * description uses the theme's text colour (Mantine's default description grey is 3.3:1 on white).
 */
export function showNotice(n: { title: string; message: string; color: string; autoClose?: boolean }): void {
  notifications.show({
    title: n.title,
    message: n.message,
    color: n.color,
    ...(n.autoClose === false ? { autoClose: false } : {}),
    closeButtonProps: { 'aria-label': `Dismiss: ${n.title}` },
    styles: { description: { color: 'var(--mantine-color-text)' } },
  });
}
