import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { AppErrorShape } from '../../../shared/errors';
import { SESSION_EXPIRED_EVENT } from '../api';

/**
 * Shown when any call reports that the session's credentials expired: says so plainly and offers to
 * reconnect, instead of leaving a long-lived screen (the dashboard) stuck or blank.
 */
export function SessionExpiredModal({ connected, onReconnect }: { connected: boolean; onReconnect: () => void }) {
  const [error, setError] = useState<AppErrorShape | null>(null);
  // Only an expiry while connected matters: a failed connect attempt shows its own error on Connect.
  const connectedRef = useRef(connected);
  connectedRef.current = connected;
  useEffect(() => {
    if (!connected) setError(null);
  }, [connected]);
  useEffect(() => {
    const listener = (e: Event) => {
      if (connectedRef.current) setError((e as CustomEvent<AppErrorShape>).detail);
    };
    window.addEventListener(SESSION_EXPIRED_EVENT, listener);
    return () => window.removeEventListener(SESSION_EXPIRED_EVENT, listener);
  }, []);
  return (
    <Modal opened={connected && error !== null} onClose={() => setError(null)} title="Your AWS session has expired" centered>
      <Stack>
        <Text size="sm">{error?.message}</Text>
        <Text size="sm" c="dimmed">
          Reconnect to get fresh credentials{error?.code === 'SsoExpired' ? ' (for an SSO profile, press "Sign in" on Connect first)' : ''}. Nothing you saved is lost.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setError(null)}>
            Later
          </Button>
          <Button
            onClick={() => {
              setError(null);
              onReconnect();
            }}
          >
            Reconnect
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
