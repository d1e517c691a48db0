import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { NotifyOn } from '../../../../shared/monitoring/alarm-inputs';
import type { BacktestResult } from '../../../../shared/monitoring/backtest';
import type { RangeId } from '../../../../shared/monitoring/range';
import type { ThresholdWarning } from '../../../../shared/monitoring/threshold';
import { firedSentence, insufficientSentence, notificationsSentence } from './model';

/** The backtest's sentences (fired, INSUFFICIENT_DATA, notifications) and the threshold warnings. */
export function BacktestSummary({ result, range, warnings, notifyOn = ['alarm'] }: { result: BacktestResult | null; range: RangeId; warnings: ThresholdWarning[]; notifyOn?: readonly NotifyOn[] }) {
  const insufficient = result ? insufficientSentence(result) : null;
  const notifications = result ? notificationsSentence(result, notifyOn) : null;
  return (
    <Stack gap="xs">
      <Text role="status" aria-label="Backtest" fw={600} c={result && result.breaches > 0 ? 'red' : 'teal'}>
        {result ? firedSentence(result, range) : 'Enter valid conditions to see when this alarm would have fired.'}
      </Text>
      {insufficient && (
        <Text size="sm" aria-label="Insufficient data">
          {insufficient}
        </Text>
      )}
      {notifications && (
        <Text size="sm" aria-label="Notifications">
          {notifications}
        </Text>
      )}
      {warnings.map((w) => (
        <Alert key={w.kind} color="orange" variant="light" icon={<IconAlertTriangle size={18} />} p="xs">
          <Text size="sm">{w.message}</Text>
        </Alert>
      ))}
    </Stack>
  );
}
