import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { BacktestResult } from '../../../../shared/monitoring/backtest';
import type { ThresholdWarning } from '../../../../shared/monitoring/threshold';
import type { RangeId } from '../../../../shared/monitoring/range';
import { firedSentence } from './model';

/** The backtest's sentence and the threshold warnings. */
export function BacktestSummary({ result, range, warnings }: { result: BacktestResult | null; range: RangeId; warnings: ThresholdWarning[] }) {
  return (
    <Stack gap="xs">
      <Text role="status" aria-label="Backtest" fw={600} c={result && result.breaches > 0 ? 'red' : 'teal'}>
        {result ? firedSentence(result, range) : 'Enter valid conditions to see when this alarm would have fired.'}
      </Text>
      {warnings.map((w) => (
        <Alert key={w.kind} color="orange" variant="light" icon={<IconAlertTriangle size={18} />} p="xs">
          <Text size="sm">{w.message}</Text>
        </Alert>
      ))}
    </Stack>
  );
}
