import { Anchor, Stack, Text } from '@mantine/core';

/** A notice's text with a link that opens the screen showing what it announces. */
export function NoticeMessage({ message, actionLabel, onAction }: { message: string; actionLabel: string; onAction: () => void }) {
  return (
    <Stack gap={4}>
      <Text size="sm" c="var(--mantine-color-text)">
        {message}
      </Text>
      <Anchor component="button" type="button" size="sm" fw={600} ta="left" onClick={onAction}>
        {actionLabel}
      </Anchor>
    </Stack>
  );
}
