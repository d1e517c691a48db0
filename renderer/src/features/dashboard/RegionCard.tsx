import { Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { summedClassesLabel, usageClassLabel } from '../../../../shared/monitoring/metric';
import { LazySparkline } from '../../components/charts/LazyCharts';
import { classLabel, headroomText, num, type RegionSummary } from './model';
import { TableHead } from '../../components/TableHead';

/** One region: current vCPUs (all usage classes, with each class below), 24-hour sparkline and headroom — or that region's own error. */
export function RegionCard({ summary }: { summary: RegionSummary }) {
  return (
    <Card withBorder padding="md" role="region" aria-label={`Region ${summary.region}`}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={600}>{summary.region}</Text>
        {summary.ok ? (
          <Badge variant="light" style={{ flexShrink: 0 }} title={usageClassLabel(summary.usageClass)}>
            {summary.usageClass === 'all' ? 'all classes' : summary.usageClass}
          </Badge>
        ) : (
          <Badge color="red" variant="light">
            {summary.error.code}
          </Badge>
        )}
      </Group>
      {summary.ok ? (
        <Stack gap={4}>
          <Text size="xl" fw={700} aria-label="Current vCPUs">
            {summary.current === null ? '—' : num(summary.current)}{' '}
            <Text span size="sm" c="dimmed" fw={400}>
              vCPUs now
            </Text>
          </Text>
          {summary.series.length > 0 ? (
            <LazySparkline points={summary.series} label={`${summary.region} vCPU usage, last 24 hours`} />
          ) : (
            <Text size="sm" c="dimmed" h={48} pt="sm">
              No vCPU usage in the last 24 hours.
            </Text>
          )}
          <Text size="xs" c="dimmed">
            24 h peak {summary.peak24h === null ? '—' : num(summary.peak24h)}
            {headroomText(summary) ? ` · ${headroomText(summary)}` : ''}
          </Text>
          {summary.usageClass === 'all' && summary.classes.length > 0 && (
            <Table aria-label={`Usage classes in ${summary.region}`} verticalSpacing={2} horizontalSpacing={4} fz="xs">
              <TableHead columns={['Usage class', { title: 'Now', ta: 'right' }, { title: '24 h peak', ta: 'right' }, { title: 'Quota', ta: 'right' }]} />
              <Table.Tbody>
                {summary.classes.map((c) => (
                  <Table.Tr key={c.usageClass}>
                    <Table.Th scope="row" fw={500} title={c.usageClass}>
                      {classLabel(c.usageClass)}
                    </Table.Th>
                    <Table.Td ta="right">{c.current === null ? '—' : num(c.current)}</Table.Td>
                    <Table.Td ta="right">{c.peak24h === null ? '—' : num(c.peak24h)}</Table.Td>
                    <Table.Td ta="right" title={c.quotaCode ? `Service Quotas ${c.quotaCode}` : 'No documented quota code'}>
                      {c.quota === null ? '?' : num(c.quota)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {summary.usageClass === 'all' && summary.summedClasses && (
            <Text size="xs" c="dimmed" aria-label={`Classes in the total of ${summary.region}`}>
              Total of {summedClassesLabel(summary.summedClasses)}
            </Text>
          )}
        </Stack>
      ) : (
        <Text size="sm" c="red" role="alert">
          {summary.error.message}
        </Text>
      )}
    </Card>
  );
}
