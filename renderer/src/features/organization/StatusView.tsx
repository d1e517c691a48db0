import { Alert, Badge, List, Stack, Table, Text } from '@mantine/core';
import type { OrgStatus } from '../../../../shared/contract/org';
import { TableHead } from '../../components/TableHead';
import { RegistrationCell } from './RegistrationCell';
import { statusProblems } from './model';


/** A roll-out's accounts: instance, drift, Onramp's checks and platform registration; what needs attention first. */
export function StatusView({ status }: { status: OrgStatus }) {
  const problems = statusProblems(status);
  return (
    <Stack gap="sm">
      {problems.length > 0 && (
        <Alert color="orange" title="Needs attention">
          <List size="sm">
            {problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Table.ScrollContainer minWidth={760}>
        <Table aria-label="Accounts of the roll-out" verticalSpacing="xs">
          <TableHead columns={['Account', 'Instance', 'Drift', 'Checks', 'Bodo Platform']} />
          <Table.Tbody>
            {status.accounts.map((a) => (
              <Table.Tr key={a.accountId}>
                <Table.Td>
                  <Text size="sm">{a.accountId}</Text>
                  <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                    {a.names.externalId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={a.detailedStatus === 'SUCCEEDED' ? 'green' : a.detailedStatus === 'FAILED' ? 'red' : 'gray'} variant="light">
                    {(a.detailedStatus ?? a.instanceStatus).toLowerCase()}
                  </Badge>
                  {a.reason && (
                    <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                      {a.reason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{a.drift && a.drift !== 'NOT_CHECKED' ? a.drift.toLowerCase().replace('_', ' ') : '—'}</Table.Td>
                <Table.Td>{a.verify ? (a.verify.ok ? 'ok' : `${a.verify.checks.filter((c) => !c.ok).length || 'could not'} ${a.verify.error ? 'run' : 'failed'}`) : '—'}</Table.Td>
                <Table.Td>
                  <RegistrationCell registration={a.registration} quietWhenNotAttempted />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {status.notes.map((n) => (
        <Text key={n} size="sm" c="dimmed">
          {n}
        </Text>
      ))}
    </Stack>
  );
}
