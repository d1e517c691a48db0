import { Card, Group, NumberInput, Select, Skeleton, Table, Text, Title } from '@mantine/core';
import { Fragment, useEffect, useMemo, useState } from 'react';
import { usageClassLabel } from '../../../../shared/monitoring/metric';
import type { RangeId } from '../../../../shared/monitoring/range';
import { isSupportedRegion } from '../../../../shared/regions';
import { api, call } from '../../api';
import { costTable, num, usd, type CostSeries } from './model';
import { TableHead } from '../../components/TableHead';

const COST_RANGES: Array<{ value: RangeId; label: string }> = [
  { value: '1d', label: 'Last day' },
  { value: '1w', label: 'Last week' },
  { value: '30d', label: 'Last 30 days' },
];

/** vCPU-hours over a range per region (area under the Average curve of all usage classes), each class's share, their cost and the month's projection. */
export function UsageCostCard({
  regions,
  refreshKey,
  price,
  onPriceChange,
  onPriceCommit,
}: {
  regions: string[];
  refreshKey: number;
  price: number;
  onPriceChange: (price: number) => void;
  /** Called when the user leaves the price field (to save it). */
  onPriceCommit?: (price: number) => void;
}) {
  const [range, setRange] = useState<RangeId>('1w');
  const [series, setSeries] = useState<CostSeries[] | null>(null);
  const [failed, setFailed] = useState<string[]>([]);
  const regionsKey = regions.join(',');

  useEffect(() => {
    let live = true;
    setSeries(null);
    void Promise.all(
      regions.filter(isSupportedRegion).map(async (region): Promise<CostSeries | string> => {
        // One GetMetricData request per region: the total of all classes, and each class for the breakdown.
        const r = await call(() => api().usage.history({ region, range, stat: 'Average', metric: { kind: 'vcpu', usageClass: 'all' }, breakdown: true }));
        return r.ok ? { region, points: r.value.points, byClass: r.value.byClass, start: r.value.start, end: r.value.end, period: r.value.period } : region;
      }),
    ).then((all) => {
      if (!live) return;
      setSeries(all.filter((s): s is CostSeries => typeof s !== 'string'));
      setFailed(all.filter((s): s is string => typeof s === 'string'));
    });
    return () => {
      live = false;
    };
    // regionsKey stands for regions; refreshKey re-reads on each dashboard refresh.
  }, [regionsKey, range, refreshKey]);

  const table = useMemo(() => (series ? costTable(series, price, Date.now()) : null), [series, price]);
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={2} size="h4">Usage cost</Title>
        <Group gap="sm" align="flex-end">
          <Select label="Range" data={COST_RANGES} value={range} onChange={(v) => v && setRange(v as RangeId)} allowDeselect={false} w={150} size="xs" />
          <NumberInput
            label="Price per vCPU-hour (USD)"
            value={price}
            onChange={(v) => onPriceChange(typeof v === 'number' && v >= 0 ? v : 0)}
            onBlur={() => onPriceCommit?.(price)}
            min={0}
            max={100}
            step={0.01}
            decimalScale={4}
            w={190}
            size="xs"
          />
        </Group>
      </Group>
      {!table ? (
        <Skeleton height={120} />
      ) : (
        <Table aria-label="Usage cost" withTableBorder>
          <TableHead columns={['Region', { title: 'vCPU-hours', ta: 'right' }, { title: 'Average vCPUs', ta: 'right' }, { title: 'Estimated cost', ta: 'right' }, { title: 'Projected this month', ta: 'right' }]} />
          <Table.Tbody>
            {table.rows.map(({ region, cost, byClass }) => (
              <Fragment key={region}>
                <Table.Tr>
                  <Table.Td fw={500}>{region}</Table.Td>
                  <Table.Td ta="right">{num(cost.vcpuHours)}</Table.Td>
                  <Table.Td ta="right">{num(cost.averageVcpus)}</Table.Td>
                  <Table.Td ta="right">{usd(cost.cost)}</Table.Td>
                  <Table.Td ta="right">{usd(cost.projectedMonthCost)}</Table.Td>
                </Table.Tr>
                {byClass.length > 1 &&
                  byClass.map((c) => (
                    <Table.Tr key={`${region}/${c.usageClass}`} aria-label={`${region} ${c.usageClass}`}>
                      <Table.Td pl="xl">
                        <Text size="xs">{c.usageClass}</Text>
                      </Table.Td>
                      <Table.Td fz="xs" ta="right">{num(c.cost.vcpuHours)}</Table.Td>
                      <Table.Td fz="xs" ta="right">{num(c.cost.averageVcpus)}</Table.Td>
                      <Table.Td fz="xs" ta="right">{usd(c.cost.cost)}</Table.Td>
                      <Table.Td fz="xs" ta="right">{usd(c.cost.projectedMonthCost)}</Table.Td>
                    </Table.Tr>
                  ))}
              </Fragment>
            ))}
            <Table.Tr fw={700}>
              <Table.Td>Total</Table.Td>
              <Table.Td ta="right">{num(table.total.vcpuHours)}</Table.Td>
              <Table.Td ta="right">{num(table.total.averageVcpus)}</Table.Td>
              <Table.Td ta="right">{usd(table.total.cost)}</Table.Td>
              <Table.Td ta="right">{usd(table.total.projectedMonthCost)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {usageClassLabel('all')}, with each class that ran shown under its region. vCPU-hours are the area under the Average usage curve over the range; the projection adds the range's average rate for the rest of the UTC month
        {table && !table.total.monthToDateComplete ? ' (month-to-date only as far back as this range reaches)' : ''}.
        {failed.length > 0 ? ` Not included (failed): ${failed.join(', ')}.` : ''} The Cost screen puts this estimate beside what AWS actually billed for EC2 instances over the same days.
      </Text>
    </Card>
  );
}
