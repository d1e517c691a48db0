import { Badge, Button, Group, Modal, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconBell, IconEdit, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { DeleteAlarmModal, type DeleteChoice } from './DeleteAlarmModal';
import { ago, shortPeriod, stateColor, topicNameOf, type RegionAlarm } from './model';
import { TableHead } from '../../components/TableHead';

type Pending = { kind: 'delete' | 'test'; alarm: RegionAlarm } | null;

/** A state badge that is never cut off (see the State cell). */
const BADGE_STYLES = { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible', textOverflow: 'clip' } } as const;

/** The account's alarms with state, threshold, period, topic and last change; edit, delete, test. */
export function AlarmsTable({
  alarms,
  now,
  onEdit,
  onDelete,
  onTest,
}: {
  alarms: RegionAlarm[];
  now: number;
  onEdit: (alarm: RegionAlarm) => void;
  onDelete: (alarm: RegionAlarm, choice: DeleteChoice) => Promise<boolean>;
  onTest: (alarm: RegionAlarm) => Promise<boolean>;
}) {
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    if (pending?.kind !== 'test') return;
    setBusy(true);
    const ok = await onTest(pending.alarm);
    setBusy(false);
    if (ok) setPending(null);
  }

  if (alarms.length === 0) return <Text c="dimmed">No alarms on EC2 vCPU usage or estimated charges yet.</Text>;
  return (
    <>
      <Table aria-label="Alarms" striped highlightOnHover withTableBorder>
        <TableHead columns={['Name', 'Region', 'State', 'Threshold', 'Period', 'Topic', 'Last change', 'Actions']} />
        <Table.Tbody>
          {alarms.map((a) => (
            <Table.Tr key={`${a.region}/${a.alarmName}`}>
              <Table.Td maw={320}>
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {a.alarmName}
                </Text>
                {a.description && (
                  <Text size="xs" c="dimmed" lineClamp={2} title={a.description} style={{ overflowWrap: 'anywhere' }}>
                    {a.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{a.region}</Table.Td>
              {/*
                The state never shrinks to "O…" or "ALA…": Mantine's badge label is overflow-hidden, which
                lets a flex item shrink to nothing when a long description squeezes the column; a visible
                label keeps the badge (and so the column) as wide as the state.
              */}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Tooltip label={a.stateReason || a.state} multiline w={320}>
                  <Badge color={stateColor(a.state)} variant="filled" styles={BADGE_STYLES}>
                    {a.state}
                  </Badge>
                </Tooltip>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {a.comparisonOperator === 'GreaterThanOrEqualToThreshold' ? '≥' : '>'} {a.threshold} ({a.datapointsToAlarm} of {a.evaluationPeriods})
                {a.metric.kind === 'vcpu' && a.metric.usageClass === 'all' ? ', all classes' : ''}
              </Table.Td>
              <Table.Td>{shortPeriod(a.period)}</Table.Td>
              <Table.Td>{a.topicArns.map(topicNameOf).join(', ') || '—'}</Table.Td>
              <Table.Td>{a.stateUpdatedAt ? ago(a.stateUpdatedAt, now) : '—'}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-xs" variant="light" leftSection={<IconEdit size={14} />} onClick={() => onEdit(a)} aria-label={`Edit ${a.alarmName}`}>
                    Edit
                  </Button>
                  <Button size="compact-xs" variant="light" color="orange" leftSection={<IconBell size={14} />} onClick={() => setPending({ kind: 'test', alarm: a })} aria-label={`Test ${a.alarmName}`}>
                    Test
                  </Button>
                  <Button size="compact-xs" variant="light" color="red" leftSection={<IconTrash size={14} />} onClick={() => setPending({ kind: 'delete', alarm: a })} aria-label={`Delete ${a.alarmName}`}>
                    Delete
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {pending?.kind === 'delete' && <DeleteAlarmModal alarm={pending.alarm} onClose={() => setPending(null)} onDelete={(choice) => onDelete(pending.alarm, choice)} />}
      <Modal opened={pending?.kind === 'test'} onClose={() => !busy && setPending(null)} title="Send a test notification?">
        {pending?.kind === 'test' && (
          <Stack>
            <Text size="sm">
              This sets <b>{pending.alarm.alarmName}</b> to ALARM for a moment, so its topic sends <b>real emails</b> (and any other
              notifications) to every confirmed subscriber. The alarm returns to its real state at its next evaluation.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPending(null)} disabled={busy}>
                Cancel
              </Button>
              <Button color="orange" loading={busy} onClick={() => void confirm()}>
                Send test notification
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
