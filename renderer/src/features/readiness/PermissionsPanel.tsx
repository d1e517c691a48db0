import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle, IconShieldCheck } from '@tabler/icons-react';
import type { PermissionCheck } from '../../../../shared/contract/readiness';

/**
 * The permission preflight: missing actions with what they block, or why it could not run (never
 * blocking). `scope` says what was simulated: any resource name (the readiness view) or the exact
 * bucket, table and role of a plan.
 */
export function PermissionsPanel({ permissions, scope = 'any' }: { permissions: PermissionCheck; scope?: 'any' | 'names' }) {
  const label = scope === 'names' ? 'Permissions for these names' : 'Permissions';
  if (!permissions.checked) {
    return (
      <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} title={`${label}: not checked`} role="region">
        {/* The note already says why and that this does not block; without one, say both here. */}
        Simulation unavailable:{' '}
        {permissions.note ??
          `IAM did not answer the policy simulation. You can still continue; ${scope === 'names' ? 'apply reports any permission it lacks and undoes what it created.' : 'the plan and apply steps report any permission they lack.'}`}
      </Alert>
    );
  }
  if (permissions.missing.length === 0) {
    return (
      <Alert color="teal" variant="light" icon={<IconShieldCheck size={18} aria-hidden />} title={label} role="region">
        {scope === 'names'
          ? 'This identity may perform every action the setup needs on this bucket, table and role.'
          : 'This identity may perform every action the setup needs.'}
      </Alert>
    );
  }
  const n = permissions.missing.length;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} aria-hidden />}
      title={`${label}: ${n} setup permission${n === 1 ? '' : 's'} missing`}
      role="region"
    >
      <Text size="sm" mb="xs">
        {scope === 'names'
          ? 'Apply would fail at the first of these and undo what it created. Ask your administrator to allow them on these resources, connect with a profile that has them, or choose names this identity may use.'
          : 'Ask your administrator to allow these actions for this identity, or connect with a profile that has them.'}
      </Text>
      <List size="sm" aria-label="Missing permissions">
        {permissions.missing.map((m) => (
          <List.Item key={m.action}>
            <code>{m.action}</code> — blocks {m.blocks}
          </List.Item>
        ))}
      </List>
      {permissions.note && (
        <Text size="xs" c="dimmed" mt="xs">
          {permissions.note}
        </Text>
      )}
    </Alert>
  );
}
