import { Button, Code, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { SsoProgress, SsoSignIn } from '../../../../shared/contract/sso';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { signInStatus } from './model';

/** How often the sign-in's progress is polled. */
const POLL_MS = 1000;

/**
 * IAM Identity Center sign-in for one profile: main starts the device flow and opens the
 * verification page in the browser; this shows the code to confirm there and waits. When main
 * reports the token cached, `onSignedIn` connects the profile.
 */
export function SsoSignInModal({ profile, onSignedIn, onClose }: { profile: string; onSignedIn: () => void; onClose: () => void }) {
  const [signIn, setSignIn] = useState<SsoSignIn | null>(null);
  const [progress, setProgress] = useState<SsoProgress | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [reopened, setReopened] = useState<boolean | null>(null);

  useEffect(() => {
    let alive = true;
    void call(() => api().sso.signIn({ profile })).then((r) => {
      // Closed before the sign-in started: stop it rather than leave main polling for the code's lifetime.
      if (!alive) return r.ok ? void call(() => api().sso.cancel({ signInId: r.value.signInId })) : undefined;
      if (r.ok) setSignIn(r.value);
      else setError(r.error);
    });
    return () => {
      alive = false;
    };
  }, [profile]);

  useEffect(() => {
    if (!signIn || (progress && progress.state !== 'waiting')) return;
    const timer = setTimeout(() => {
      void call(() => api().sso.progress({ signInId: signIn.signInId })).then((r) => {
        if (!r.ok) return setError(r.error);
        setProgress(r.value);
        if (r.value.state === 'signed-in') onSignedIn();
        if (r.value.state === 'failed' && r.value.error) setError(r.value.error);
      });
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [signIn, progress, onSignedIn]);

  const close = () => {
    if (signIn && (!progress || progress.state === 'waiting')) void call(() => api().sso.cancel({ signInId: signIn.signInId }));
    onClose();
  };
  const status = signInStatus(progress);

  return (
    <Modal opened onClose={close} title={`Sign in to IAM Identity Center for "${profile}"`} centered size="lg">
      <Stack>
        {!signIn && !error && (
          <Group gap="xs">
            <Loader size="sm" aria-label="Starting the sign-in" />
            <Text size="sm">Starting the sign-in…</Text>
          </Group>
        )}
        {signIn && (
          <section aria-label="Sign-in code">
            <Stack gap="xs">
              <Text size="sm">
                {signIn.browserOpened
                  ? 'Your browser opened the AWS sign-in page. Check that it shows this code, then allow access:'
                  : 'Open this page in your browser, check that it shows this code, then allow access:'}
              </Text>
              <Code fz="xl" fw={700} style={{ alignSelf: 'flex-start', letterSpacing: 2 }} aria-label="Code to confirm">
                {signIn.userCode}
              </Code>
              <Code block style={{ wordBreak: 'break-all' }}>
                {signIn.verificationUriComplete}
              </Code>
              {reopened === false && <Text size="sm">The browser could not be opened: copy the page above into it.</Text>}
              {status.waiting && !error && (
                <Group gap="xs">
                  <Loader size="xs" aria-hidden />
                  <Text size="sm" role="status">
                    {status.text}
                  </Text>
                </Group>
              )}
              {!status.waiting && !error && (
                <Text size="sm" role="status">
                  {status.text}
                </Text>
              )}
            </Stack>
          </section>
        )}
        {error && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          {signIn && status.waiting && !error && (
            <Button
              variant="default"
              leftSection={<IconExternalLink size={16} />}
              onClick={() => void call(() => api().sso.openBrowser({ signInId: signIn.signInId })).then((r) => setReopened(r.ok && r.value.browserOpened))}
            >
              Open the page again
            </Button>
          )}
          <Button variant="default" onClick={close}>
            {error || !status.waiting ? 'Close' : 'Cancel'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
