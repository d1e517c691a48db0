import { Badge, Button, Card, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconCloudUpload, IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { PlatformOverview, PlatformRow, PlatformStatus, RegisterResult } from '../../../../shared/contract/platform';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatWhen } from '../../components/dates';
import { ComparisonTable } from './ComparisonTable';
import { CredentialsForm } from './CredentialsForm';
import { fieldBadge, PANEL_FIELDS, rowState } from './model';
import { RegisterOutcome } from './RegisterOutcome';
import { TableHead } from '../../components/TableHead';

const COLUMN: Record<(typeof PANEL_FIELDS)[number], string> = { roleArn: 'Role ARN', bucketName: 'S3 bucket', tableName: 'DynamoDB table', region: 'Region' };

function FieldCell({ row, field }: { row: PlatformRow; field: (typeof PANEL_FIELDS)[number] }) {
  if (!row.registered) return <Text size="sm" c="dimmed">—</Text>;
  const f = row.fields.find((x) => x.field === field);
  const badge = fieldBadge(f);
  return (
    <Badge color={badge.color} variant="light" aria-label={`${COLUMN[field]} ${badge.label}`}>
      {badge.label}
    </Badge>
  );
}

/**
 * What the Bodo Platform sees: for each saved configuration, whether it is registered, its platform
 * status, and whether the platform's role ARN, bucket, table and region match what Onramp verified
 * in AWS; then the platform's configurations Onramp does not have (read-only).
 */
export function PlatformPanel() {
  const [status, setStatus] = useState<PlatformStatus | null>(null);
  const [overview, setOverview] = useState<PlatformOverview | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [loading, setLoading] = useState(false);
  const [registering, setRegistering] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ name: string; result: RegisterResult | null; error: AppErrorShape | null } | null>(null);

  const load = useCallback(async () => {
    setError(null);
    setLoading(true);
    const s = await call(() => api().platform.status({}));
    if (!s.ok) {
      setLoading(false);
      return setError(s.error);
    }
    setStatus(s.value);
    if (s.value.credentials === 'none') {
      setOverview(null);
      return setLoading(false);
    }
    const r = await call(() => api().platform.list({}));
    setLoading(false);
    if (r.ok) setOverview(r.value);
    else setError(r.error);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function register(name: string) {
    setRegistering(name);
    const r = await call(() => api().platform.register({ name }));
    setRegistering(null);
    setOutcome(r.ok ? { name, result: r.value, error: null } : { name, result: null, error: r.error });
    if (r.ok) void load();
  }

  const differing = overview?.configurations.filter((r) => r.registered && r.matches === false) ?? [];

  return (
    <Stack gap="sm" component="section" aria-label="Bodo Platform">
      <Group justify="space-between">
        <Title order={2} size="h3">
          Bodo Platform
        </Title>
        <Button variant="default" size="compact-sm" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => {
            // A fresh look: an earlier Register answer may no longer hold.
            setOutcome(null);
            void load();
          }} loading={loading} aria-label="Refresh platform status">
          Refresh
        </Button>
      </Group>
      {status && (
        <Text size="sm" c="dimmed">
          {status.apiUrl}
          {status.apiUrlSource === 'default' ? '' : ` (from ${status.apiUrlSource === 'env' ? 'ONRAMP_PLATFORM_API_URL' : 'Settings'})`}
        </Text>
      )}
      {error && <ErrorAlert error={error} />}
      {loading && !overview && !error && <Loader size="sm" aria-label="Loading the platform's Cloud Configurations" />}
      {status?.credentials === 'none' && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text fw={500}>Connect Onramp to the Bodo Platform</Text>
            <CredentialsForm status={status} onSaved={() => void load()} />
          </Stack>
        </Paper>
      )}
      {overview && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={700}>
            <Table verticalSpacing="sm" aria-label="Platform status of saved configurations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Configuration</Table.Th>
                  <Table.Th>On the platform</Table.Th>
                  <Table.Th>Status</Table.Th>
                  {PANEL_FIELDS.map((f) => (
                    <Table.Th key={f}>{COLUMN[f]}</Table.Th>
                  ))}
                  <Table.Th>Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {overview.configurations.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={8}>
                      <Text size="sm" c="dimmed">
                        No saved configurations.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {overview.configurations.map((row) => {
                  const st = rowState(row);
                  return (
                    <Table.Tr key={row.name}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {row.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {row.verifiedAt ? `verified in AWS ${formatWhen(row.verifiedAt)}` : 'not verified in AWS since saved'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={st.color} variant="light" style={{ overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }}>
                          {st.label}
                        </Badge>
                        {/* A mismatch's note heads its comparison below the table instead. */}
                        {row.note && row.matches !== false && (
                          <Text size="xs" c="dimmed">
                            {row.note}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{row.status ?? '—'}</Text>
                      </Table.Td>
                      {PANEL_FIELDS.map((f) => (
                        <Table.Td key={f}>
                          <FieldCell row={row} field={f} />
                        </Table.Td>
                      ))}
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="light"
                          leftSection={<IconCloudUpload size={16} aria-hidden />}
                          aria-label={`Register ${row.name} with the Bodo Platform`}
                          loading={registering === row.name}
                          onClick={() => void register(row.name)}
                        >
                          Register
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {outcome?.error && <ErrorAlert error={outcome.error} />}
      {outcome?.result && <RegisterOutcome result={outcome.result} />}
      {differing
        .filter((r) => r.name !== outcome?.result?.name)
        .map((r) => (
          <Stack key={r.name} gap={4}>
            <Text size="sm" fw={500}>
              {r.name}: {r.note}
            </Text>
            <ComparisonTable fields={r.fields} name={r.name} />
          </Stack>
        ))}
      {overview && overview.platformOnly.length > 0 && (
        <Stack gap={4}>
          <Text fw={500}>On the platform only (read-only)</Text>
          <Card withBorder padding={0}>
            <Table.ScrollContainer minWidth={820}>
              <Table verticalSpacing="xs" aria-label="On the platform only">
                <TableHead columns={['Name', 'Status', 'Role ARN', 'S3 bucket', 'Region', 'UUID']} />
                <Table.Tbody>
                  {overview.platformOnly.map((c) => (
                    <Table.Tr key={c.uuid}>
                      <Table.Td fw={500}>{c.name}</Table.Td>
                      <Table.Td>{c.status}</Table.Td>
                      <Table.Td style={{ wordBreak: 'break-all' }}>
                        <Text size="xs">{c.roleArn ?? '—'}</Text>
                      </Table.Td>
                      <Table.Td>{c.bucketName ?? '—'}</Table.Td>
                      <Table.Td>{c.region ?? '—'}</Table.Td>
                      <Table.Td>
                        <Text size="xs">{c.uuid}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        </Stack>
      )}
    </Stack>
  );
}
