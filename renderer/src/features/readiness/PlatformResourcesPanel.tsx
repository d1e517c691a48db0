import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconCoin, IconGauge } from '@tabler/icons-react';
import { PLATFORM_CHARGES_NOTE, PLATFORM_RESOURCES, type ResourceLimitKey } from '../../../../shared/readiness';
import { LIMIT_ROWS } from './model';

/** "What the platform will create": each resource and why, the charges note, and a link to its limit. */
export function PlatformResourcesPanel({ onShowLimit }: { onShowLimit: (key: Exclude<ResourceLimitKey, null>) => void }) {
  return (
    <Stack maw={860}>
      <Text size="sm">
        After onboarding, the platform creates these resources in this AWS account for each workspace. Onramp checks the limits that
        most often stop a workspace from starting.
      </Text>
      <Alert color="yellow" variant="light" icon={<IconCoin size={18} aria-hidden />} title="AWS charges">
        {PLATFORM_CHARGES_NOTE}
      </Alert>
      <Stack gap="xs" component="ul" aria-label="Resources the platform creates" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {PLATFORM_RESOURCES.map((r) => {
          const limit = r.limit === null ? null : LIMIT_ROWS.find((l) => l.key === r.limit);
          return (
            <Card component="li" key={r.id} withBorder padding="sm" aria-label={r.name}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  <Text fw={600} size="sm">
                    {r.name}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {r.why}
                  </Text>
                </div>
                {limit ? (
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconGauge size={16} aria-hidden />}
                    onClick={() => onShowLimit(limit.key)}
                    style={{ flexShrink: 0 }}
                  >
                    {limit.key === 'natGateways' ? `Show ${limit.label} in use` : `Show the ${limit.label} limit`}
                  </Button>
                ) : (
                  <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                    No limit checked
                  </Text>
                )}
              </Group>
            </Card>
          );
        })}
      </Stack>
    </Stack>
  );
}
