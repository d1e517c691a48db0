import { Alert, Button, Card, Group, Loader, Stack, Switch, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconEraser, IconPlus, IconRefresh, IconShieldCheck, IconTrash } from '@tabler/icons-react';
import { Fragment, useCallback, useEffect, useState } from 'react';
import type { SessionInfo } from '../../../../shared/contract/session';
import type { SavedConfiguration, VerifyResult } from '../../../../shared/contract/setup';
import type { AppErrorShape } from '../../../../shared/errors';
import { keyOf, keyText, type ConfigurationKey } from '../../../../shared/setup/saved-configurations';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportMenu } from '../../components/ExportMenu';
import { CopyValueButton } from '../../components/CopyValueButton';
import { VerifyChecks } from '../../components/VerifyChecks';
import { useSetupRun } from '../setup-wizard';
import { DeleteConfigurationModal } from './DeleteConfigurationModal';
import { ROW_ACTIONS_HELP, rowLabel, sortConfigurations, visibleConfigurations, whenParts } from './model';
import { nameParts } from '../../components/BreakableName';
import { PlatformPanel } from '../platform';

type Outcome = { key: string; label: string; verify: VerifyResult | null; error: AppErrorShape | null };

/** A value with its copy button, wrapping at ARN separators and between the words of a name, never mid-word. */
function CopyableValue({ value, label, caption }: { value: string; label: string; caption: string }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text size="xs" c="dimmed" w={40} style={{ flexShrink: 0 }}>
        {caption}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
        {nameParts(value).map((part, i) => (
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

/** "Created Dec 6, 2026, 9:17 PM": it may wrap between the date and the time, never inside either. */
function When({ what, iso }: { what: string; iso: string | null }) {
  const parts = whenParts(iso);
  return (
    <Text size="xs">
      {what}{' '}
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && ' '}
          <span style={{ whiteSpace: 'nowrap' }}>{p}</span>
        </Fragment>
      ))}
    </Text>
  );
}

/**
 * The locally saved Cloud Configurations, with Verify (and Repair), Delete (in AWS) and Forget
 * (local only). Lists the connected account's configurations unless "Show all accounts" is on; a
 * configuration is its account and name, so every action names both.
 */
