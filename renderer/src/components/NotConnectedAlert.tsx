import { Alert, Button } from '@mantine/core';

/** The notice a screen shows while no AWS profile is connected: what connecting is for, and a way to Connect. */
export function NotConnectedAlert({ purpose, onGoConnect }: { purpose: string; onGoConnect: () => void }) {
  return (
    <Alert color="yellow" title="Not connected">
      Connect to an AWS profile {purpose}{' '}
      <Button size="compact-sm" variant="light" onClick={onGoConnect}>
        Go to Connect
      </Button>
    </Alert>
  );
}
