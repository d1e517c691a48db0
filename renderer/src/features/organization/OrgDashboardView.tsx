import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { OrgDashboard } from '../../../../shared/contract/org';
import { TableHead } from '../../components/TableHead';
import { dashboardRows, dashboardTotals } from './model';

const num = (v: number | null) => (v === null ? '—' : v.toLocaleString('en-US'));

/** One dashboard over every account of a roll-out, grouped by account: each region's vCPU usage, quota and alarms. */
export function OrgDashboardView({ dashboard }: { dashboard: OrgDashboard }) {
  const totals = dashboardTotals(dashboard);
  return (
    <Stack gap="sm">
      <Group gap="xs" aria-label="Totals over all accounts">
        <Badge variant="light">{totals.accounts} accounts</Badge>
        <Badge variant="light">{num(totals.current)} vCPUs in use</Badge>
        <Badge variant="light" color={totals.inAlarm ? 'red' : 'green'}>
          {totals.inAlarm} alarm{totals.inAlarm === 1 ? '' : 's'} firing
        </Badge>
        {totals.unreadable > 0 && (
          <Badge variant="light" color="orange">
            {totals.unreadable} not readable
          </Badge>
        )}
      </Group>
      {dashboardRows(dashboard).map((group) => (
        <Card key={group.accountId} withBorder padding="sm" component="section" aria-label={`Account ${group.accountName}`}>
          <Title order={3} size="h5">
            {group.accountName}{' '}
            <Text span size="sm" c="dimmed">
              {group.accountId}
            </Text>
          </Title>
          <Table verticalSpacing={4} aria-label={`Usage and alarms of ${group.accountName}`}>
            <TableHead columns={['Region', 'vCPUs now', 'Peak 24 h', 'Quota', 'Alarms']} />
            <Table.Tbody>
              {group.rows.map((r) => (
                <Table.Tr key={r.region}>
                  <Table.Td>{r.region}</Table.Td>
                  {r.ok ? (
                    <>
                      <Table.Td>{num(r.current)}</Table.Td>
                      <Table.Td>{num(r.peak24h)}</Table.Td>
                      <Table.Td>{num(r.quota)}</Table.Td>
                      <Table.Td>
                        {r.alarms.total === 0 ? (
                          <Text size="sm" c="dimmed">none</Text>
                        ) : (
                          <Badge color={r.alarms.inAlarm ? 'red' : 'green'} variant="light">
                            {r.alarms.inAlarm ? `${r.alarms.inAlarm} of ${r.alarms.total} in ALARM` : `${r.alarms.total} OK`}
                          </Badge>
                        )}
                      </Table.Td>
                    </>
                  ) : (
                    <Table.Td colSpan={4}>
                      <Text size="sm" c="red" style={{ wordBreak: 'break-word' }}>
                        {r.error}
                      </Text>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      ))}
    </Stack>
  );
}
