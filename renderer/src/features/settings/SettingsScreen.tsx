import { Button, Code, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Settings } from '../../../../shared/contract/settings';
import { api, call, useApiCall } from '../../api';
import { ThemeToggle, useThemePreference } from '../../app/ThemeToggle';
import { ErrorAlert } from '../../components/ErrorAlert';
import { copyText } from '../../components/clipboard';
import { PlatformSettings } from '../platform';
import { RequestsPanel } from './RequestsPanel';
import { WatchCard } from './WatchCard';
import { draftFrom, draftToUpdate, type DraftErrors, type SettingsDraft } from './model';

/** Preferences (appearance; monitoring's refresh interval and price per vCPU-hour; the Cost Explorer refresh interval), the Bodo Platform, the "Copy diagnostics" report and the session's AWS requests. */
export function SettingsScreen() {
  const load = useApiCall(() => api().settings.get({}));
  const save = useApiCall((update: Parameters<ReturnType<typeof api>['settings']['update']>[0]) => api().settings.update(update));
  const diagnostics = useApiCall(() => api().diagnostics.get({}));
  const { setTheme } = useThemePreference();
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [errors, setErrors] = useState<DraftErrors>({});
  // Each confirmation shows beside the button that caused it, where the user is looking.
  const [saveStatus, setSaveStatus] = useState<string | null>(null);
  const [diagnosticsStatus, setDiagnosticsStatus] = useState<string | null>(null);
  const edit = (next: SettingsDraft) => {
    setDraft(next);
    setSaveStatus(null);
  };

  useEffect(() => {
    let mounted = true;
    void load.run().then((r) => {
      if (!mounted || !r.ok) return;
      setSaved(r.value);
      setDraft(draftFrom(r.value));
      setTheme(r.value.theme);
    });
    return () => {
      mounted = false;
    };
    // Load once on mount (run is recreated on each render).
  }, []);

  const onSave = async () => {
    if (!saved || !draft) return;
    const checked = draftToUpdate(saved, draft);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    const r = await save.run(checked.update);
    if (r.ok) {
      setSaved(r.value);
      setSaveStatus(Object.keys(checked.update).length ? 'Settings saved.' : 'Nothing changed: the settings were already saved.');
    }
  };

  const onCopyDiagnostics = async () => {
    const r = await diagnostics.run();
    if (r.ok) setDiagnosticsStatus((await copyText(r.value.text)) ? 'Diagnostics copied to the clipboard.' : 'Copy failed: select the report below and copy it.');
  };

  return (
    <Stack gap="md" maw={640}>
      <Title order={1} size="h2">Settings</Title>
      {load.error && <ErrorAlert error={load.error} />}
      {saved && draft && (
        <>
          <Paper withBorder p="md" component="section" aria-labelledby="settings-appearance">
            <Stack gap="sm">
              <Title order={2} size="h4" id="settings-appearance">
                Appearance
              </Title>
              <Group justify="space-between" wrap="wrap">
                <Stack gap={0}>
                  <Text size="sm" fw={500}>
                    Theme
                  </Text>
                  <Text size="xs" c="dimmed">
                    Light, dark, or follow the OS. Applied and saved at once.
                  </Text>
                </Stack>
                <ThemeToggle onChange={(theme) => void call(() => api().settings.update({ theme }))} />
              </Group>
            </Stack>
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="settings-monitoring">
            <Stack gap="sm">
              <Title order={2} size="h4" id="settings-monitoring">
                Monitoring
              </Title>
              <NumberInput
                label="Dashboard refresh interval (seconds)"
                description="30 to 3600 seconds; 300 by default."
                value={draft.refreshIntervalSeconds}
                onChange={(v) => edit({ ...draft, refreshIntervalSeconds: v })}
                allowDecimal={false}
                error={errors.refreshIntervalSeconds}
              />
              <NumberInput
                label="Price per vCPU-hour (USD)"
                description="Used for the cost estimates."
                value={draft.pricePerVcpuHour}
                onChange={(v) => edit({ ...draft, pricePerVcpuHour: v })}
                decimalScale={4}
                step={0.01}
                error={errors.pricePerVcpuHour}
              />
              <NumberInput
                label="Cost Explorer refresh interval (hours)"
                description="How long the Cost screen and onramp cost reuse an answer before asking again (each Cost Explorer request costs $0.01). 1 to 168 hours; 6 by default."
                value={draft.costRefreshHours}
                onChange={(v) => edit({ ...draft, costRefreshHours: v })}
                allowDecimal={false}
                error={errors.costRefreshHours}
              />
              <Group>
                <Button onClick={() => void onSave()} loading={save.loading}>
                  Save
                </Button>
                {saveStatus && (
                  <Text size="sm" c="teal" role="status">
                    {saveStatus}
                  </Text>
                )}
              </Group>
              {save.error && <ErrorAlert error={save.error} />}
            </Stack>
          </Paper>
        </>
      )}
      <WatchCard />
      <PlatformSettings />
      <Paper withBorder p="md" component="section" aria-labelledby="settings-diagnostics">
        <Stack gap="sm">
          <Title order={2} size="h4" id="settings-diagnostics">
            Diagnostics
          </Title>
          <Text size="sm" c="dimmed">
            Versions, OS, settings, recent errors and the endpoint in use, for a bug report. Never a secret.
          </Text>
          <Group>
            <Button variant="default" onClick={() => void onCopyDiagnostics()} loading={diagnostics.loading}>
              Copy diagnostics
            </Button>
            {diagnosticsStatus && (
              <Text size="sm" role="status">
                {diagnosticsStatus}
              </Text>
            )}
          </Group>
          {diagnostics.error && <ErrorAlert error={diagnostics.error} />}
          {diagnostics.value && (
            <Code block aria-label="Diagnostics report">
              {diagnostics.value.text}
            </Code>
          )}
        </Stack>
      </Paper>
      <RequestsPanel />
    </Stack>
  );
}
