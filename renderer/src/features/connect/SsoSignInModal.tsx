import { Button, Code, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { RunOf } from '../../../../shared/contract/runs';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRunProgress } from '../../components/runs';
import { signInStatus } from './model';

/**
 * IAM Identity Center sign-in for one profile: main starts the device flow as a run and opens the
 * verification page in the browser; this shows the code to confirm there and follows the run. When
 * it has cached the token, `onSignedIn` connects the profile.
 */
export function SsoSignInModal({ profile, onSignedIn, onClose }: { profile: string; onSignedIn: () => void; onClose: () => void }) {
  const [runId, setRunId] = useState<string | null>(null);
  const [startError, setStartError] = useState<AppErrorShape | null>(null);
  const [reopened, setReopened] = useState<boolean | null>(null);
  const signedIn = useRef(onSignedIn);
  signedIn.current = onSignedIn;

  useEffect(() => {
    let alive = true;
    void call(() => api().sso.signIn({ profile })).then((r) => {
      // Closed before the sign-in started: stop it rather than leave main polling for the code's lifetime.
      if (!alive) return r.ok ? void call(() => api().runs.cancel({ runId: r.value.runId })) : undefined;
      if (r.ok) setRunId(r.value.runId);
      else setStartError(r.error);
    });
    return () => {
      alive = false;
    };
  }, [profile]);

  const followed = useRunProgress(runId, (run) => {
    if (run.kind === 'sso-sign-in' && run.state === 'succeeded') signedIn.current();
  });
  const run: RunOf<'sso-sign-in'> | null = followed.run?.kind === 'sso-sign-in' ? followed.run : null;
  const signIn = run?.code ?? null;
  const error = startError ?? followed.error ?? (run?.state === 'failed' ? run.error : null);

  const close = () => {
    if (runId && (!run || run.state === 'running')) void call(() => api().runs.cancel({ runId }));
    onClose();
  };
  const status = signInStatus(run);

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
              onClick={() => runId && void call(() => api().sso.openBrowser({ runId })).then((r) => setReopened(r.ok && r.value.browserOpened))}
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