export function ConfigurationsScreen({ onNewSetup, session = null, onOpenSetup }: { onNewSetup: () => void; session?: SessionInfo | null; onOpenSetup?: () => void }) {
  const setupRun = useSetupRun();
  const [showAll, setShowAll] = useState(false);
  const [repairing, setRepairing] = useState<string | null>(null);
  const [list, setList] = useState<SavedConfiguration[] | null>(null);
  const [listError, setListError] = useState<AppErrorShape | null>(null);
  const [verifying, setVerifying] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [deleting, setDeleting] = useState<ConfigurationKey | null>(null);
  const [reloads, setReloads] = useState(0);

  const load = useCallback(async () => {
    setListError(null);
    const r = await call(() => api().configs.list({}));
    if (r.ok) setList(sortConfigurations(r.value));
    else setListError(r.error);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const shown = list ? visibleConfigurations(list, session?.account ?? null, showAll) : [];

  async function verify(c: SavedConfiguration) {
    const key = keyText(c);
    const label = rowLabel(c, shown);
    setVerifying(key);
    const r = await call(() => api().setup.verify(keyOf(c)));
    setVerifying(null);
    setOutcome(r.ok ? { key, label, verify: r.value, error: null } : { key, label, verify: null, error: r.error });
    if (r.ok) void load();
  }

  /** Repair = re-apply the saved configuration: the plan's update actions fix what verify found. */
  async function repair(c: SavedConfiguration) {
    setRepairing(keyText(c));
    const { name, region, bucketName, tableName, roleName, externalId, platformAccountId } = c;
    const r = await call(() => api().setup.apply({ name, region, bucketName, tableName, roleName, externalId, platformAccountId }));
    setRepairing(null);
    if (!r.ok) return setOutcome({ key: keyText(c), label: rowLabel(c, shown), verify: null, error: r.error });
    setupRun?.track(r.value.runId);
    onOpenSetup?.();
  }

  async function forget(c: SavedConfiguration) {
    const r = await call(() => api().configs.forget(keyOf(c)));
    if (!r.ok) return setOutcome({ key: keyText(c), label: rowLabel(c, shown), verify: null, error: r.error });
    if (outcome?.key === keyText(c)) setOutcome(null);
    void load();
  }

  const outcomeConfig = outcome ? list?.find((c) => keyText(c) === outcome.key) : undefined;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">Configurations</Title>
        <Group>
          <Button
            variant="default"
            leftSection={<IconRefresh size={18} aria-hidden />}
            onClick={() => {
              void load();
              setReloads((n) => n + 1);
            }}
          >
            Refresh
          </Button>
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={onNewSetup}>
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
      {list && list.length > 0 && (
        <Card withBorder padding={0}>
          {list.length > shown.length && (
            <Text size="sm" p="sm">
              {list.length - shown.length === 1 ? '1 configuration of another account is hidden' : `${list.length - shown.length} configurations of other accounts are hidden`}; turn on
              &quot;Show all accounts&quot; to see them.
            </Text>
          )}
          <Table verticalSpacing="sm" highlightOnHover aria-label="Saved configurations" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="18%">Name</Table.Th>
                <Table.Th>Resources</Table.Th>
                <Table.Th w="15%">Created and verified</Table.Th>
                <Table.Th w={124}>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((c) => {
                const other = session !== null && c.accountId !== session.account;
                const label = rowLabel(c, shown);
                const key = keyText(c);
                return (
                  <Table.Tr key={key}>
                    <Table.Td>
                      <Text fw={500} size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {c.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {c.region}
                      </Text>
                      <Tooltip label={other ? `Not the connected account (${session.account})` : 'The connected account'}>
                        <Text size="xs" c={other ? 'orange' : 'dimmed'} fw={other ? 600 : undefined} style={{ overflowWrap: 'anywhere' }}>
                          account {c.accountId}
                        </Text>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        <CopyableValue caption="Bucket" value={c.bucketName} label={`bucket of ${label}`} />
                        <CopyableValue caption="Table" value={c.tableName} label={`table of ${label}`} />
                        <CopyableValue caption="Role" value={c.roleArn} label={`role ARN of ${label}`} />
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <When what="Created" iso={c.createdAt} />
                      <When what="Verified" iso={c.verifiedAt} />
                    </Table.Td>
                    <Table.Td>
                      {/* One style for every row action: the same size and variant, left-aligned, icon then label. */}
                      <Stack gap={2} align="flex-start">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          leftSection={<IconShieldCheck size={16} aria-hidden />}
                          aria-label={`Verify ${label}`}
                          loading={verifying === key}
                          onClick={() => void verify(c)}
                        >
                          Verify
                        </Button>
                        <ExportMenu name={c.name} accountId={c.accountId} label={label} compact />
                        <Button size="compact-sm" variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} aria-label={`Delete ${label}`} onClick={() => setDeleting(keyOf(c))}>
                          Delete
                        </Button>
                        <Button size="compact-sm" variant="subtle" leftSection={<IconEraser size={16} aria-hidden />} aria-label={`Forget ${label}`} onClick={() => void forget(c)}>
                          Forget
                        </Button>
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" p="sm" aria-label="What the actions do">
            {ROW_ACTIONS_HELP}
          </Text>
        </Card>
      )}
      {outcome && (
        <Stack gap="xs" aria-label={`Verification of ${outcome.label}`}>
          <Text fw={500}>{outcome.label}</Text>
          {outcome.error && <ErrorAlert error={outcome.error} />}
          {outcome.verify && (
            <VerifyChecks
              result={outcome.verify}
              repairing={repairing === outcome.key}
              onRepair={setupRun && outcomeConfig ? () => void repair(outcomeConfig) : undefined}
            />
          )}
        </Stack>
      )}
      {list && list.length > 0 && <PlatformPanel reload={reloads} />}
      <DeleteConfigurationModal
        target={deleting}
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
