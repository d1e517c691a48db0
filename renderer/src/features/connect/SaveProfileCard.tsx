import { Alert, Button, Card, Checkbox, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import type { SaveProfileResult, SessionInfo } from '../../../../shared/contract/session';
import type { AppErrorShape } from '../../../../shared/errors';
import { isSupportedRegion, SUPPORTED_REGIONS, type SupportedRegion } from '../../../../shared/regions';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { saveProfileNameProblem } from './model';

/** Where the keys were saved, shown once they are. */
export function SavedProfileNotice({ saved }: { saved: SaveProfileResult }) {
  return (
    <Alert color="teal" title={`Saved as profile "${saved.profile}"`} role="status">
      <Text size="sm" style={{ wordBreak: 'break-all' }}>
        Keys in <code>{saved.credentialsFile}</code>
        {saved.configFile ? (
          <>
            , region in <code>{saved.configFile}</code>
          </>
        ) : null}
        . The AWS CLI and SDKs can use it with <code>--profile {saved.profile}</code>.
      </Text>
    </Alert>
  );
}

/**
 * Offered after connecting with access keys: save them as a named profile in ~/.aws, like
 * `aws configure`, so other tools (and the next start of Onramp) can use them. An explicit choice.
 * `onSaved` gets where they went and the session under its new profile name.
 */
export function SaveProfileCard({ session, onSaved }: { session: SessionInfo; onSaved: (result: SaveProfileResult, session: SessionInfo) => void }) {
  const [name, setName] = useState('');
  const [region, setRegion] = useState<SupportedRegion>(isSupportedRegion(session.region) ? session.region : 'us-east-1');
  const [replace, setReplace] = useState(false);
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const problem = touched ? saveProfileNameProblem(name) : null;

  async function save() {
    setTouched(true);
    if (saveProfileNameProblem(name)) return;
    setSaving(true);
    setError(null);
    const result = await call(() => api().session.saveProfile({ name: name.trim(), region, replace }));
    setSaving(false);
    if (!result.ok) return setError(result.error);
    const current = await call(() => api().session.current({}));
    onSaved(result.value, current.ok && current.value ? current.value : { ...session, profile: result.value.profile });
  }

  return (
    <Card withBorder padding="md" component="section" aria-label="Save as a profile">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm" maw={560}>
          <Title order={2} size="h4">
            Save these keys as a profile?
          </Title>
          <Text size="sm">
            Optional. Onramp writes them to your shared AWS credentials file (readable by you only), keeping every other profile as
            it is, so you need not paste them again.
          </Text>
          <TextInput label="Profile name" placeholder="my-account" value={name} onChange={(e) => setName(e.currentTarget.value)} error={problem ?? (error?.field === 'name' ? error.message : null)} />
          <Select label="Default region" data={[...SUPPORTED_REGIONS]} value={region} allowDeselect={false} onChange={(v) => v && setRegion(v as SupportedRegion)} />
          <Checkbox label="Replace it if a profile of that name exists" checked={replace} onChange={(e) => setReplace(e.currentTarget.checked)} />
          <Group>
            <Button type="submit" variant="default" leftSection={<IconDeviceFloppy size={18} />} loading={saving}>
              Save as profile
            </Button>
          </Group>
          {error && error.field !== 'name' && <ErrorAlert error={error} />}
        </Stack>
      </form>
    </Card>
  );
}
