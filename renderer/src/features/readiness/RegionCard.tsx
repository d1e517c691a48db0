import { Anchor, Badge, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconExternalLink, IconHelpCircle } from '@tabler/icons-react';
import type { SupportedRegion } from '../../../../shared/regions';
import type { RegionReadiness } from '../../../../shared/contract/readiness';
import { QUOTAS, type ResourceLimitKey } from '../../../../shared/readiness';
import type { Verdict } from '../../../../shared/contract/readiness';
import { LIMIT_ROWS, limitAnchorId, limitCell, problemParts, spotLine, unknownQuotaLines, VERDICT_LOOK } from './model';
import { TableHead } from '../../components/TableHead';

/** A sentence with the Service Quotas console URLs it embeds turned into links the app may open. */
export function QuotaLinkedText({ text, region }: { text: string; region: SupportedRegion }) {
  return problemParts(text, region).map((part, i) =>
    part.kind === 'text' ? (
      <span key={i}>{part.text}</span>
    ) : (
      <Anchor key={i} href={part.href} target="_blank" rel="noreferrer">
        {part.label}
        <IconExternalLink size={12} style={{ marginLeft: 2, verticalAlign: 'middle' }} aria-hidden />
      </Anchor>
    ),
  );
}

const VERDICT_ICON: Record<Verdict, typeof IconCircleCheck> = { ready: IconCircleCheck, unknown: IconHelpCircle, blocked: IconAlertTriangle };

/** A region's verdict as a badge: the same words and colour as the summary and the setup wizard's picker. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const Icon = VERDICT_ICON[verdict];
  return (
    <Badge color={VERDICT_LOOK[verdict].color} variant="light" leftSection={<Icon size={14} aria-hidden />} style={{ flexShrink: 0 }}>
      {VERDICT_LOOK[verdict].label}
    </Badge>
  );
}

/**
 * One region's limits (used / limit / where the limit came from; the Standard Spot vCPUs with a line
 * saying they are informational), its problems with what to do, a
 * short line per unknown limit (the shared explanation is said once, above the cards), and notes.
 */
export function RegionCard({ region, highlight, workspaceVcpus }: { region: RegionReadiness; highlight: ResourceLimitKey; workspaceVcpus: number }) {
  const headingId = `readiness-${region.region}`;
  const unknownLines = unknownQuotaLines(region);
  const spot = spotLine(region, workspaceVcpus);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" id={headingId}>
            {region.region}
          </Title>
          <VerdictBadge verdict={region.verdict} />
        </Group>
        <Table verticalSpacing={4} aria-label={`Limits in ${region.region}`}>
          <TableHead columns={['Resource', { title: 'Used', ta: 'right' }, { title: 'Limit', ta: 'right' }, 'Limit from']} />
          <Table.Tbody>
            {LIMIT_ROWS.map(({ key, label }) => {
              const cell = limitCell(region, key);
              return (
                <Table.Tr key={key} bg={highlight === key ? 'var(--mantine-primary-color-light)' : undefined}>
                  <Table.Th scope="row" fw={500} id={limitAnchorId(region.region, key)} tabIndex={-1}>
                    {label}
                  </Table.Th>
                  <Table.Td ta="right">{cell.used}</Table.Td>
                  <Table.Td ta="right">{cell.limit ?? '—'}</Table.Td>
                  <Table.Td>
                    {cell.source === null || cell.source === 'not read' ? (
                      <Text size="xs" c="dimmed">
                        {cell.source ?? 'not limited here'}
                      </Text>
                    ) : (
                      <Badge size="sm" variant={cell.source === 'account' ? 'light' : 'outline'} color={cell.source === 'account' ? 'blue' : 'gray'}>
                        {cell.source}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {region.problems.length > 0 && (
          <List size="sm" spacing="xs" aria-label={`Problems in ${region.region}`} icon={<IconAlertTriangle size={16} color="var(--mantine-color-red-6)" aria-hidden />}>
            {region.problems.map((p) => (
              <List.Item key={p}>
                <QuotaLinkedText text={p} region={region.region} />
              </List.Item>
            ))}
          </List>
        )}
        {unknownLines.length > 0 && (
          <List size="sm" spacing="xs" aria-label={`Unknown limits in ${region.region}`} icon={<IconHelpCircle size={16} color="var(--mantine-color-yellow-7)" aria-hidden />}>
            {unknownLines.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        )}
        {spot && (
          <Text size="xs" c="dimmed" aria-label={`${QUOTAS.spotVcpus.shortName} in ${region.region}`}>
            <QuotaLinkedText text={spot} region={region.region} />
          </Text>
        )}
        {region.notes.map((n) => (
          <Text key={n} size="xs" c="dimmed">
            {n}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
