import { Card, Skeleton, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CostReport } from '../../../../shared/contract/cost';
import { formatMoney, parseDecimal, toNumber } from '../../../../shared/cost/decimal';
import type { Datapoint } from '../../../../shared/monitoring/metric';
import { SUPPORTED_REGIONS } from '../../../../shared/regions';
import { api, call } from '../../api';
import { estimateVsActual } from './model';

interface History {
  start: number;
  series: { points: Datapoint[]; period: number }[];
  failed: string[];
}

/**
 * The vCPU-hour estimate (the dashboard's "Usage cost": vCPU-hours × the price per vCPU-hour in
 * Settings) beside what Cost Explorer says the EC2 instances actually cost, over the same whole days.
 */
export function EstimateVsActual({ report, price, today }: { report: CostReport; price: number; today: string }) {
  const [history, setHistory] = useState<History | null>(null);
  useEffect(() => {
    let live = true;
    // One GetMetricData request per region: the Average of all usage classes over the last 30 days.
    void Promise.all(
      SUPPORTED_REGIONS.map(async (region) => {
        const r = await call(() => api().usage.history({ region, range: '30d', stat: 'Average', metric: { kind: 'vcpu', usageClass: 'all' } }));
        return { region, r };
      }),
    ).then((all) => {
      if (!live) return;
      const ok = all.flatMap(({ r }) => (r.ok ? [r.value] : []));
      setHistory({ start: Math.max(...ok.map((h) => h.start), 0), series: ok.map((h) => ({ points: h.points, period: h.period })), failed: all.filter(({ r }) => !r.ok).map(({ region }) => region) });
    });
    return () => {
      live = false;
    };
  }, [report.fetchedAt]);

  const cmp = !history
    ? null
    : history.series.length === 0
      ? { reason: 'The vCPU usage history could not be read in any region, so there is no estimate to compare.', from: null, to: null, days: 0, vcpuHours: 0, estimate: 0, actual: '0' }
      : estimateVsActual(report, history, price, today);
  const diff = cmp && cmp.reason === null ? toNumber(parseDecimal(cmp.actual)) - cmp.estimate : null;
  return (
    <Card withBorder padding="md" role="region" aria-label="Estimate and actual EC2 spend">
      <Title order={2} size="h4" mb="xs">
        vCPU-hour estimate beside the actual EC2 spend
      </Title>
      {!cmp ? (
        <Skeleton height={80} />
      ) : cmp.reason ? (
        <Text size="sm">{cmp.reason}</Text>
      ) : (
        <Table aria-label="Estimate and actual" withTableBorder>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">Days compared</Table.Th>
              <Table.Td>
                {cmp.from} to {cmp.to} ({cmp.days} day{cmp.days === 1 ? '' : 's'}, UTC)
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">vCPU-hours (all usage classes, all regions)</Table.Th>
              <Table.Td>{cmp.vcpuHours.toLocaleString('en-US', { maximumFractionDigits: 1 })}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">Estimate at ${price} a vCPU-hour (Settings)</Table.Th>
              <Table.Td>{formatMoney(cmp.estimate.toFixed(2), 'USD')}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">Actual EC2 instance spend (Cost Explorer)</Table.Th>
              <Table.Td>{formatMoney(cmp.actual, 'USD')}</Table.Td>
            </Table.Tr>
            {diff !== null && (
              <Table.Tr>
                <Table.Th scope="row">Actual minus estimate</Table.Th>
                <Table.Td>{formatMoney(diff.toFixed(2), 'USD')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        The estimate prices On-Demand vCPU-hours at one rate; the actual spend is what AWS billed for instance hours (any instance type, Spot, Savings Plans), and the platform's own
        charges are separate (AWS Marketplace). A large gap means the price in Settings is off for your instance types.
        {history && history.failed.length > 0 ? ` Usage could not be read in: ${history.failed.join(', ')}.` : ''}
      </Text>
    </Card>
  );
}
