import { Button, Group, Modal, Stack, Text } from '@mantine/core';

/** What a disconnect would interrupt: a run in progress, or a wizard holding input not yet applied. */
export interface InProgress {
  kind: 'run' | 'draft';
  /** "A setup run", "New alarm", … */
  what: string;
  /** The screen that shows it. */
  screen: string;
}

/**
 * Asks before disconnecting in the middle of something: a run goes on with the credentials it started
 * with (cancel it on its screen to stop it); a wizard keeps what was typed, but its plan, checks and
 * create need a connection. Never leaves without a word.
 */
export function DisconnectModal({
  opened,
  inProgress,
  onStay,
  onShow,
  onDisconnect,
}: {
  opened: boolean;
  inProgress: InProgress | null;
  onStay: () => void;
  onShow: (screen: string) => void;
  onDisconnect: () => void;
}) {
  const run = inProgress?.kind === 'run';
  return (
    <Modal opened={opened && inProgress !== null} onClose={onStay} title={run ? `${inProgress?.what ?? 'A run'} is in progress` : `Disconnect in the middle of ${inProgress?.what ?? 'a wizard'}?`}>
      <Stack>
        <Text size="sm">
          {run
            ? 'Disconnecting does not stop it: the run finishes (or undoes itself) with the credentials it started with. To stop it, cancel it on its screen.'
            : `${inProgress?.what ?? 'The wizard'} keeps what you typed, but its checks, plan and create need a connection: connect again to the same account to continue.`}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onStay}>
            Stay connected
          </Button>
          <Button variant="light" onClick={() => inProgress && onShow(inProgress.screen)}>
            {run ? 'Show the run' : `Back to ${inProgress?.what ?? 'the wizard'}`}
          </Button>
          <Button color="red" onClick={onDisconnect}>
            {run ? 'Disconnect anyway' : 'Disconnect'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
