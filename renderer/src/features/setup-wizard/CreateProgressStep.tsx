import { Alert, Button, Code, Group, List, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconArrowBackUp, IconArrowLeft, IconArrowRight, IconCheck, IconClock, IconPlayerSkipForward, IconPlayerStop, IconX } from '@tabler/icons-react';
import type { ApplyStepStatus } from '../../../../shared/contract/setup';
import type { AppErrorShape } from '../../../../shared/errors';
import { CopyValueButton } from '../../components/CopyValueButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { stepStateColor } from './model';
import type { SetupRun } from './setup-run';

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

/** What the rollback could not undo: the command and console place for each. */
function ManualSteps({ job }: { job: SetupRun }) {
  if (job.manual.length === 0) return null;
  return (
    <Alert color="red" title="Not undone — finish these by hand" role="alert">
      <List size="sm" spacing="xs" aria-label="Left to remove by hand">
        {job.manual.map((m) => (
          <List.Item key={`${m.resource}:${m.name}`}>
            <Text size="sm">
              {m.resource} {m.name}: {m.reason}
            </Text>
            <Group gap={4} wrap="nowrap">
              <Code style={{ overflowWrap: 'anywhere' }}>{m.command}</Code>
              <CopyValueButton value={m.command} label={`command for ${m.resource} ${m.name}`} />
            </Group>
            <Text size="xs">Console: {m.console}</Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** Live progress of a setup run (followed by the app's RunsProvider), with Cancel while it runs. */
export function CreateProgressStep({
  job,
  pollError,
  onCancel,
  onDone,
  onBack,
}: {
  job: SetupRun | null;
  pollError: AppErrorShape | null;
  onCancel: () => void;
  onDone: (job: SetupRun) => void;
  onBack: () => void;
}) {
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
      {job?.state === 'running' && (
        <Text size="sm" c="dimmed" role="status">
          {job.cancelling ? 'Cancelling: finishing the step in flight, then undoing what this run created…' : 'Working — IAM changes can take up to a minute to propagate. You can leave this screen; you will be notified when it ends.'}
        </Text>
      )}
      {pollError && <ErrorAlert error={pollError} />}
      {(job?.state === 'failed' || job?.state === 'cancelled') && job.error && (
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
      {job && <ManualSteps job={job} />}
      {job?.state === 'succeeded' && (
        <Alert color="teal" title="Cloud Configuration created">
          Every resource is in place. Open the result to copy the values into the platform's form.
        </Alert>
      )}
      <Group>
        {job?.state === 'running' && (
          <Button color="red" variant="light" leftSection={<IconPlayerStop size={18} />} disabled={job.cancelling} onClick={onCancel}>
            {job.cancelling ? 'Cancelling…' : 'Cancel'}
          </Button>
        )}
        {(job?.state === 'failed' || job?.state === 'cancelled') && (
          <Button variant="default" leftSection={<IconArrowLeft size={18} />} onClick={onBack}>
            Back to plan
          </Button>
        )}
        {job?.state === 'succeeded' && job.result && (
          <Button rightSection={<IconArrowRight size={18} />} onClick={() => onDone(job)}>
            View result
          </Button>
        )}
      </Group>
    </Stack>
  );
}
