import { Alert, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconKey, IconLogin, IconPlugConnected, IconRefresh, IconUserCircle } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { SaveProfileResult, SessionInfo } from '../../../../shared/contract/session';
import type { ProfileSummary } from '../../../../shared/contract/profiles';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AccessKeysForm } from './AccessKeysForm';
import { MfaModal } from './MfaModal';
import { canSignIn, connectRequest, isAccessKeysSession, mfaCancelledMessage, needsMfa, preselectProfile } from './model';
import { ProfilesTable } from './ProfilesTable';
import { SaveProfileCard, SavedProfileNotice } from './SaveProfileCard';
import { SsoSignInModal } from './SsoSignInModal';

/**
 * Connect to AWS the way people have credentials: a local profile (with "Sign in" for IAM Identity
 * Center profiles and an MFA prompt for MFA roles), or access keys pasted for this session, which
 * may then be saved as a profile. STS GetCallerIdentity and every credential stay in main.
 */
export function ConnectScreen({ session, onConnected }: { session: SessionInfo | null; onConnected: (s: SessionInfo) => void }) {
  const [tab, setTab] = useState<string | null>('profile');
  const [profiles, setProfiles] = useState<ProfileSummary[] | null>(null);
  const [listError, setListError] = useState<AppErrorShape | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [connecting, setConnecting] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [mfaOpen, setMfaOpen] = useState(false);
  const [signingIn, setSigningIn] = useState<string | null>(null);
  const [saved, setSaved] = useState<SaveProfileResult | null>(null);

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
    const result = await call(() => api().session.connect(connectRequest(selected, mfaCode)), { connecting: true });
    setConnecting(false);
    if (result.ok) onConnected(result.value);
    else setError(result.error);
  }

  const signInButton = (label: string, size?: 'xs') =>
    canSignIn(profile) && (
      <Button size={size} variant={size ? 'filled' : 'light'} leftSection={<IconLogin size={size ? 16 : 18} />} onClick={() => setSigningIn(profile!.name)}>
        {label}
      </Button>
    );

  return (
    <Stack maw={900}>
      <Title order={1} size="h2">Connect to AWS</Title>
      <Text c="dimmed" size="sm">
        Use a profile from your local AWS config and credentials files, or paste access keys. Keys stay in Onramp's main
        process; this window only sees who you are.
      </Text>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List aria-label="How to connect">
          <Tabs.Tab value="profile" leftSection={<IconUserCircle size={16} />}>
            Use a profile
          </Tabs.Tab>
          <Tabs.Tab value="keys" leftSection={<IconKey size={16} />}>
            Use access keys
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="profile" pt="md">
          <Stack>
            {listError && <ErrorAlert error={listError} />}
            {profiles === null && !listError && <Loader aria-label="Loading profiles" />}
            {profiles?.length === 0 && (
              <Alert color="yellow" title="No AWS profiles found">
                Paste access keys under <b>Use access keys</b>, or create a profile with <code>aws configure</code> (or{' '}
                <code>aws configure sso</code>) and press Reload profiles.
              </Alert>
            )}
            {profiles && profiles.length > 0 && <ProfilesTable profiles={profiles} selected={selected} onSelect={setSelected} />}
            <Group>
              <Button
                leftSection={<IconPlugConnected size={18} />}
                disabled={!selected}
                loading={connecting}
                onClick={() => (needsMfa(profile) ? setMfaOpen(true) : void connect())}
              >
                Connect
              </Button>
              {signInButton('Sign in')}
              <Button variant="default" leftSection={<IconRefresh size={18} />} onClick={() => void load()}>
                Reload profiles
              </Button>
            </Group>
            {error && <ErrorAlert error={error}>{error.code === 'SsoExpired' && <Group>{signInButton('Sign in now', 'xs')}</Group>}</ErrorAlert>}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="keys" pt="md">
          <AccessKeysForm onConnected={onConnected} />
        </Tabs.Panel>
      </Tabs>
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
      {session && isAccessKeysSession(session) && (
        <SaveProfileCard
          session={session}
          onSaved={(result, renamed) => {
            setSaved(result);
            onConnected(renamed);
            void load();
          }}
        />
      )}
      {saved && session?.profile === saved.profile && <SavedProfileNotice saved={saved} />}
      {signingIn && (
        <SsoSignInModal
          profile={signingIn}
          onClose={() => setSigningIn(null)}
          onSignedIn={() => {
            setSigningIn(null);
            void connect();
          }}
        />
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
