import { Anchor, Badge, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowRight, IconDice5 } from '@tabler/icons-react';
import { useState } from 'react';
import { isSupportedRegion, SUPPORTED_REGIONS, type SupportedRegion } from '../../../../shared/regions';
import type { RegionStatus } from '../readiness';
import { generateExternalId, validateForm, visibleErrors, type SetupField, type SetupForm } from './model';

const REGION_OPTIONS = SUPPORTED_REGIONS.map((r) => ({ value: r, label: r }));

/** The Cloud Configuration form, validated as the user types; Next stays disabled while anything is invalid. */
export function SetupFormStep({
  form,
  onChange,
  onNext,
  regionStatus = {},
  regionStatusNote = null,
  onShowReadiness,
  onShowPlatform,
}: {
  form: SetupForm;
  onChange: (form: SetupForm) => void;
  onNext: () => void;
  /** Readiness per region, shown next to each region (absent while unknown). */
  regionStatus?: Partial<Record<SupportedRegion, RegionStatus>>;
  /** Why the statuses are missing (still checking, or the check failed); never blocks the form. */
  regionStatusNote?: string | null;
  onShowReadiness?: () => void;
  onShowPlatform?: () => void;
}) {
  const [touched, setTouched] = useState<Set<SetupField>>(new Set());
  const errors = validateForm(form);
  const shown = visibleErrors(errors, touched);
  const valid = Object.keys(errors).length === 0;

  const set = (field: SetupField, value: string) => {
    setTouched((t) => (t.has(field) ? t : new Set(t).add(field)));
    onChange({ ...form, [field]: value });
  };
  const text = (field: SetupField, label: string, description: string, placeholder?: string) => (
    <TextInput
      label={label}
      description={description}
      placeholder={placeholder}
      value={form[field]}
      onChange={(e) => set(field, e.currentTarget.value)}
      onBlur={() => setTouched((t) => (t.has(field) ? t : new Set(t).add(field)))}
      error={shown[field]}
      required
      spellCheck={false}
      autoComplete="off"
    />
  );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onNext();
      }}
    >
      <Stack maw={760}>
        {text('name', 'Configuration name', 'How the configuration is called on the platform and in Onramp.', 'analytics-prod')}
        <Select
          label="Region"
          description="The bucket and the table are created here. The platform supports these four regions."
          data={REGION_OPTIONS}
          value={form.region}
          onChange={(v) => set('region', v ?? '')}
          allowDeselect={false}
          error={shown.region}
          required
          renderOption={({ option }) => {
            const st = isSupportedRegion(option.value) ? regionStatus[option.value] : undefined;
            return (
              <Group justify="space-between" wrap="nowrap" w="100%">
                <span>{option.label}</span>
                {st && (
                  <Badge size="xs" variant="light" color={st.ok ? 'teal' : 'red'} aria-hidden>
                    {st.label}
                  </Badge>
                )}
              </Group>
            );
          }}
        />
        <RegionStatusLine
          region={form.region}
          status={isSupportedRegion(form.region) ? regionStatus[form.region] : undefined}
          note={regionStatusNote}
          onShowReadiness={onShowReadiness}
          onShowPlatform={onShowPlatform}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('bucketName', 'S3 bucket name', 'Globally unique; lowercase letters, digits, dots and hyphens.', 'my-company-bodo-state')}
          {text('tableName', 'DynamoDB table name', 'Lock table with partition key LockID (String).', 'bodo-state-lock')}
        </SimpleGrid>
        {text('roleName', 'IAM role name', 'The role the platform assumes in this account.')}
        <Group align="flex-start" wrap="nowrap">
          <div style={{ flex: 1 }}>
            {text('externalId', 'External ID', 'Paste the External ID shown on the platform\'s form, or generate one and paste it there.')}
          </div>
          <Button
            mt={46}
            variant="light"
            leftSection={<IconDice5 size={18} />}
            onClick={() => set('externalId', generateExternalId())}
          >
            Generate
          </Button>
        </Group>
        {text('platformAccountId', 'Platform account ID', 'The Bodo Platform\'s AWS account that will assume the role.')}
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {valid ? 'Nothing changes yet: the next step shows the plan.' : 'Fill in every field correctly to continue.'}
          </Text>
          <Button type="submit" disabled={!valid} rightSection={<IconArrowRight size={18} />}>
            Next: review plan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The chosen region's readiness in words, with links to the readiness view and the platform's resource list. */
function RegionStatusLine({
  region,
  status,
  note,
  onShowReadiness,
  onShowPlatform,
}: {
  region: string;
  status: RegionStatus | undefined;
  note: string | null;
  onShowReadiness?: () => void;
  onShowPlatform?: () => void;
}) {
  const text = status
    ? status.ok
      ? `${region}: ready for the platform's next workspace.`
      : `${region}: ${status.label} for the platform's next workspace (limits).`
    : note;
  return (
    <Group gap="xs" mt={-8} wrap="wrap" aria-label="Region readiness">
      {text && (
        <Text size="sm" c={status && !status.ok ? 'red' : 'dimmed'} role="status">
          {text}
        </Text>
      )}
      {onShowReadiness && (
        <Anchor component="button" type="button" size="sm" onClick={onShowReadiness}>
          {status && !status.ok ? 'See what to do' : 'Account readiness'}
        </Anchor>
      )}
      {onShowPlatform && (
        <Anchor component="button" type="button" size="sm" onClick={onShowPlatform}>
          What the platform will create
        </Anchor>
      )}
    </Group>
  );
}
