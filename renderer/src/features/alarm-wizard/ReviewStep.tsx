import { Button, Group, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { CreateAlarmResult } from '../../../../shared/contract/alarms';
import type { AppErrorShape } from '../../../../shared/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CreateResult } from './CreateResult';
import { createLabel, previewRows, type AlarmForm, type FieldErrors, type TopicPlanView } from './model';

/** Step 5: name and description, the preview of everything, Create (and Cancel while it runs), and the result per region. */
export function ReviewStep({
  form,
  onChange,
  errors,
  plan,
  creating,
  cancelling,
  createError,
  result,
  onCreate,
  onCancel,
  onOpenDashboard,
  onStartOver,
  editing = null,
}: {
  form: AlarmForm;
  onChange: (form: AlarmForm) => void;
  errors: FieldErrors;
  plan: TopicPlanView;
  creating: boolean;
  cancelling: boolean;
  createError: AppErrorShape | null;
  result: CreateAlarmResult | null;
  onCreate: () => void;
  onCancel: () => void;
  onOpenDashboard?: () => void;
  /** Leave this result and begin a new alarm. */
  onStartOver?: () => void;
  /** The alarm the dashboard's Edit opened, or null for a new one. */
  editing?: AlarmForm | null;
}) {
  const valid = Object.keys(errors).length === 0 && plan.conflicts.length === 0;
  const label = createLabel(form, result?.alarmName ?? editing?.name ?? null);
  return (
    <Stack gap="md" maw={860}>
      <TextInput
        label="Alarm name"
        description="Creating again with the same name updates that alarm in place."
        value={form.name}
        onChange={(e) => onChange({ ...form, name: e.currentTarget.value })}
        error={form.name === '' ? undefined : errors.name}
        w={420}
        autoComplete="off"
        disabled={creating}
      />
      <Textarea label="Description" value={form.description} onChange={(e) => onChange({ ...form, description: e.currentTarget.value })} error={errors.description} rows={2} disabled={creating} />
      <Table aria-label="Alarm preview" withTableBorder>
        <Table.Tbody>
          {previewRows(form, plan).map(([label, value]) => (
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
      {plan.conflicts.map((c) => (
        <Text key={c.region} size="sm" c="red">
          A topic named {form.newTopicName.trim()} that Onramp did not create already exists in {c.region}; go back to Notification and choose what to do.
        </Text>
      ))}
      {createError && <ErrorAlert error={createError} />}
      <Group>
        <Button onClick={onCreate} disabled={!valid || creating} loading={creating} leftSection={<IconCheck size={16} />}>
          {label}
        </Button>
        {creating && (
          <Button variant="default" color="red" onClick={onCancel} loading={cancelling} leftSection={<IconX size={16} />}>
            Cancel
          </Button>
        )}
        {creating && (
          <Text size="sm" c="dimmed" role="status">
            {cancelling ? 'Cancelling: finishing the step in flight, then undoing what this run made…' : 'Creating…'}
          </Text>
        )}
      </Group>
      {result && <CreateResult form={form} result={result} onOpenDashboard={onOpenDashboard} onStartOver={onStartOver} />}
    </Stack>
  );
}
