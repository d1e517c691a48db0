import { Alert, Badge, Code, Group, Stack, Table, Text } from '@mantine/core';
import type { OrgPlan } from '../../../../shared/contract/org';
import { TableHead } from '../../components/TableHead';
import { ACTION_COLOR, planCounts } from './model';

/** The plan: the StackSet, trusted access, and one row per account with its action, names, external ID and what was found. */
export function PlanView({ plan }: { plan: OrgPlan }) {
  return (
    <Stack gap="sm">
      <Text size="sm">
        StackSet <Code>{plan.stackSet.name}</Code> in {plan.region}: <b>{plan.stackSet.action}</b>
        {plan.stackSet.autoDeploy ? ' (automatic deployment on)' : ''} — administered from account {plan.adminAccount} ({plan.stackSet.callAs === 'SELF' ? 'the management account' : 'a delegated administrator'}).
      </Text>
      <Group gap="xs" aria-label="Plan summary">
        {planCounts(plan).map((c) => (
          <Badge key={c.action} color={ACTION_COLOR[c.action]} variant="light">
            {c.count} {c.action}
          </Badge>
        ))}
      </Group>
      {plan.trustedAccessHelp && (
        <Alert color="yellow" title={`Trusted access for StackSets is ${plan.trustedAccess.toLowerCase().replace('_', ' ')}`}>
          {plan.trustedAccessHelp}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={860}>
        <Table aria-label="Accounts in the plan" verticalSpacing="xs">
          <TableHead columns={['Action', 'Account', 'Bucket, table, role', 'External ID', 'Found there']} />
          <Table.Tbody>
            {plan.accounts.map((a) => (
              <Table.Tr key={a.accountId}>
                <Table.Td>
                  <Badge color={ACTION_COLOR[a.action]} variant="light">
                    {a.action}
                  </Badge>
                  <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                    {a.reason}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{a.accountName}</Text>
                  <Text size="xs" c="dimmed">
                    {a.accountId} · {a.path}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {a.action === 'skip' ? (
                    <Text size="sm" c="dimmed">—</Text>
                  ) : (
                    <Text size="xs" style={{ wordBreak: 'break-all' }}>
                      {a.names.bucket}
                      <br />
                      {a.names.table}
                      <br />
                      {a.names.roleName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{a.action === 'skip' ? <Text size="sm" c="dimmed">—</Text> : <Code style={{ wordBreak: 'break-all' }}>{a.names.externalId}</Code>}</Table.Td>
                <Table.Td>
                  <Text size="xs" c={a.existing.checked ? undefined : 'dimmed'} style={{ wordBreak: 'break-word' }}>
                    {a.existing.detail}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {plan.notes.map((n) => (
        <Text key={n} size="sm" c="dimmed">
          {n}
        </Text>
      ))}
    </Stack>
  );
}
