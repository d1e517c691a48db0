import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { PlatformStatus } from '../../../../shared/contract/platform';
import type { AppErrorShape } from '../../../../shared/errors';
import { DEFAULT_PLATFORM_API_URL, DEFAULT_PLATFORM_AUTH_URL } from '../../../../shared/platform/urls';
import { api, call, useApiCall } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CredentialsForm } from './CredentialsForm';
import { credentialsText, urlUpdate, type UrlDraft } from './model';

/** Settings → Bodo Platform: the API token (enter, replace, forget) and the API/auth URL overrides. */
export function PlatformSettings() {
  const [status, setStatus] = useState<PlatformStatus | null>(null);
  const [urls, setUrls] = useState<UrlDraft | null>(null);
  const [urlErrors, setUrlErrors] = useState<Partial<Record<keyof UrlDraft, string>>>({});
  const [note, setNote] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<AppErrorShape | null>(null);
  const forget = useApiCall(() => api().platform.forgetCredentials({}));
  const saveUrls = useApiCall((update: Parameters<ReturnType<typeof api>['settings']['update']>[0]) => api().settings.update(update));

  useEffect(() => {
    let mounted = true;
    void call(() => api().platform.status({})).then((r) => {
      if (!mounted) return;
      if (r.ok) setStatus(r.value);
      else setLoadError(r.error);
    });
    void call(() => api().settings.get({})).then((r) => {
      if (mounted && r.ok) setUrls({ apiUrl: r.value.platformApiUrl ?? '', authUrl: r.value.platformAuthUrl ?? '' });
    });
    return () => {
      mounted = false;
    };
  }, []);

  async function onSaveUrls() {
    if (!urls) return;
    const checked = urlUpdate(urls);
    setUrlErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    const r = await saveUrls.run(checked.update);
    if (!r.ok) return;
    const s = await call(() => api().platform.status({}));
    if (s.ok) setStatus(s.value);
    else setLoadError(s.error);
    setNote('Platform URLs saved.');
  }

  async function onForget() {
    const r = await forget.run();
    if (r.ok) {
      setStatus(r.value);
      setNote('Platform API token forgotten.');
    }
  }

  const envNote = (source: PlatformStatus['apiUrlSource'], variable: string) => (source === 'env' ? `Set by ${variable}, which overrides this field.` : undefined);

  return (
    <Paper withBorder p="md" component="section" aria-label="Bodo Platform settings">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Bodo Platform
        </Title>
        {loadError && <ErrorAlert error={loadError} />}
        {status && (
          <>
            <Text size="sm" role="status" aria-label="Platform API token">
              {credentialsText(status)}
            </Text>
            {status.credentials !== 'none' && (
              <Group>
                <Button variant="default" color="red" onClick={() => void onForget()} loading={forget.loading}>
                  Forget API token
                </Button>
              </Group>
            )}
            <CredentialsForm
              status={status}
              onSaved={(s) => {
                setStatus(s);
                setNote('Platform API token saved.');
              }}
            />
          </>
        )}
        {urls && status && (
          <Stack gap="xs">
            <TextInput
              label="Platform API URL"
              placeholder={DEFAULT_PLATFORM_API_URL}
              description={envNote(status.apiUrlSource, 'ONRAMP_PLATFORM_API_URL') ?? `Leave empty for ${DEFAULT_PLATFORM_API_URL}.`}
              value={urls.apiUrl}
              onChange={(e) => setUrls({ ...urls, apiUrl: e.currentTarget.value })}
              error={urlErrors.apiUrl}
            />
            <TextInput
              label="Platform auth URL"
              placeholder={DEFAULT_PLATFORM_AUTH_URL}
              description={envNote(status.authUrlSource, 'ONRAMP_PLATFORM_AUTH_URL') ?? `Leave empty for ${DEFAULT_PLATFORM_AUTH_URL}.`}
              value={urls.authUrl}
              onChange={(e) => setUrls({ ...urls, authUrl: e.currentTarget.value })}
              error={urlErrors.authUrl}
            />
            <Text size="xs" c="dimmed">
              In use: {status.apiUrl} and {status.authUrl}.
            </Text>
            <Group>
              <Button variant="default" onClick={() => void onSaveUrls()} loading={saveUrls.loading}>
                Save platform URLs
              </Button>
            </Group>
            {saveUrls.error && <ErrorAlert error={saveUrls.error} />}
          </Stack>
        )}
        {forget.error && <ErrorAlert error={forget.error} />}
        {note && (
          <Text size="sm" role="status">
            {note}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
