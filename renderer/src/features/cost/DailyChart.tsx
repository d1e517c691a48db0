import { Box, Group, Text } from '@mantine/core';
import type { CostReport } from '../../../../shared/contract/cost';
import { formatMoney } from '../../../../shared/cost/decimal';
import { dayBars } from './model';

const HEIGHT = 140;

/** Spend per day as stacked bars (the platform's part on top of the infrastructure), with a text summary for screen readers. */
export function DailyChart({ report }: { report: CostReport }) {
  const bars = dayBars(report);
  const max = Math.max(0, ...bars.map((b) => b.platform + b.infrastructure));
  const peak = bars.reduce<(typeof bars)[number] | null>((best, b) => (!best || b.platform + b.infrastructure > best.platform + best.infrastructure ? b : best), null);
  const summary = peak && max > 0 ? `Spend per day from ${bars[0]!.date} to ${bars.at(-1)!.date}; the highest was ${formatMoney(peak.total, report.currency)} on ${peak.date}.` : 'No spend in this period.';
  const width = Math.max(1, bars.length);
  return (
    <Box>
      <svg viewBox={`0 0 ${width * 10} ${HEIGHT}`} width="100%" height={HEIGHT} preserveAspectRatio="none" role="img" aria-label={summary}>
        {bars.map((b, i) => {
          const infra = max > 0 ? (b.infrastructure / max) * (HEIGHT - 4) : 0;
          const plat = max > 0 ? (b.platform / max) * (HEIGHT - 4) : 0;
          return (
            <g key={b.date}>
              <title>{`${b.date}: ${formatMoney(b.total, report.currency)}`}</title>
              <rect x={i * 10 + 1} y={HEIGHT - infra} width={8} height={infra} fill="var(--mantine-color-gray-6)" />
              <rect x={i * 10 + 1} y={HEIGHT - infra - plat} width={8} height={plat} fill="var(--mantine-color-blue-6)" />
            </g>
          );
        })}
      </svg>
      <Group gap="md" mt={4}>
        <Text size="xs">
          <span aria-hidden style={{ display: 'inline-block', width: 10, height: 10, background: 'var(--mantine-color-blue-6)', marginRight: 4 }} />
          Bodo Platform (AWS Marketplace)
        </Text>
        <Text size="xs">
          <span aria-hidden style={{ display: 'inline-block', width: 10, height: 10, background: 'var(--mantine-color-gray-6)', marginRight: 4 }} />
          Infrastructure
        </Text>
        <Text size="xs" c="dimmed">
          {summary}
        </Text>
      </Group>
    </Box>
  );
}
