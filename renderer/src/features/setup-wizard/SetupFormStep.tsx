import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowRight, IconDice5 } from '@tabler/icons-react';
import { useState } from 'react';
import { SUPPORTED_REGIONS } from '../../../../shared/regions';
import { generateExternalId, validateForm, visibleErrors, type SetupField, type SetupForm } from './model';

const REGION_OPTIONS = SUPPORTED_REGIONS.map((r) => ({ value: r, label: r }));

/** The Cloud Configuration form, validated as the user types; Next stays disabled while anything is invalid. */
export function SetupFormStep({
  form,
  onChange,
  onNext,
}: {
  form: SetupForm;
  onChange: (form: SetupForm) => void;
  onNext: () => void;
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
