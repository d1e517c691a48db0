import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconRocket } from '@tabler/icons-react';
import type { ApplyRequest } from './RolloutTab';

/** The CLI command that applies the same roll-out (shown beside the run, to repeat it from a terminal). */
export function applyCommand(request: ApplyRequest): string {
  const i = request.input;
  const targets = i.targets.ous.length ? `--ou ${i.targets.ous.join(',')}` : `--accounts ${i.targets.accounts.join(',')}`;
  const parts = [
    'onramp org apply --profile PROFILE',
    `--region ${i.region}`,
    `--name '${i.name.replace(/'/g, "'\\''")}'`,
    targets,
    i.targets.exclude.length ? `--exclude ${i.targets.exclude.join(',')}` : '',
    `--bucket '${i.bucketPattern}'`,
    `--table ${i.tableName}`,
    `--role ${i.roleName}`,
    i.autoDeploy ? '--auto-deploy' : '',
    request.consentTrustedAccess ? '--enable-trusted-access' : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/**
 * Under an applicable plan: Apply starts the roll-out as a run in main (which plans again and refuses
 * conflicts); the same command for a terminal stays visible as the secondary way.
 */
export function OrgApply({ request, blocker, busy, onApply }: { request: ApplyRequest | null; blocker: string | null; busy: boolean; onApply: (request: ApplyRequest) => void }) {
  if (!request) {
    return (
      <Alert color="yellow" title="Cannot apply yet">
        {blocker}
      </Alert>
    );
  }
  return (
    <Stack gap="xs">
      <Group>
        <Button leftSection={<IconRocket size={18} aria-hidden />} loading={busy} disabled={busy} onClick={() => onApply(request)}>
          Apply
        </Button>
        <Text size="sm" c="dimmed">
          Creates or updates the StackSet and deploys to the accounts above, then registers each with the Bodo Platform.
        </Text>
      </Group>
      <Text size="sm">Or run it from the CLI:</Text>
      <Code block>{applyCommand(request)}</Code>
    </Stack>
  );
}
