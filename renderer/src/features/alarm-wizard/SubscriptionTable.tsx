import { Badge, Button, Table } from '@mantine/core';

/** One subscription row as the contract gives it. */
export interface SubscriptionRow {
  endpoint: string;
  protocol: string;
  status: 'pending' | 'confirmed';
}

/** Subscriptions with their status; pending email ones get a Resend button when `onResend` is given. */
export function SubscriptionTable({
  subscriptions,
  onResend,
  resending,
  label = 'Subscriptions',
}: {
  subscriptions: SubscriptionRow[];
  onResend?: (endpoint: string) => void;
  resending?: string | null;
  label?: string;
}) {
  return (
    <Table aria-label={label} withTableBorder striped maw={720}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Endpoint</Table.Th>
          <Table.Th>Protocol</Table.Th>
          <Table.Th>Status</Table.Th>
          {onResend && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {subscriptions.map((s) => (
          <Table.Tr key={`${s.protocol}:${s.endpoint}`}>
            <Table.Td>{s.endpoint}</Table.Td>
            <Table.Td>{s.protocol}</Table.Td>
            <Table.Td>
              <Badge color={s.status === 'confirmed' ? 'teal' : 'yellow'} variant="light">
                {s.status === 'confirmed' ? 'confirmed' : 'pending confirmation'}
              </Badge>
            </Table.Td>
            {onResend && (
              <Table.Td>
                {s.status === 'pending' && s.protocol === 'email' && (
                  <Button size="compact-xs" variant="light" loading={resending === s.endpoint} onClick={() => onResend(s.endpoint)}>
                    Resend confirmation
                  </Button>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
