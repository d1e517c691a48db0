import { ActionIcon, Alert, Badge, Button, Card, Group, Loader, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconEraser, IconPlus, IconRefresh, IconShieldCheck, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { SavedConfiguration, VerifyResult } from '../../../../shared/contract/setup';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { VerifyChecks } from '../../components/VerifyChecks';
import { DeleteConfigurationModal } from './DeleteConfigurationModal';
import { ExportMenu } from './ExportMenu';
import { formatWhen, sortConfigurations } from './model';
import { PlatformPanel } from '../platform/PlatformPanel';

type Outcome = { name: string; verify: VerifyResult | null; error: AppErrorShape | null };

/** The locally saved Cloud Configurations, with Verify, Delete (in AWS) and Forget (local only). */
export function ConfigurationsScreen({ onNewSetup }: { onNewSetup: () => void }) {
  const [list, setList] = useState<SavedConfiguration[] | null>(null);
  const [listError, setListError] = useState<AppErrorShape | null>(null);
  const [verifying, setVerifying] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  const load = useCallback(async () => {
    setListError(null);
    const r = await call(() => api().configs.list({}));
    if (r.ok) setList(sortConfigurations(r.value));
    else setListError(r.error);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function verify(name: string) {
    setVerifying(name);
    const r = await call(() => api().setup.verify({ name }));
    setVerifying(null);
    setOutcome(r.ok ? { name, verify: r.value, error: null } : { name, verify: null, error: r.error });
    if (r.ok) void load();
  }

  async function forget(name: string) {
    const r = await call(() => api().configs.forget({ name }));
    if (!r.ok) return setOutcome({ name, verify: null, error: r.error });
    if (outcome?.name === name) setOutcome(null);
    void load();
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">Configurations</Title>
        <Group>
          <Button variant="default" leftSection={<IconRefresh size={18} />} onClick={() => void load()}>
            Refresh
          </Button>
          <Button leftSection={<IconPlus size={18} />} onClick={onNewSetup}>
            New setup
          </Button>
        </Group>
      </Group>
      {listError && <ErrorAlert error={listError} />}
      {list === null && !listError && <Loader aria-label="Loading configurations" />}
      {list?.length === 0 && (
        <Alert color="blue" title="No configurations yet">
          Create one with New setup. Configurations made here are listed so you can verify or delete them later.
        </Alert>
      )}
      {list && list.length > 0 && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="sm" highlightOnHover aria-label="Saved configurations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Region</Table.Th>
                  <Table.Th>Bucket / table</Table.Th>
                  <Table.Th>Role ARN</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Verified</Table.Th>
                  <Table.Th>Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((c) => (
                  <Table.Tr key={c.name}>
                    <Table.Td fw={500}>{c.name}</Table.Td>
                    <Table.Td style={{ minWidth: 120 }}>
                      <Badge variant="light">{c.region}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.bucketName}</Text>
                      <Text size="xs" c="dimmed">
                        {c.tableName}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ wordBreak: 'break-all' }}>
                      <Text size="xs">{c.roleArn}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{formatWhen(c.createdAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{formatWhen(c.verifiedAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="light"
                          leftSection={<IconShieldCheck size={16} />}
                          aria-label={`Verify ${c.name}`}
                          loading={verifying === c.name}
                          onClick={() => void verify(c.name)}
                        >
                          Verify
                        </Button>
                        <ExportMenu name={c.name} compact />
                        <Tooltip label="Delete in AWS">
                          <ActionIcon color="red" variant="subtle" aria-label={`Delete ${c.name}`} onClick={() => setDeleting(c.name)}>
                            <IconTrash size={18} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label="Forget (remove from this list only; AWS is untouched)">
                          <ActionIcon variant="subtle" color="gray" aria-label={`Forget ${c.name}`} onClick={() => void forget(c.name)}>
                            <IconEraser size={18} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {outcome && (
        <Stack gap="xs" aria-label={`Verification of ${outcome.name}`}>
          <Text fw={500}>{outcome.name}</Text>
          {outcome.error && <ErrorAlert error={outcome.error} />}
          {outcome.verify && <VerifyChecks result={outcome.verify} />}
        </Stack>
      )}
      {list && list.length > 0 && <PlatformPanel />}
      <DeleteConfigurationModal
        name={deleting}
        onClose={(changed) => {
          setDeleting(null);
          if (changed) {
            setOutcome(null);
            void load();
          }
        }}
      />
    </Stack>
  );
}
