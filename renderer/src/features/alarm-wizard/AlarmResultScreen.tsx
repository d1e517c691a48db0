import { Alert, Button, Stack, Title } from '@mantine/core';
import { CreateResult } from './CreateResult';
import { useAlarmRun } from './alarm-run';
import type { AlarmForm } from './model';

/**
 * The last finished alarm create, on its own screen: what "Show result" in its notice and the
 * Monitoring screen open, once "New alarm" has begun a fresh wizard. Edit opens this alarm in the
 * wizard (the same entry point as the dashboard's Edit).
 */
export function AlarmResultScreen({ onOpenDashboard, onNewAlarm, onEdit }: { onOpenDashboard: () => void; onNewAlarm: () => void; onEdit: (form: AlarmForm) => void }) {
  const finished = useAlarmRun()?.finished ?? null;
  return (
    <Stack maw={860}>
      <Title order={1} size="h2">
        {finished ? `Alarm ${finished.result.alarmName}` : 'Alarm result'}
      </Title>
      {finished ? (
        <CreateResult form={finished.form} result={finished.result} onOpenDashboard={onOpenDashboard} onEdit={() => onEdit(finished.form)} onStartOver={onNewAlarm} />
      ) : (
        <Alert color="blue" title="No alarm was created in this session">
          <Button mt="xs" variant="light" onClick={onNewAlarm}>
            New alarm
          </Button>
        </Alert>
      )}
    </Stack>
  );
}
