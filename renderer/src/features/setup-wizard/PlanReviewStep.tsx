import { Alert, Badge, Button, Card, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconArrowLeft, IconRefresh, IconRocket } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PermissionCheck } from '../../../../shared/contract/readiness';
import type { Plan, SetupInput } from '../../../../shared/contract/setup';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PermissionsPanel } from '../readiness';
import { actionColor, conflicts, planSummary } from './model';
import { TableHead } from '../../components/TableHead';

/**
 * Shows what apply would do to each resource, and whether the identity may do it on these exact
 * names (IAM policy simulation, never blocking); Apply is refused while any step is a conflict.
 */
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

  const [permissions, setPermissions] = useState<PermissionCheck | null>(null);
  const [permissionsError, setPermissionsError] = useState<AppErrorShape | null>(null);

  // Answers of an earlier load (before "Refresh plan", or after the step has gone) are dropped.
  const loadSeq = useRef(0);
  useEffect(() => () => void (loadSeq.current += 1), []);

  const load = useCallback(async () => {
    const seq = ++loadSeq.current;
    const current = () => seq === loadSeq.current;
    setLoading(true);
    setError(null);
    setPermissions(null);
    setPermissionsError(null);
    const names = { region: input.region, bucketName: input.bucketName, tableName: input.tableName, roleName: input.roleName };
    // The preflight runs beside the plan; its answer (or failure) never holds the plan up.
    const preflight = call(() => api().readiness.permissions(names)).then((r) => {
      if (!current()) return;
      if (r.ok) setPermissions(r.value);
      else setPermissionsError(r.error);
    });
    const result = await call(() => api().setup.plan(input));
    if (!current()) return;
    setLoading(false);
    if (result.ok) setPlan(result.value);
    else {
      setPlan(null);
      setError(result.error);
    }
    await preflight;
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
            <TableHead columns={['Resource', 'Name', 'Action', 'Detail']} />
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
      {plan && permissions && <PermissionsPanel permissions={permissions} scope="names" />}
      {plan && !permissions && !permissionsError && (
        <Group gap="xs">
          <Loader size="xs" aria-label="Checking permissions" />
          <Text size="sm" c="dimmed">
            Checking this identity's permissions on these names…
          </Text>
        </Group>
      )}
      {plan && permissionsError && (
        <Text size="sm" c="dimmed">
          Permissions could not be checked ({permissionsError.message}); apply reports any permission it lacks.
        </Text>
      )}
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
