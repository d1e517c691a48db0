import { Badge, Button, Group, Modal, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { BudgetSummary } from '../../../../shared/contract/budgets';
import { formatMoney, isDecimal } from '../../../../shared/cost/decimal';
import { api, call, useApiCall } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showNotice } from '../../components/notice';
import { TableHead } from '../../components/TableHead';
import { BudgetForm } from './BudgetForm';
import { useBudgetRun } from './cost-run';

const fetchBudgets = () => api().budgets.list({});
const money = (v: string | null, unit: string) => (v !== null && isDecimal(v) ? formatMoney(v, unit || 'USD') : '—');

/** The account's AWS Budgets cost budgets, with a form for a new one and Delete (confirmed). */
export function BudgetsSection() {
  const list = useApiCall(fetchBudgets);
  const reload = list.run;
  const budget = useBudgetRun();
  const creating = budget?.value.open ?? false;
  // A create that succeeds lists the new budget.
  const createdName = budget?.result?.name ?? null;
  useEffect(() => {
    if (createdName) void reload();
  }, [createdName, reload]);
  const [toDelete, setToDelete] = useState<BudgetSummary | null>(null);
  const [deleting, setDeleting] = useState(false);
  // Once on mount (reload is stable); a create or delete reloads.
  useEffect(() => {
    void reload();
  }, [reload]);

  const remove = async (b: BudgetSummary) => {
    setDeleting(true);
    const r = await call(() => api().budgets.delete({ name: b.name }));
    setDeleting(false);
    setToDelete(null);
    if (!r.ok) return showNotice({ color: 'red', title: `Could not delete ${b.name}`, message: r.error.message });
    showNotice({ color: 'teal', title: 'Budget deleted', message: [`${b.name}`, ...r.value.notes].join(' — ') });
    void reload();
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Budgets
        </Title>
        {!creating && budget && (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={budget.open}>
            New budget
          </Button>
        )}
      </Group>
      {creating && budget && <BudgetForm budget={budget} />}
      {list.error && <ErrorAlert error={list.error} hint={list.error.code === 'AccessDenied' ? 'Use a profile allowed budgets:ViewBudget, or ask an administrator.' : undefined} />}
      {!list.value && !list.error && <Skeleton height={60} />}
      {list.value && list.value.length === 0 && (
        <Text size="sm" c="dimmed">
          No cost budgets in this account yet.
        </Text>
      )}
      {list.value && list.value.length > 0 && (
        <Table aria-label="Budgets" withTableBorder>
          <TableHead columns={['Budget', 'Amount', 'Counts', 'Spent / forecast', 'Alerts', 'Notifies', { title: 'Actions', w: 90 }]} />
          <Table.Tbody>
            {list.value.map((b) => (
              <Table.Tr key={b.name}>
                <Table.Td style={{ wordBreak: 'break-word' }}>
                  {b.name}{' '}
                  {b.managedByOnramp && (
                    <Badge size="xs" variant="light">
                      Onramp
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {money(b.amount, b.unit)} {b.timeUnit.toLowerCase()}
                </Table.Td>
                <Table.Td>{b.scope === 'platform' ? 'Platform (Marketplace)' : b.scope === 'all' ? 'Every charge' : 'Other filter'}</Table.Td>
                <Table.Td>
                  {money(b.actualSpend, b.unit)} / {money(b.forecastedSpend, b.unit)}
                </Table.Td>
                <Table.Td>{b.notifications.map((n) => `${n.type.toLowerCase()} > ${n.threshold}%`).join(', ') || 'none'}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{b.subscribers === null ? 'unknown' : b.subscribers.map((s) => s.address).join(', ') || 'nobody'}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" color="red" variant="light" onClick={() => setToDelete(b)} aria-label={`Delete budget ${b.name}`}>
                    Delete
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={toDelete !== null} onClose={() => setToDelete(null)} title={`Delete budget ${toDelete?.name ?? ''}?`}>
        <Stack>
          <Text size="sm">Its alerts stop. If Onramp let AWS Budgets publish to a topic for it, that one statement is removed too (unless another budget still uses the topic).</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setToDelete(null)}>
              Keep it
            </Button>
            <Button color="red" loading={deleting} onClick={() => toDelete && void remove(toDelete)}>
              Delete budget
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
