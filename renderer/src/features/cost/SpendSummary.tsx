import { Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { CostReport } from '../../../../shared/contract/cost';
import { formatMoney } from '../../../../shared/cost/decimal';
import { forecastText } from './model';

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <Card withBorder padding="sm" role="group" aria-label={label}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Card>
  );
}

/** The period's totals: every charge, the platform's Marketplace part, the infrastructure, credits apart, and where the month is heading. */
export function SpendSummary({ report }: { report: CostReport }) {
  const m = (v: string) => formatMoney(v, report.currency);
  const f = forecastText(report.forecast, report.currency);
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Figure label="Total charges" value={m(report.total)} detail={`${report.metric}, credits and refunds not deducted`} />
        <Figure label="Bodo Platform (AWS Marketplace)" value={m(report.platform)} detail="Charges billed by AWS Marketplace" />
        <Figure label="Infrastructure" value={m(report.infrastructure)} detail="The AWS resources in the account" />
        <Figure label="Credits and refunds" value={m(report.credits.total)} detail={`Shown apart; after them the bill comes to ${m(report.net)}`} />
      </SimpleGrid>
      {report.current && (
        <Card withBorder padding="sm" role="group" aria-label="Forecast">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
              <Text size="sm" fw={500}>
                {f.title}
              </Text>
              {f.figure && (
                <Text fw={700} size="xl">
                  {f.figure}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {f.detail}
              </Text>
            </Stack>
            <Badge variant="light" color={report.forecast.source === 'cost-explorer' ? 'blue' : 'gray'} style={{ flexShrink: 0, overflow: 'visible' }}>
              {report.forecast.source === 'cost-explorer' ? 'AWS forecast' : report.forecast.source === 'onramp-estimate' ? 'Onramp estimate' : 'None'}
            </Badge>
          </Group>
        </Card>
      )}
    </Stack>
  );
}
