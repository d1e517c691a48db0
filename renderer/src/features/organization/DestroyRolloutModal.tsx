import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { OrgRolloutSummary } from '../../../../shared/contract/org';
import type { AppErrorShape } from '../../../../shared/errors';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { OrgRunHandle } from './org-run';

/**
 * Remove a roll-out from all its accounts, or the listed ones, after the user types its name; the
 * removal is a run (followed under the Accounts tab, with Cancel), started here.
 */
export function DestroyRolloutModal({ target, destroyRun, onClose }: { target: OrgRolloutSummary | null; destroyRun: OrgRunHandle<'org-destroy'>; onClose: () => void }) {
  const [typed, setTyped] = useState('');
  const [accounts, setAccounts] = useState('');
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const name = target?.name ?? '';
  const close = () => {
    setTyped('');
    setAccounts('');
    setError(null);
    onClose();
  };
  async function remove() {
    if (!target) return;
    setStarting(true);
    setError(null);
    const refused = await destroyRun.start(() => api().org.destroy({ name: target.name, region: target.region, accounts: accounts.trim(), confirmation: typed }));
    setStarting(false);
    if (refused) setError(refused);
    else close();
  }
  return (
    <Modal opened={target !== null} onClose={starting ? () => undefined : close} title={`Remove roll-out "${name}"`} size="lg" centered>
      <Stack>
        <Text size="sm">
          Deletes the stack instances of {target?.stackSet ?? 'the StackSet'} in {target?.region ?? ''}, which removes only what the StackSet made in each account, and the
          StackSet once no instance is left. An account whose bucket holds objects or whose table holds lock items keeps everything (a workspace still uses them). Buckets are
          kept by their retention policy and listed to remove by hand.
        </Text>
        <TextInput
          label="Only these accounts (optional)"
          description="Comma-separated account IDs; empty removes it from every account."
          value={accounts}
          onChange={(e) => setAccounts(e.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <TextInput label={`Type "${name}" to confirm`} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} autoComplete="off" spellCheck={false} data-autofocus />
        {error && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={starting}>
            Cancel
          </Button>
          <Button color="red" leftSection={<IconTrash size={18} aria-hidden />} disabled={typed.trim() !== name || destroyRun.running} loading={starting} onClick={() => void remove()}>
            Remove
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
