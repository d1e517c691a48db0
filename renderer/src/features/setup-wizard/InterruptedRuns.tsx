import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconPlayerPlay } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { InterruptedRun } from '../../../../shared/contract/setup';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Setup runs that stopped before finishing (a crash, a killed process), with Finish and Undo. */
export function InterruptedRuns({ onStarted }: { onStarted: (runId: string) => void }) {
  const [runs, setRuns] = useState<InterruptedRun[]>([]);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const load = useCallback(async () => {
    const r = await call(() => api().setup.interrupted({}));
    if (r.ok) setRuns(r.value.runs);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function resolve(runId: string, action: 'finish' | 'undo') {
    setBusy(`${runId}:${action}`);
    setError(null);
    const r = await call(() => api().setup.resolveInterrupted({ runId, action }));
    setBusy(null);
    if (!r.ok) return setError(r.error);
    onStarted(r.value.runId);
  }

  if (runs.length === 0) return error ? <ErrorAlert error={error} /> : null;
  return (
    <section aria-label="Interrupted setup runs">
    <Alert color="orange" title="An earlier setup run did not finish">
      <Stack gap="sm">
        <Text size="sm">
          Onramp stopped (closed or crashed) in the middle of a setup. Finish re-applies it and hardens what was created; Undo deletes exactly what
          that run created and nothing else.
        </Text>
        {runs.map((r) => (
          <Stack key={r.runId} gap={4}>
            <Text size="sm" fw={600}>
              {r.configuration} — account {r.account}, {r.region}, started {new Date(r.startedAt).toLocaleString()}
            </Text>
            <List size="sm" aria-label={`Resources of run ${r.configuration}`}>
              {r.resources.map((x) => (
                <List.Item key={x.kind}>
                  {x.kind} {x.name} ({x.state === 'intended' ? 'about to be created' : x.state === 'created' ? 'created, not hardened yet' : 'created'})
                </List.Item>
              ))}
              {r.resources.length === 0 && <List.Item>nothing created yet</List.Item>}
            </List>
            <Group gap="xs">
              <Button size="compact-sm" leftSection={<IconPlayerPlay size={16} />} loading={busy === `${r.runId}:finish`} onClick={() => void resolve(r.runId, 'finish')}>
                Finish {r.configuration}
              </Button>
              <Button size="compact-sm" variant="default" color="red" leftSection={<IconArrowBackUp size={16} />} loading={busy === `${r.runId}:undo`} onClick={() => void resolve(r.runId, 'undo')}>
                Undo {r.configuration}
              </Button>
            </Group>
          </Stack>
        ))}
        {error && <ErrorAlert error={error} />}
      </Stack>
    </Alert>
    </section>
  );
}
