import { Badge, Card, Group, Radio, Table, Text } from '@mantine/core';
import type { ProfileSummary } from '../../../../shared/contract/profiles';
import { kindColor, kindLabel } from './model';
import { TableHead } from '../../components/TableHead';

/** The local profiles, one radio per row, with kind, MFA, region and endpoint override. */
export function ProfilesTable({ profiles, selected, onSelect }: { profiles: ProfileSummary[]; selected: string | null; onSelect: (name: string) => void }) {
  return (
    <Card withBorder padding={0}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="AWS profiles">
        <TableHead columns={['Profile', 'Kind', 'Region', 'Endpoint override']} />
        <Table.Tbody>
          {profiles.map((p) => (
            <Table.Tr key={p.name} onClick={() => onSelect(p.name)} style={{ cursor: 'pointer' }}>
              <Table.Td>
                <Radio name="profile" value={p.name} label={p.name} checked={selected === p.name} onChange={() => onSelect(p.name)} />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge color={kindColor(p.kind)} variant="light">
                    {kindLabel(p.kind)}
                  </Badge>
                  {p.mfaSerial && (
                    <Badge color="orange" variant="outline">
                      MFA
                    </Badge>
                  )}
                  {p.isDefault && <Badge variant="outline">default</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>{p.region ?? <Text c="dimmed" size="sm">not set</Text>}</Table.Td>
              <Table.Td>{p.endpointUrl ? <code>{p.endpointUrl}</code> : <Text c="dimmed" size="sm">none</Text>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
