import { Alert, Button, Checkbox, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AlarmDeletePlan } from '../../../../shared/contract/monitoring';
import type { AppErrorShape } from '../../../../shared/errors';
import { SUPPORTED_REGIONS, type SupportedRegion } from '../../../../shared/regions';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { deletableTopics, keptTopicLines, topicNameOf, type RegionAlarm } from './model';

/** What the user chose to delete. */
export interface DeleteChoice {
  regions: SupportedRegion[];
  deleteTopic: boolean;
}

/**
 * Confirm deleting an alarm: it is looked up in every supported region (an alarm made in several
 * regions has one of the same name in each), all of them are ticked, and a topic Onramp created for it
 * that no other alarm uses is offered for deletion too; a topic Onramp did not create is only named.
 */
export function DeleteAlarmModal({ alarm, onClose, onDelete }: { alarm: RegionAlarm; onClose: () => void; onDelete: (choice: DeleteChoice) => Promise<boolean> }) {
  const [plan, setPlan] = useState<AlarmDeletePlan | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [regions, setRegions] = useState<SupportedRegion[]>([]);
  const [deleteTopic, setDeleteTopic] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void call(() => api().alarms.deletePlan({ regions: [...SUPPORTED_REGIONS], name: alarm.alarmName })).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error);
      setPlan(r.value);
      setRegions(r.value.foundIn);
    });
    return () => {
      live = false;
    };
  }, [alarm.alarmName]);

  async function confirm() {
    setBusy(true);
    const ok = await onDelete({ regions, deleteTopic: deleteTopic && offered.length > 0 });
    setBusy(false);
    if (ok) onClose();
  }

  const offered = plan ? deletableTopics(plan, regions) : [];
  const kept = plan ? keptTopicLines(plan, regions) : [];
  return (
    <Modal opened onClose={() => !busy && onClose()} title="Delete alarm?">
      <Stack>
        {error && <ErrorAlert error={error} />}
        {!plan && !error && (
          <Group gap="xs">
            <Loader size="xs" aria-hidden />
            <Text size="sm">Looking for {alarm.alarmName} in every region…</Text>
          </Group>
        )}
        {plan && (
          <>
            <Checkbox.Group label={`Delete ${alarm.alarmName} in`} value={regions} onChange={(v) => setRegions(v as SupportedRegion[])}>
              <Group gap="md" mt="xs">
                {plan.foundIn.map((r) => (
                  <Checkbox key={r} value={r} label={r} />
                ))}
              </Group>
            </Checkbox.Group>
            {plan.notFoundIn.length > 0 && (
              <Text size="xs" c="dimmed">
                No alarm of this name in {plan.notFoundIn.join(', ')}.
              </Text>
            )}
            {offered.length > 0 && (
              <Checkbox
                checked={deleteTopic}
                onChange={(e) => setDeleteTopic(e.currentTarget.checked)}
                label={`Also delete the SNS topic Onramp created for it (${offered.map((t) => `${topicNameOf(t.topicArn)} in ${t.region}`).join(', ')})`}
                description={`No other alarm uses it; its ${offered.reduce((n, t) => n + t.subscriptions, 0)} subscription(s) are deleted with it. Unticked, the topic and its subscriptions stay.`}
              />
            )}
            {kept.length > 0 && (
              <Alert variant="light" color="gray" title="Kept">
                {kept.map((line) => (
                  <Text key={line} size="sm">
                    {line}
                  </Text>
                ))}
              </Alert>
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button color="red" loading={busy} disabled={!plan || regions.length === 0} onClick={() => void confirm()}>
            Delete alarm
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
