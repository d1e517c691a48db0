import { Badge, Table, Text } from '@mantine/core';
import type { FieldComparison } from '../../../../shared/contract/platform';
import { fieldBadge } from './model';
import { TableHead } from '../../components/TableHead';

/** What AWS has (as Onramp verified it) and what the platform holds, side by side. */
export function ComparisonTable({ fields, name }: { fields: readonly FieldComparison[]; name: string }) {
  return (
    <Table verticalSpacing={4} aria-label={`Comparison of ${name} with the platform`}>
      <TableHead columns={['Value', 'In AWS', 'On the platform', { title: 'Match', w: 110 }]} />
      <Table.Tbody>
        {fields.map((f) => {
          const badge = fieldBadge(f);
          return (
            <Table.Tr key={f.field}>
              <Table.Th scope="row">{f.label}</Table.Th>
              <Table.Td style={{ wordBreak: 'break-all' }}>
                <code>{f.local}</code>
              </Table.Td>
              <Table.Td style={{ wordBreak: 'break-all' }}>
                {f.state === 'not-reported' ? (
                  <Text size="sm" c="dimmed">
                    not kept by the platform
                  </Text>
                ) : (
                  <code>{f.platform ?? '(none)'}</code>
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={badge.color} variant="light" style={{ minWidth: 'max-content' }}>
                  {badge.label}
                </Badge>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
