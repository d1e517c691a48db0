import { Card, List, Text, Title } from '@mantine/core';
import type { PermissionCheck } from '../../../../shared/contract/readiness';

/**
 * The cost features' permissions (the Cost screen, budgets): listed for information, never part of
 * the verdict, since the setup does not need them.
 */
export function CostPermissionsPanel({ permissions }: { permissions: PermissionCheck }) {
  const n = permissions.missing.length;
  return (
    <Card withBorder padding="sm" role="region" aria-label="Cost permissions">
      <Title order={2} size="h5" mb={4}>
        Permissions for the Cost screen and budgets {permissions.checked && n > 0 ? `(${n} missing)` : ''}
      </Title>
      {!permissions.checked ? (
        <Text size="sm">Not checked, for the same reason as the setup permissions. The Cost screen says which permission it lacks if it is refused.</Text>
      ) : n === 0 ? (
        <Text size="sm">This identity may use Cost Explorer and AWS Budgets as Onramp does.</Text>
      ) : (
        <>
          <Text size="sm" mb="xs">
            Not needed for the setup, only for seeing actual spend and creating budgets. Ask your administrator to allow:
          </Text>
          <List size="sm" aria-label="Missing cost permissions">
            {permissions.missing.map((m) => (
              <List.Item key={m.action}>
                <code>{m.action}</code> — {m.blocks}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Card>
  );
}
