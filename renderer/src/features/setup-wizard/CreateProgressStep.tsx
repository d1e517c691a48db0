import { Alert, Button, Group, List, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconArrowBackUp, IconArrowLeft, IconArrowRight, IconCheck, IconClock, IconPlayerSkipForward, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ApplyJob } from '../../../../shared/contract/jobs';
import type { ApplyStepStatus } from '../../../../shared/contract/setup';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isFinished, stepStateColor } from './model';

/** How often the job is polled. */
export const POLL_MS = 300;

function StateIcon({ state }: { state: ApplyStepStatus['state'] }) {
  if (state === 'running') return <Loader size={18} />;
  const icon = {
    pending: <IconClock size={12} />,
    done: <IconCheck size={12} />,
    skipped: <IconPlayerSkipForward size={12} />,
    failed: <IconX size={12} />,
    undone: <IconArrowBackUp size={12} />,
  }[state];
  return (
    <ThemeIcon color={stepStateColor(state)} size={18} radius="xl">
      {icon}
    </ThemeIcon>
  );
}

/** Live progress of an apply job, polled until it succeeds or fails. */
export function CreateProgressStep({
  jobId,
  onDone,
  onBack,
}: {
  jobId: string;
  onDone: (job: ApplyJob) => void;
  onBack: () => void;
}) {
  const [job, setJob] = useState<ApplyJob | null>(null);
  const [pollError, setPollError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const result = await call(() => api().setup.progress({ jobId }));
      if (stopped) return;
      if (!result.ok) return setPollError(result.error);
      setJob(result.value);
      if (!isFinished(result.value)) timer = setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId]);

  return (
    <Stack maw={860}>
      <List spacing="sm" center aria-label="Setup steps">
        {(job?.steps ?? []).map((s) => (
          <List.Item key={s.id} icon={<StateIcon state={s.state} />} aria-label={`${s.label}: ${s.state}`}>
            <Text size="sm" span fw={500}>
              {s.label}
            </Text>{' '}
            <Text size="sm" span c="dimmed">
              — {s.state}
              {s.detail ? `: ${s.detail}` : ''}
            </Text>
          </List.Item>
        ))}
      </List>
      {!job && !pollError && (
        <Group>
          <Loader size="sm" aria-label="Starting" />
          <Text size="sm">Starting…</Text>
        </Group>
      )}
      {job?.state === 'running' && <Text size="sm" c="dimmed">Working — IAM changes can take up to a minute to propagate.</Text>}
      {pollError && <ErrorAlert error={pollError} />}
      {job?.state === 'failed' && job.error && (
        <ErrorAlert error={job.error}>
          <Text size="sm" fw={500}>
            {job.rolledBack.length > 0 ? 'Undone (created by this run, now removed):' : 'Nothing had to be undone.'}
          </Text>
          {job.rolledBack.length > 0 && (
            <List size="sm" aria-label="Rolled back resources">
              {job.rolledBack.map((r) => (
                <List.Item key={r}>{r}</List.Item>
              ))}
            </List>
          )}
        </ErrorAlert>
      )}
      {job?.state === 'succeeded' && (
        <Alert color="teal" title="Cloud Configuration created">
          Every resource is in place. Open the result to copy the values into the platform's form.
        </Alert>
      )}
      <Group>
        {job?.state === 'failed' && (
          <Button variant="default" leftSection={<IconArrowLeft size={18} />} onClick={onBack}>
            Back to plan
          </Button>
        )}
        {job?.state === 'succeeded' && (
          <Button rightSection={<IconArrowRight size={18} />} onClick={() => onDone(job)}>
            View result
          </Button>
        )}
      </Group>
    </Stack>
  );
}
