import { Alert, Badge, Button, Card, Group, Loader, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlugConnected, IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { ProfileSummary, SessionInfo } from '../../../../shared/contract/session';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MfaModal } from './MfaModal';
import { connectRequest, kindColor, kindLabel, mfaCancelledMessage, needsMfa, preselectProfile } from './model';

/** Pick a local AWS profile and connect to it (STS GetCallerIdentity runs in main). */
export function ConnectScreen({ session, onConnected }: { session: SessionInfo | null; onConnected: (s: SessionInfo) => void }) {
  const [profiles, setProfiles] = useState<ProfileSummary[] | null>(null);
  const [listError, setListError] = useState<AppErrorShape | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [connecting, setConnecting] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [mfaOpen, setMfaOpen] = useState(false);

  const load = useCallback(async () => {
    setListError(null);
    const result = await call(() => api().profiles.list({}));
    if (!result.ok) return setListError(result.error);
    setProfiles(result.value);
    setSelected((current) => (current && result.value.some((p) => p.name === current) ? current : preselectProfile(result.value)));
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const profile = profiles?.find((p) => p.name === selected);

  async function connect(mfaCode?: string) {
    if (!selected) return;
    setConnecting(true);
    setError(null);
    const result = await call(() => api().session.connect(connectRequest(selected, mfaCode)));
    setConnecting(false);
    if (result.ok) onConnected(result.value);
    else setError(result.error);
  }

  return (
    <Stack maw={900}>
      <Title order={1} size="h2">Connect to AWS</Title>
      <Text c="dimmed" size="sm">
        Choose a profile from your local AWS config and credentials files. Keys stay in Onramp's main process; this
        window only sees who you are.
      </Text>
      {listError && <ErrorAlert error={listError} />}
      {profiles === null && !listError && <Loader aria-label="Loading profiles" />}
      {profiles?.length === 0 && (
        <Alert color="yellow" title="No AWS profiles found">
          Create one with <code>aws configure</code> (or <code>aws configure sso</code>), then press Reload profiles.
        </Alert>
      )}
      {profiles && profiles.length > 0 && (
        <Card withBorder padding={0}>
          <Table highlightOnHover verticalSpacing="sm" aria-label="AWS profiles">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Profile</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Region</Table.Th>
                <Table.Th>Endpoint override</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {profiles.map((p) => (
                <Table.Tr key={p.name} onClick={() => setSelected(p.name)} style={{ cursor: 'pointer' }}>
                  <Table.Td>
                    <Radio
                      name="profile"
                      value={p.name}
                      label={p.name}
                      checked={selected === p.name}
                      onChange={() => setSelected(p.name)}
                    />
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
      )}
      <Group>
        <Button
          leftSection={<IconPlugConnected size={18} />}
          disabled={!selected}
          loading={connecting}
          onClick={() => (needsMfa(profile) ? setMfaOpen(true) : void connect())}
        >
          Connect
        </Button>
        <Button variant="default" leftSection={<IconRefresh size={18} />} onClick={() => void load()}>
          Reload profiles
        </Button>
      </Group>
      {error && <ErrorAlert error={error} />}
      {session && !error && (
        <section aria-label="Connected identity">
          <Alert color="teal" title={`Connected as profile "${session.profile}"`}>
            <Text size="sm">
              Account <b>{session.account}</b>
            </Text>
            <Text size="sm" style={{ wordBreak: 'break-all' }}>
              ARN <code>{session.arn}</code>
            </Text>
            <Text size="sm">
              Region {session.region}
              {session.endpointUrl ? ` · endpoint ${session.endpointUrl}` : ''}
            </Text>
          </Alert>
        </section>
      )}
      {profile && (
        <MfaModal
          opened={mfaOpen}
          profile={profile.name}
          serial={profile.mfaSerial ?? ''}
          onCancel={() => {
            setMfaOpen(false);
            setError({ code: 'MfaCancelled', message: mfaCancelledMessage(profile.name) });
          }}
          onSubmit={(code) => {
            setMfaOpen(false);
            void connect(code);
          }}
        />
      )}
    </Stack>
  );
}
