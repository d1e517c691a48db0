import { Badge, Text } from '@mantine/core';
import type { OrgRegistration } from '../../../../shared/contract/org';

const REG_COLOR = { registered: 'green', mismatch: 'orange', failed: 'red', 'not-registered': 'gray', 'not-attempted': 'gray' } as const;

/** An account's registration with the platform: its state as a badge, and the detail under it (unless the state says it all). */
export function RegistrationCell({ registration, quietWhenNotAttempted = false }: { registration: OrgRegistration; quietWhenNotAttempted?: boolean }) {
  const detail = registration.detail && !(quietWhenNotAttempted && registration.state === 'not-attempted') ? registration.detail : null;
  return (
    <>
      <Badge color={REG_COLOR[registration.state]} variant="light">
        {registration.state.replace('-', ' ')}
      </Badge>
      {detail && (
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
          {detail}
        </Text>
      )}
    </>
  );
}
