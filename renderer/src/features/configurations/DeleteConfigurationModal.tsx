import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { DestroyResult } from '../../../../shared/contract/setup';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isEnded, outcomeOf, useRunProgress } from '../../components/runs';
import { deleteConfirmed, destroySummary } from './model';

/**
 * Tears a configuration down in AWS after the user types its name; shows what was deleted and what was
 * kept. `target` names it by name and account (a name is unique per account only).
 */
export function DeleteConfigurationModal({ target, onClose }: { target: { name: string; accountId: string } | null; onClose: (changed: boolean) => void }) {
  const name = target?.name ?? null;
  const [typed, setTyped] = useState('');
  const [starting, setStarting] = useState(false);
  const [result, setResult] = useState<DestroyResult | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const [stopping, setStopping] = useState(false);
  // The destroy runs in main; this follows it to its end.
  const followed = useRunProgress(runId, (run) => {
    if (run.kind !== 'setup-destroy' || !isEnded(run)) return;
    const outcome = outcomeOf(run);
    if (outcome.ok) setResult(outcome.value);
    else setError(outcome.error);
    setRunId(null);
    setStopping(false);
  });
  const following = runId !== null && !followed.error;
  const busy = starting || following;

  const close = () => {
    const changed = result !== null;
    setTyped('');
    setResult(null);
    setError(null);
    onClose(changed);
  };

  async function destroy() {
    if (!target) return;
    setStarting(true);
    setError(null);
    // The destroy is a run: "Stop" cancels it between deletions (main stops before the next one).
    const r = await call(() => api().setup.destroy({ name: target.name, accountId: target.accountId, confirmation: typed }));
    setStarting(false);
    if (r.ok) setRunId(r.value.runId);
    else setError(r.error);
  }

  const summary = result ? destroySummary(result) : null;
  return (
    <Modal opened={name !== null} onClose={busy ? () => undefined : close} title={`Delete "${name ?? ''}" in AWS`} size="lg" centered>
      <Stack>
        {!result && (
          <>
            <Text size="sm">
              This deletes the role's inline policy, the role, the DynamoDB table and the S3 bucket — only what Onramp created. While the
              bucket holds objects or the table holds lock items, the platform still has state there: nothing is changed. A role that
              existed before Onramp is kept, with Onramp's policy removed.
            </Text>
            <TextInput
              label={`Type "${name ?? ''}" to confirm`}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              autoComplete="off"
              spellCheck={false}
              data-autofocus
            />
          </>
        )}
        {(error ?? followed.error) && <ErrorAlert error={(error ?? followed.error)!} />}
        {result && summary && (
          <Alert color={summary.color} title={summary.title}>
            {result.deleted.length > 0 && (
              <>
                <Text size="sm" fw={500}>
                  Deleted
                </Text>
                <List size="sm" aria-label="Deleted resources">
                  {result.deleted.map((d) => (
                    <List.Item key={d}>{d}</List.Item>
                  ))}
                </List>
              </>
            )}
            {result.cancelled && (
              <Text size="sm" mt="xs">
                Stopped before finishing: what is not listed as deleted is still in place.
              </Text>
            )}
            {result.notes.map((n) => (
              <Text key={n} size="sm" mt="xs">
                {n}
              </Text>
            ))}
            {result.kept.length > 0 && (
              <>
                <Text size="sm" fw={500} mt="xs">
                  Kept
                </Text>
                <List size="sm" aria-label="Kept resources">
                  {result.kept.map((k) => (
                    <List.Item key={k.resource}>
                      {k.resource}: {k.reason}
                    </List.Item>
                  ))}
                </List>
                <Text size="sm" mt="xs">
                  Empty or remove what was kept in the AWS console, then delete again.
                </Text>
              </>
            )}
          </Alert>
        )}
        <Group justify="flex-end">
          {busy && runId && (
            <Button
              variant="light"
              color="red"
              loading={stopping}
              onClick={() => {
                setStopping(true);
                void call(() => api().runs.cancel({ runId }));
              }}
            >
              Stop
            </Button>
          )}
          <Button variant="default" onClick={close} disabled={busy}>
            {result ? 'Close' : 'Cancel'}
          </Button>
          {!result && (
            <Button
              color="red"
              leftSection={<IconTrash size={18} />}
              disabled={!name || !deleteConfirmed(name, typed)}
              loading={busy}
              onClick={() => void destroy()}
            >
              Delete in AWS
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
