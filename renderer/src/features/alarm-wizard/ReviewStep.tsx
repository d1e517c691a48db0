import { Alert, Button, Group, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { AppErrorShape } from '../../../../shared/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { previewRows, topicName, type AlarmForm, type FieldErrors } from './model';
import { PendingReminder } from './NotificationStep';
import { SubscriptionTable, type SubscriptionRow } from './SubscriptionTable';

/** What alarms:create answered. */
export interface CreateResult {
  alarmName: string;
  alarmArn: string;
  topicArn: string;
  updated: boolean;
  topicCreated: boolean;
  subscriptions: SubscriptionRow[];
}

/** Step 5: name and description, the preview of everything, Create, and the result. */
export function ReviewStep({
  form,
  onChange,
  errors,
  creating,
  createError,
  result,
  onCreate,
  onOpenDashboard,
}: {
  form: AlarmForm;
  onChange: (form: AlarmForm) => void;
  errors: FieldErrors;
  creating: boolean;
  createError: AppErrorShape | null;
  result: CreateResult | null;
  onCreate: () => void;
  onOpenDashboard?: () => void;
}) {
  const valid = Object.keys(errors).length === 0;
  return (
    <Stack gap="md" maw={820}>
      <TextInput
        label="Alarm name"
        description="Creating again with the same name updates that alarm in place."
        value={form.name}
        onChange={(e) => onChange({ ...form, name: e.currentTarget.value })}
        error={form.name === '' ? undefined : errors.name}
        w={420}
        autoComplete="off"
      />
      <Textarea
        label="Description"
        value={form.description}
        onChange={(e) => onChange({ ...form, description: e.currentTarget.value })}
        error={errors.description}
        rows={2}
      />
      <Table aria-label="Alarm preview" withTableBorder>
        <Table.Tbody>
          {previewRows(form).map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={200} scope="row">
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {Object.entries(errors).map(([k, m]) => (
        <Text key={k} size="sm" c="red">
          {m}
        </Text>
      ))}
      {createError && <ErrorAlert error={createError} />}
      <Group>
        <Button onClick={onCreate} disabled={!valid} loading={creating} leftSection={<IconCheck size={16} />}>
          {result ? 'Save again' : 'Create alarm'}
        </Button>
      </Group>
      {result && (
        <section aria-label="Create result">
        <Alert color="teal" variant="light" title={result.updated ? 'Alarm updated' : 'Alarm created'}>
          <Stack gap="xs">
            <Text size="sm">
              {result.alarmName} now notifies topic {topicName(result.topicArn)}
              {result.topicCreated ? ' (created)' : ''}.
            </Text>
            <SubscriptionTable subscriptions={result.subscriptions} label="Topic subscriptions" />
            {result.subscriptions.some((s) => s.status === 'pending') && <PendingReminder />}
            {onOpenDashboard && (
              <Group>
                <Button variant="light" onClick={onOpenDashboard}>
                  Open the dashboard
                </Button>
              </Group>
            )}
          </Stack>
        </Alert>
        </section>
      )}
    </Stack>
  );
}
