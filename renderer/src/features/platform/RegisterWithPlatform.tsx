import { Button, Paper, Stack, Text } from '@mantine/core';
import { IconCloudUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { PlatformStatus, RegisterResult } from '../../../../shared/contract/platform';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CredentialsForm } from './CredentialsForm';
import { RegisterOutcome } from './RegisterOutcome';

/**
 * "Register with the Bodo Platform" for one saved configuration: asks for the API token first when
 * none is stored (or the platform refused it), then shows the platform's answer (UUID, status, and
 * any mismatch side by side).
 */
export function RegisterWithPlatform({ name, onRegistered }: { name: string; onRegistered?: (result: RegisterResult) => void }) {
  const [status, setStatus] = useState<PlatformStatus | null>(null);
  // Until `platform:status` has answered, a click could not tell whether a token is stored: the
  // button waits (shown as loading) instead of sending a register that is bound to be refused.
  const [statusAnswered, setStatusAnswered] = useState(false);
  const [askToken, setAskToken] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RegisterResult | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    let mounted = true;
    void call(() => api().platform.status({})).then((r) => {
      if (!mounted) return;
      if (r.ok) setStatus(r.value);
      setStatusAnswered(true);
    });
    return () => {
      mounted = false;
    };
  }, []);

  async function send() {
    setBusy(true);
    const r = await call(() => api().platform.register({ name }));
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      // A refused or missing token: ask for it again, right here.
      if (r.error.code === 'PlatformAuth') setAskToken(true);
      return;
    }
    setResult(r.value);
    onRegistered?.(r.value);
  }

  function register() {
    setError(null);
    setResult(null);
    if (status?.credentials === 'none') setAskToken(true);
    else void send();
  }

  return (
    <Stack gap="sm">
      <div>
        <Button leftSection={<IconCloudUpload size={18} aria-hidden />} loading={busy || !statusAnswered} onClick={register} disabled={askToken}>
          Register with the Bodo Platform
        </Button>
      </div>
      {askToken && status && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text fw={500}>Bodo Platform API token</Text>
            <CredentialsForm
              status={status}
              onSaved={(s) => {
                setStatus(s);
                setAskToken(false);
                setError(null);
                void send();
              }}
            />
          </Stack>
        </Paper>
      )}
      {error && <ErrorAlert error={error} />}
      {result && <RegisterOutcome result={result} />}
    </Stack>
  );
}
