import { Alert, Badge, Button, Code, Group, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import type { OrgApplyResult, OrgDestroyResult } from '../../../../shared/contract/org';
import type { AppErrorShape } from '../../../../shared/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableHead } from '../../components/TableHead';
import { RegistrationCell } from './RegistrationCell';
import { applySummary, destroySummary, itemStateLabel, STATE_COLOR, type OrgRun } from './run-model';


/** An apply's final table: each account's outcome, names and platform registration. */
function ApplyResultView({ result }: { result: OrgApplyResult & { cancelled: boolean } }) {
  const s = applySummary(result);
  return (
    <Stack gap="xs">
      <Alert color={s.color} title={s.title}>
        {s.lines.map((l) => (
          <Text key={l} size="sm">
            {l}
          </Text>
        ))}
      </Alert>
      <Table.ScrollContainer minWidth={760}>
        <Table aria-label="Result per account" verticalSpacing="xs">
          <TableHead columns={['Account', 'Result', 'Role and external ID', 'Bodo Platform']} />
          <Table.Tbody>
            {result.accounts.map((a) => (
              <Table.Tr key={`${a.accountId}:${a.region}`}>
                <Table.Td>
                  <Text size="sm">{a.accountName && a.accountName !== a.accountId ? `${a.accountName} (${a.accountId})` : a.accountId}</Text>
                  <Text size="xs" c="dimmed">
                    {a.region}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={a.status === 'succeeded' ? 'green' : a.status === 'failed' ? 'red' : a.status === 'cancelled' ? 'orange' : 'gray'} variant="light">
                    {a.status}
                  </Badge>
                  {a.reason && (
                    <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                      {a.reason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {a.status === 'succeeded' ? (
                    <Text size="xs" style={{ wordBreak: 'break-all' }}>
                      {a.roleArn}
                      <br />
                      {a.externalId}
                    </Text>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  <RegistrationCell registration={a.registration} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** A destroy's result: what was removed, kept (and why), and what is left to do by hand. */
function DestroyResultView({ result }: { result: OrgDestroyResult }) {
  const s = destroySummary(result);
  return (
    <Alert color={s.color} title={s.title}>
      <Stack gap="xs">
        {result.removed.length > 0 && (
          <List size="sm" aria-label="Removed">
            {result.removed.map((r) => (
              <List.Item key={`${r.accountId}:${r.region}`}>
                removed from {r.accountId} ({r.region})
              </List.Item>
            ))}
          </List>
        )}
        {result.stackSetDeleted && <Text size="sm">The StackSet is deleted (no instance was left).</Text>}
        {result.kept.length > 0 && (
          <>
            <Text size="sm" fw={500}>
              Kept
            </Text>
            <List size="sm" aria-label="Kept">
              {result.kept.map((k) => (
                <List.Item key={`${k.accountId}:${k.region}`}>
                  {k.accountId} ({k.region}): {k.reason}
                </List.Item>
              ))}
            </List>
          </>
        )}
        {result.manual.length > 0 && (
          <>
            <Text size="sm" fw={500}>
              By hand
            </Text>
            <List size="sm" aria-label="By hand">
              {result.manual.map((m) => (
                <List.Item key={`${m.accountId}:${m.what}`}>
                  <Text size="sm">
                    {m.accountId}: {m.what}
                  </Text>
                  <Code block>{m.command}</Code>
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * One org run as it goes: its steps, a live row per account (succeeded, failed with CloudFormation's
 * reason, skipped), Cancel while it runs, then its result or error.
 */
export function OrgRunView({ run, cancelling, pollError, onCancel, onClear }: { run: OrgRun | null; cancelling: boolean; pollError: AppErrorShape | null; onCancel: () => void; onClear?: () => void }) {
  const verb = run?.kind === 'org-destroy' ? 'Removing' : 'Applying';
  if (!run) {
    return pollError ? <ErrorAlert error={pollError} /> : <Loader size="sm" aria-label="Starting the run" />;
  }
  const running = run.state === 'running';
  return (
    <Stack gap="sm" aria-label={run.kind === 'org-apply' ? 'Apply run' : 'Removal run'} role="region">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {running ? `${verb} roll-out ${run.subject}…` : `${run.kind === 'org-apply' ? 'Apply' : 'Removal'} of ${run.subject}: ${run.state}`}
        </Title>
        {running ? (
          <Button variant="light" color="red" onClick={onCancel} loading={cancelling} disabled={cancelling || !run.cancellable}>
            Cancel
          </Button>
        ) : (
          onClear && (
            <Button variant="default" onClick={onClear}>
              Dismiss
            </Button>
          )
        )}
      </Group>
      {cancelling && running && (
        <Text size="sm" c="dimmed">
          Cancelling: stopping the StackSet operation in flight; accounts done by then keep what they have.
        </Text>
      )}
      {run.steps.length > 0 && (
        <List size="sm" aria-label="Steps" spacing={2}>
          {run.steps.map((s) => (
            <List.Item key={s.id}>
              <Badge size="xs" color={STATE_COLOR[s.state]} variant="light" mr={6}>
                {s.state}
              </Badge>
              {s.label}
              {s.detail ? ` — ${s.detail}` : ''}
            </List.Item>
          ))}
        </List>
      )}
      {run.items.length > 0 && (
        <Table aria-label="Accounts in the run" verticalSpacing="xs">
          <TableHead columns={['Account', 'State', 'Reason']} />
          <Table.Tbody>
            {run.items.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{i.label}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOR[i.state]} variant="light">
                    {itemStateLabel(run.kind, i.state)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" style={{ wordBreak: 'break-word' }}>
                    {i.reason ?? ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {pollError && <ErrorAlert error={pollError} />}
      {run.state === 'succeeded' && run.kind === 'org-apply' && run.result && <ApplyResultView result={run.result} />}
      {run.state === 'succeeded' && run.kind === 'org-destroy' && run.result && <DestroyResultView result={run.result} />}
      {(run.state === 'failed' || run.state === 'cancelled') && run.error && <ErrorAlert error={run.error} />}
    </Stack>
  );
}
