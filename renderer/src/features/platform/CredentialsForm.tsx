import { Button, Checkbox, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { PlatformStatus } from '../../../../shared/contract/platform';
import { api, useApiCall } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { credentialsRequest, type CredentialsDraft } from './model';

/**
 * Entry of the organization API token (Client ID and Secret Key, from the platform's Organization
 * settings). Main checks it with the platform before keeping it; the secret is cleared from the
 * form once sent and is never shown again.
 */
export function CredentialsForm({ status, onSaved }: { status: PlatformStatus; onSaved: (status: PlatformStatus) => void }) {
  const [draft, setDraft] = useState<CredentialsDraft>({ clientId: '', secret: '', remember: status.keychainAvailable });
  const [errors, setErrors] = useState<Partial<Record<'clientId' | 'secret', string>>>({});
  const save = useApiCall((request: CredentialsDraft) => api().platform.saveCredentials(request));

  async function submit() {
    const checked = credentialsRequest(draft);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    const r = await save.run(checked.request);
    if (r.ok) {
      setDraft((d) => ({ ...d, clientId: '', secret: '' }));
      onSaved(r.value);
    }
  }

  return (
    <Stack gap="xs" component="form" aria-label="Bodo Platform API token" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Text size="sm" c="dimmed">
        An organization API token from the platform (Organization → API Tokens). Onramp checks it with the platform before keeping it.
      </Text>
      <TextInput label="Client ID" value={draft.clientId} onChange={(e) => setDraft({ ...draft, clientId: e.currentTarget.value })} error={errors.clientId} autoComplete="off" spellCheck={false} />
      <PasswordInput label="Secret key" value={draft.secret} onChange={(e) => setDraft({ ...draft, secret: e.currentTarget.value })} error={errors.secret} autoComplete="off" />
      <Checkbox
        label="Remember in the OS keychain"
        description={status.keychainAvailable ? 'Encrypted by the OS keychain in the app’s data folder; otherwise kept until Onramp quits.' : 'No OS keychain is available here: the token is kept only until Onramp quits.'}
        checked={draft.remember && status.keychainAvailable}
        disabled={!status.keychainAvailable}
        onChange={(e) => setDraft({ ...draft, remember: e.currentTarget.checked })}
      />
      <Group>
        <Button type="submit" loading={save.loading}>
          Save API token
        </Button>
      </Group>
      {save.error && <ErrorAlert error={save.error} />}
    </Stack>
  );
}
