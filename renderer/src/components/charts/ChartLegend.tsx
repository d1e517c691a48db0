import { Group, Text } from '@mantine/core';
import { SHADES } from './ThresholdOverlay';

/** The key to the chart's shading: ALARM in red, INSUFFICIENT_DATA in grey (only the ones that appear). */
export function ChartLegend({ alarm, insufficient }: { alarm: boolean; insufficient: boolean }) {
  if (!alarm && !insufficient) return null;
  const swatch = (shade: (typeof SHADES)[keyof typeof SHADES]) => (
    <span aria-hidden style={{ display: 'inline-block', width: 14, height: 10, background: shade.fill, opacity: shade.opacity * 3, borderRadius: 2 }} />
  );
  return (
    <Group gap="lg" aria-label="Chart key" role="group">
      {alarm && (
        <Group gap={6}>
          {swatch(SHADES.alarm)}
          <Text size="xs">would have been in ALARM</Text>
        </Group>
      )}
      {insufficient && (
        <Group gap={6}>
          {swatch(SHADES.insufficient)}
          <Text size="xs">INSUFFICIENT_DATA (no data in the whole evaluation range)</Text>
        </Group>
      )}
    </Group>
  );
}
