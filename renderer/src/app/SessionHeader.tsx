import { Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import { IconServer2 } from '@tabler/icons-react';
import type { SessionInfo } from '../../../shared/contract/session';

/** The header's identity block: account, ARN and any endpoint override, or "Not connected". */
export function SessionHeader({ session, onDisconnect }: { session: SessionInfo | null; onDisconnect: () => void }) {
  if (!session) {
    return (
      <Badge color="gray" variant="light" size="lg">
        Not connected
      </Badge>
    );
  }
  return (
    <Group gap="sm" wrap="nowrap" aria-label="Connected account" role="status" style={{ minWidth: 0 }}>
      {session.endpointUrl && (
        <Tooltip label="Requests go to this endpoint instead of AWS">
          <Badge color="orange" variant="light" leftSection={<IconServer2 size={12} />} tt="none">
            endpoint {session.endpointUrl}
          </Badge>
        </Tooltip>
      )}
      <div style={{ minWidth: 0, textAlign: 'right' }}>
        <Text size="sm" fw={600} lh={1.2}>
          {session.profile} · {session.account}
        </Text>
        <Text size="xs" c="dimmed" truncate="start" maw={420} title={session.arn}>
          {session.arn}
        </Text>
      </div>
      <Button size="compact-sm" variant="default" onClick={onDisconnect}>
        Disconnect
      </Button>
    </Group>
  );
}
