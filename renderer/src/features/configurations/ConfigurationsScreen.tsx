import { Alert, Badge, Button, Card, Group, Loader, Stack, Switch, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconEraser, IconPlus, IconRefresh, IconShieldCheck, IconTrash } from '@tabler/icons-react';
import { Fragment, useCallback, useEffect, useState } from 'react';
import type { SessionInfo } from '../../../../shared/contract/session';
import type { SavedConfiguration, VerifyResult } from '../../../../shared/contract/setup';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatWhen } from '../../components/dates';
import { ExportMenu } from '../../components/ExportMenu';
import { CopyValueButton } from '../../components/CopyValueButton';
import { VerifyChecks } from '../../components/VerifyChecks';
import { useSetupRun } from '../setup-wizard';
import { DeleteConfigurationModal } from './DeleteConfigurationModal';
import { sortConfigurations, visibleConfigurations, arnParts } from './model';
import { PlatformPanel } from '../platform';

type Outcome = { name: string; verify: VerifyResult | null; error: AppErrorShape | null };

/** A value with its copy button, wrapping at ARN separators rather than mid-word. */
function CopyableValue({ value, label, size = 'sm' }: { value: string; label: string; size?: 'sm' | 'xs' }) {
  return (
    <Group gap={2} wrap="nowrap" align="flex-start">
      <Text size={size} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
        {arnParts(value).map((part, i) => (
          <Fragment key={i}>
            {i > 0 && <wbr />}
            {part}
          </Fragment>
        ))}
      </Text>
      <CopyValueButton value={value} label={label} />
    </Group>
  );
}

/**
 * The locally saved Cloud Configurations, with Verify (and Repair), Delete (in AWS) and Forget
 * (local only). Lists the connected account's configurations unless "Show all accounts" is on.
 */
export function ConfigurationsScreen({ onNewSetup, session = null, onOpenSetup }: { onNewSetup: () => void; session?: SessionInfo | null; onOpenSetup?: () => void }) {
  const setupRun = useSetupRun();
  const [showAll, setShowAll] = useState(false);
  const [repairing, setRepairing] = useState<string | null>(null);
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

  /** Repair = re-apply the saved configuration: the plan's update actions fix what verify found. */
  async function repair(c: SavedConfiguration) {
    setRepairing(c.name);
    const { name, region, bucketName, tableName, roleName, externalId, platformAccountId } = c;
    const r = await call(() => api().setup.apply({ name, region, bucketName, tableName, roleName, externalId, platformAccountId }));
    setRepairing(null);
    if (!r.ok) return setOutcome({ name: c.name, verify: null, error: r.error });
    setupRun?.track(r.value.jobId);
    onOpenSetup?.();
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
      {session && (
        <Switch
          checked={showAll}
          onChange={(e) => setShowAll(e.currentTarget.checked)}
          label={`Show all accounts (otherwise only account ${session.account}, the one you are connected to)`}
        />
      )}
      {listError && <ErrorAlert error={listError} />}
      {list === null && !listError && <Loader aria-label="Loading configurations" />}
      {list?.length === 0 && (
        <Alert color="blue" title="No configurations yet">
          Create one with New setup. Configurations made here are listed so you can verify or delete them later.
        </Alert>
      )}
      {list && list.length > 0 && (() => {
        const shown = visibleConfigurations(list, session?.account ?? null, showAll);
        const hidden = list.length - shown.length;
        return (
          <Card withBorder padding={0}>
            {hidden > 0 && (
              <Text size="sm" p="sm">
                {hidden} configuration(s) of other accounts are hidden; turn on "Show all accounts" to see them.
              </Text>
            )}
            <Table verticalSpacing="sm" highlightOnHover aria-label="Saved configurations" layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="22%">Name</Table.Th>
                  <Table.Th>Resources</Table.Th>
                  <Table.Th w="16%">Created / verified</Table.Th>
                  <Table.Th w={132}>Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((c) => {
                  const other = session !== null && c.accountId !== session.account;
                  return (
                    <Table.Tr key={c.name}>
                      <Table.Td>
                        <Text fw={500} size="sm" style={{ overflowWrap: 'anywhere' }}>
                          {c.name}
                        </Text>
                        <Group gap={4} mt={4}>
                          <Badge variant="light">{c.region}</Badge>
                          <Tooltip label={other ? `Not the connected account (${session.account})` : 'The connected account'}>
                            <Badge variant="outline" color={other ? 'orange' : 'gray'} tt="none">
                              account {c.accountId}
                            </Badge>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={2}>
                          <CopyableValue value={c.bucketName} label={`bucket of ${c.name}`} />
                          <CopyableValue value={c.tableName} label={`table of ${c.name}`} size="xs" />
                          <CopyableValue value={c.roleArn} label={`role ARN of ${c.name}`} size="xs" />
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">Created {formatWhen(c.createdAt)}</Text>
                        <Text size="xs">Verified {formatWhen(c.verifiedAt)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={4} align="stretch">
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
                          <Tooltip label="Delete what Onramp created in AWS">
                            <Button size="compact-sm" color="red" variant="subtle" leftSection={<IconTrash size={16} />} aria-label={`Delete ${c.name}`} onClick={() => setDeleting(c.name)}>
                              Delete
                            </Button>
                          </Tooltip>
                          <Tooltip label="Remove from this list only; AWS is untouched">
                            <Button size="compact-sm" color="gray" variant="subtle" leftSection={<IconEraser size={16} />} aria-label={`Forget ${c.name}`} onClick={() => void forget(c.name)}>
                              Forget
                            </Button>
                          </Tooltip>
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Card>
        );
      })()}
      {outcome && (
        <Stack gap="xs" aria-label={`Verification of ${outcome.name}`}>
          <Text fw={500}>{outcome.name}</Text>
          {outcome.error && <ErrorAlert error={outcome.error} />}
          {outcome.verify && (
            <VerifyChecks
              result={outcome.verify}
              repairing={repairing === outcome.name}
              onRepair={
                setupRun && list?.some((c) => c.name === outcome.name)
                  ? () => void repair(list.find((c) => c.name === outcome.name)!)
                  : undefined
              }
            />
          )}
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
