import { Alert, Badge, Button, Card, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconArrowLeft, IconRefresh, IconRocket } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { Plan, SetupInput } from '../../../../shared/contract/setup';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { actionColor, conflicts, planSummary } from './model';

/** Shows what apply would do to each resource; Apply is refused while any step is a conflict. */
export function PlanReviewStep({
  input,
  applying,
  applyError,
  onBack,
  onApply,
}: {
  input: SetupInput;
  applying: boolean;
  applyError: AppErrorShape | null;
  onBack: () => void;
  onApply: () => void;
}) {
  const [plan, setPlan] = useState<Plan | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    const result = await call(() => api().setup.plan(input));
    setLoading(false);
    if (result.ok) setPlan(result.value);
    else {
      setPlan(null);
      setError(result.error);
    }
  }, [input]);
  useEffect(() => {
    void load();
  }, [load]);

  const blocking = plan ? conflicts(plan) : [];
  const canApply = plan !== null && blocking.length === 0 && !loading;

  return (
    <Stack maw={960}>
      <Text size="sm" c="dimmed">
        Plan for <b>{input.name}</b> in <b>{input.region}</b>. Nothing has been changed in AWS yet.
      </Text>
      {loading && (
        <Group>
          <Loader size="sm" aria-label="Computing plan" />
          <Text size="sm">Checking what already exists…</Text>
        </Group>
      )}
      {error && <ErrorAlert error={error} />}
      {plan && (
        <Card withBorder padding={0}>
          <Table verticalSpacing="sm" aria-label="Plan">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Resource</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Detail</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.steps.map((s) => (
                <Table.Tr key={s.resource}>
                  <Table.Td tt="capitalize">{s.resource}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>
                    <code>{s.name}</code>
                  </Table.Td>
                  <Table.Td style={{ minWidth: 110 }}>
                    <Badge color={actionColor(s.action)}>{s.action}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.detail}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {plan && <Text size="sm">{planSummary(plan)}.</Text>}
      {blocking.length > 0 && (
        <Alert color="red" title="Cannot apply: the plan has conflicts">
          {blocking.map((s) => s.resource).join(', ')} already exist{blocking.length === 1 ? 's' : ''} in a form Onramp
          will not change. Go back and choose other names, or fix the existing resource in AWS, then review again.
        </Alert>
      )}
      {applyError && <ErrorAlert error={applyError} />}
      <Group>
        <Button variant="default" leftSection={<IconArrowLeft size={18} />} onClick={onBack} disabled={applying}>
          Back
        </Button>
        <Button variant="default" leftSection={<IconRefresh size={18} />} onClick={() => void load()} disabled={loading || applying}>
          Refresh plan
        </Button>
        <Button leftSection={<IconRocket size={18} />} disabled={!canApply} loading={applying} onClick={onApply}>
          Apply
        </Button>
      </Group>
    </Stack>
  );
}
