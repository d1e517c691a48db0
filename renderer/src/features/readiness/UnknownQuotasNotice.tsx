import { Anchor, Card, Code, Group, List, Stack, Text } from '@mantine/core';
import { IconExternalLink, IconHelpCircle } from '@tabler/icons-react';
import { groupCliCommand, type UnknownQuotaGroup } from '../../../../shared/readiness';
import { quotaLink } from './model';

/**
 * The quotas Service Quotas did not give, said once for all regions: which regions, why, what the
 * default means, and where to look each one up (a console link per region, one AWS CLI command).
 */
export function UnknownQuotasNotice({ groups }: { groups: readonly UnknownQuotaGroup[] }) {
  if (groups.length === 0) return null;
  return (
    <Card withBorder padding="md" role="note" aria-labelledby="unknown-limits-title">
      <Stack gap="xs">
        <Group gap="xs">
          <IconHelpCircle size={18} color="var(--mantine-color-yellow-7)" aria-hidden />
          <Text fw={600} id="unknown-limits-title">
            Some limits could not be read
          </Text>
        </Group>
        <Text size="sm">
          Service Quotas did not give these quotas, so AWS&apos;s documented default is shown instead; this account&apos;s own quota may be higher. This never blocks the check.
        </Text>
        <List size="sm" spacing="sm">
          {groups.map((g) => (
            <List.Item key={g.quota}>
              <Text size="sm" span fw={600}>
                {g.name}
              </Text>{' '}
              <Text size="sm" span>
                — unknown in {g.regions.join(', ')}
                {g.reasons.length > 0 ? ` (Service Quotas answered: ${g.reasons.join('; ')})` : ''}. Default: {g.defaultValue}.
                {g.noRoomAtDefault.length > 0 ? ` At the default there would be no room in ${g.noRoomAtDefault.join(', ')}.` : ''}
              </Text>
              <Group gap="xs" mt={4} wrap="wrap">
                <Text size="sm" span>
                  Look it up:
                </Text>
                {g.regions.map((r) => (
                  <Anchor key={r} size="sm" href={quotaLink(r, g.quota)} target="_blank" rel="noreferrer" aria-label={`Service Quotas: ${g.name} in ${r}`}>
                    {r}
                    <IconExternalLink size={12} style={{ marginLeft: 2, verticalAlign: 'middle' }} aria-hidden />
                  </Anchor>
                ))}
              </Group>
              <Code block mt={4} aria-label={`AWS CLI command for ${g.name}`}>
                {groupCliCommand(g)}
              </Code>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}
