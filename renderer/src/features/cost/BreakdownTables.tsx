import { Badge, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { CostReport } from '../../../../shared/contract/cost';
import { formatMoney } from '../../../../shared/cost/decimal';
import { USAGE_KIND_LABELS } from '../../../../shared/cost/usage-types';
import { TableHead } from '../../components/TableHead';

/** Charges by service (the platform's marked), the largest EC2 usage types, and credits and refunds. */
export function BreakdownTables({ report }: { report: CostReport }) {
  const m = (v: string) => formatMoney(v, report.currency);
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          By service
        </Title>
        <Table aria-label="Charges by service" withTableBorder>
          <TableHead columns={['Service', 'Charges']} />
          <Table.Tbody>
            {report.byService.slice(0, 12).map((s) => (
              <Table.Tr key={s.service}>
                <Table.Td style={{ wordBreak: 'break-word' }}>
                  {s.service}{' '}
                  {s.platform && (
                    <Badge size="xs" variant="light">
                      platform
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{m(s.amount)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {report.byService.length > 12 && (
          <Text size="xs" c="dimmed">
            {report.byService.length - 12} smaller services not shown.
          </Text>
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={2} size="h4">
          Largest EC2 usage types
        </Title>
        <Text size="xs" c="dimmed">
          Instances, NAT gateway hours, EBS, data transfer and public IPs: a NAT gateway or Elastic IP left behind shows up here.
        </Text>
        <Table aria-label="Largest EC2 usage types" withTableBorder>
          <TableHead columns={['Usage type', 'What', 'Charges']} />
          <Table.Tbody>
            {report.ec2UsageTypes.map((u) => (
              <Table.Tr key={`${u.service}/${u.usageType}`}>
                <Table.Td style={{ wordBreak: 'break-all' }}>{u.usageType}</Table.Td>
                <Table.Td>{USAGE_KIND_LABELS[u.kind]}</Table.Td>
                <Table.Td>{m(u.amount)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {report.ec2UsageTypes.length === 0 && (
          <Text size="sm" c="dimmed">
            No EC2 usage in this period.
          </Text>
        )}
        {report.credits.byService.length > 0 && (
          <>
            <Title order={3} size="h5">
              Credits and refunds
            </Title>
            <Table aria-label="Credits and refunds" withTableBorder>
              <TableHead columns={['Service', 'Amount']} />
              <Table.Tbody>
                {report.credits.byService.map((c) => (
                  <Table.Tr key={c.service}>
                    <Table.Td>{c.service}</Table.Td>
                    <Table.Td>{m(c.amount)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </SimpleGrid>
  );
}
