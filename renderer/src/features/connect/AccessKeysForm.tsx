import { Button, Group, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import type { SessionInfo } from '../../../../shared/contract/session';
import type { AppErrorShape } from '../../../../shared/errors';
import { SUPPORTED_REGIONS, type SupportedRegion } from '../../../../shared/regions';
import type { AccessKeyField } from '../../../../shared/validation/credentials';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { accessKeysErrorField, accessKeysFormProblem, accessKeysRequest, emptyAccessKeysForm, type AccessKeysForm as Form } from './model';

/**
 * "Use access keys": a key pair (and, for temporary keys, a session token) sent once to main, which
 * holds it in memory for this session only. The fields are cleared once connected; nothing here can
 * read the keys back.
 */
export function AccessKeysForm({ onConnected }: { onConnected: (s: SessionInfo) => void }) {
  const [form, setForm] = useState<Form>(emptyAccessKeysForm());
  const [touched, setTouched] = useState(false);
  const [connecting, setConnecting] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const local = touched ? accessKeysFormProblem(form) : null;
  const remoteField = accessKeysErrorField(error);
  const fieldError = (field: AccessKeyField) => (local?.field === field ? local.message : remoteField === field ? error?.message : null);
  const set = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }));
    setError(null);
  };

  async function submit() {
    setTouched(true);
    if (accessKeysFormProblem(form)) return;
    setConnecting(true);
    setError(null);
    const result = await call(() => api().session.connectKeys(accessKeysRequest(form)), { connecting: true });
    setConnecting(false);
    if (!result.ok) return setError(result.error);
    // The secret leaves the page as soon as main holds it.
    setForm(emptyAccessKeysForm(form.region));
    setTouched(false);
    onConnected(result.value);
  }

  return (
    <form
      aria-label="Access keys"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack maw={560}>
        <Text size="sm">
          Paste an access key pair. Onramp keeps it in its main process for this session only: nothing is written to disk, logs or
          settings unless you choose to save it as a profile after connecting.
        </Text>
        <TextInput
          label="Access key ID"
          placeholder="AKIA…"
          autoComplete="off"
          spellCheck={false}
          value={form.accessKeyId}
          onChange={(e) => set({ accessKeyId: e.currentTarget.value })}
          error={fieldError('accessKeyId')}
        />
        <PasswordInput
          label="Secret access key"
          autoComplete="off"
          value={form.secretAccessKey}
          onChange={(e) => set({ secretAccessKey: e.currentTarget.value })}
          error={fieldError('secretAccessKey')}
        />
        <PasswordInput
          label="Session token"
          description="Only for temporary keys (ASIA…)."
          autoComplete="off"
          value={form.sessionToken}
          onChange={(e) => set({ sessionToken: e.currentTarget.value })}
          error={fieldError('sessionToken')}
        />
        <Select
          label="Region"
          data={[...SUPPORTED_REGIONS]}
          value={form.region}
          allowDeselect={false}
          onChange={(v) => v && set({ region: v as SupportedRegion })}
        />
        <Group>
          <Button type="submit" leftSection={<IconKey size={18} />} loading={connecting}>
            Connect with keys
          </Button>
        </Group>
        {error && !remoteField && <ErrorAlert error={error} />}
      </Stack>
    </form>
  );
}
