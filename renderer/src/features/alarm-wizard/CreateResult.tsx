import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { CreateAlarmResult } from '../../../../shared/contract/alarms';
import { notifyOnText, topicName, type AlarmForm } from './model';
import { PendingReminder } from './NotificationStep';
import { SubscriptionTable } from './SubscriptionTable';

/** What a create made, per region (topic, subscriptions and their confirmation), with where to go next. */
export function CreateResult({
  form,
  result,
  onOpenDashboard,
  onStartOver,
  onEdit,
}: {
  form: AlarmForm;
  result: CreateAlarmResult;
  onOpenDashboard?: () => void;
  /** Leave this result and begin a new alarm. */
  onStartOver?: () => void;
  /** Open this alarm in the wizard to change it. */
  onEdit?: () => void;
}) {
  const pending = result.regions.some((r) => r.subscriptions.some((s) => s.status === 'pending'));
  return (
    <section aria-label="Create result">
      <Alert color="teal" variant="light" title={result.regions.every((r) => r.updated) ? 'Alarm updated' : 'Alarm created'}>
        <Stack gap="xs">
          <Text size="sm">
            {result.alarmName} notifies on {notifyOnText({ ...form, notifyOn: result.notifyOn })} in {result.regions.map((r) => r.region).join(', ')}.
          </Text>
          {result.regions.map((r) => (
            <Stack key={r.region} gap={4}>
              <Text size="sm" fw={500}>
                {r.region}: topic {topicName(r.topicArn)}
                {r.topicCreated ? ' (created)' : ''}
                {r.updated ? ', alarm updated' : ''}
              </Text>
              <SubscriptionTable subscriptions={r.subscriptions} label={`Topic subscriptions in ${r.region}`} />
            </Stack>
          ))}
          {pending && <PendingReminder />}
          {(onOpenDashboard || onStartOver || onEdit) && (
            <Group>
              {onOpenDashboard && (
                <Button variant="light" onClick={onOpenDashboard}>
                  Open the dashboard
                </Button>
              )}
              {onEdit && (
                <Button variant="default" onClick={onEdit}>
                  Edit this alarm
                </Button>
              )}
              {onStartOver && (
                <Button variant="default" onClick={onStartOver}>
                  Start a new alarm
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </Alert>
    </section>
  );
}
