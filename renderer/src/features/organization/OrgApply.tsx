import { Alert, Code, Stack, Text } from '@mantine/core';
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

/** Under an applicable plan: apply it (or why not). */
export function OrgApply({ request, blocker }: { request: ApplyRequest | null; blocker: string | null }) {
  if (!request) {
    return (
      <Alert color="yellow" title="Cannot apply yet">
        {blocker}
      </Alert>
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm">The same roll-out from a terminal:</Text>
      <Code block>{applyCommand(request)}</Code>
    </Stack>
  );
}
