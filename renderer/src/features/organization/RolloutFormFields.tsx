import { Checkbox, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { SUPPORTED_REGIONS, type SupportedRegion } from '../../../../shared/regions';
import type { FormField, RolloutForm } from './model';

/** The roll-out's inputs: name and region, the targets (OUs or accounts, with exclusions), the names every account gets. */
export function RolloutFormFields({ form, errors, onChange }: { form: RolloutForm; errors: Partial<Record<FormField, string>>; onChange: (form: RolloutForm) => void }) {
  const set = <K extends keyof RolloutForm>(key: K, value: RolloutForm[K]) => onChange({ ...form, [key]: value });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Roll-out name" description="Names the StackSet (onramp-<name>) and each account's platform entry (<name>-<account>)." value={form.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} withAsterisk />
        <Select label="Region" description="Where every account's bucket and table live." data={[...SUPPORTED_REGIONS]} value={form.region} onChange={(v) => v && set('region', v as SupportedRegion)} allowDeselect={false} error={errors.region} />
      </SimpleGrid>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="org-targets-by">
          Roll out to
        </Text>
        <SegmentedControl
          aria-labelledby="org-targets-by"
          value={form.by}
          onChange={(v) => onChange({ ...form, by: v === 'accounts' ? 'accounts' : 'ous', autoDeploy: v === 'accounts' ? false : form.autoDeploy })}
          data={[
            { value: 'ous', label: 'Organizational units' },
            { value: 'accounts', label: 'Accounts' },
          ]}
          w="fit-content"
        />
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={form.by === 'ous' ? 'OU IDs' : 'Account IDs'}
          description={form.by === 'ous' ? 'Every account of these OUs and of every OU below them (ou-…, or the root r-…).' : 'Member accounts, 12 digits each.'}
          placeholder={form.by === 'ous' ? 'ou-ab12-cd34ef56, ou-ab12-cd34ef57' : '111122223333, 444455556666'}
          value={form.targets}
          onChange={(e) => set('targets', e.currentTarget.value)}
          error={errors.targets}
          withAsterisk
        />
        <TextInput label="Leave out" description="Accounts of those OUs that get nothing." placeholder="111122223333" value={form.exclude} onChange={(e) => set('exclude', e.currentTarget.value)} error={errors.exclude} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label="Bucket name pattern" description="With {account} (names are global), optionally {region}." placeholder="acme-bodo-{account}" value={form.bucketPattern} onChange={(e) => set('bucketPattern', e.currentTarget.value)} error={errors.bucketPattern} withAsterisk />
        <TextInput label="DynamoDB table" description="The same name in every account." value={form.tableName} onChange={(e) => set('tableName', e.currentTarget.value)} error={errors.tableName} withAsterisk />
        <TextInput label="IAM role name" description="The role the platform assumes." value={form.roleName} onChange={(e) => set('roleName', e.currentTarget.value)} error={errors.roleName} withAsterisk />
      </SimpleGrid>
      <Group>
        <Checkbox
          label="Also deploy to accounts added to these OUs later (automatic deployment)"
          checked={form.autoDeploy}
          disabled={form.by !== 'ous'}
          onChange={(e) => set('autoDeploy', e.currentTarget.checked)}
          error={errors.autoDeploy}
        />
      </Group>
    </Stack>
  );
}
