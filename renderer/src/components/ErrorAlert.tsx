import { Alert, Code, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { AppErrorShape } from '../../../shared/errors';
import { CopyValueButton } from './CopyValueButton';
import { describeError } from './error-model';

/** An error from the API: its message, a command to copy when the message names one, and what to do next (`hint` replaces the code's generic next step). */
export function ErrorAlert({ error, hint, children }: { error: AppErrorShape; hint?: string; children?: ReactNode }) {
  const d = describeError(error);
  return (
    <Alert color="red" variant="light" title={d.title} icon={<IconAlertTriangle size={18} />} role="alert">
      <Stack gap="xs">
        <Text size="sm" style={{ wordBreak: 'break-word' }}>
          {d.message}
        </Text>
        {d.command && (
          <Group gap="xs" wrap="nowrap">
            <Code block style={{ flex: 1 }}>
              {d.command}
            </Code>
            <CopyValueButton value={d.command} label="command" />
          </Group>
        )}
        <Text size="sm" c="dimmed">
          {hint ?? d.hint}
        </Text>
        {children}
      </Stack>
    </Alert>
  );
}
