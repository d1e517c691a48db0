import { Notifications } from '@mantine/notifications';

/** Where toasts appear: bottom right, so they never cover the header's identity, endpoint and Disconnect. */
export function Toasts() {
  return <Notifications position="bottom-right" />;
}
