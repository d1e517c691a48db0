import { Button, Group, SegmentedControl, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import type { UsageHistory } from '../../../../shared/contract/monitoring';
import type { BacktestResult } from '../../../../shared/monitoring/backtest';
import { usageClassLabel } from '../../../../shared/monitoring/metric';
import { RANGE_IDS, type RangeId } from '../../../../shared/monitoring/range';
import type { AppErrorShape } from '../../../../shared/errors';
import { ChartLegend } from '../../components/charts/ChartLegend';
import { LazyTimeSeriesChart } from '../../components/charts/LazyCharts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BacktestSummary } from './BacktestSummary';
import { historyRegion, parseNumber, RANGE_LABELS, warningsOf, type AlarmForm } from './model';

/** Step 2: the history chart with peak, quota, suggestion, and the threshold to type or drag. */
export function HistoryStep({
  form,
  onChange,
  history,
  loading,
  error,
  result,
  thresholdError,
}: {
  form: AlarmForm;
  onChange: (form: AlarmForm) => void;
  history: UsageHistory | null;
  loading: boolean;
  error: AppErrorShape | null;
  result: BacktestResult | null;
  thresholdError?: string;
}) {
  const threshold = parseNumber(form.threshold);
  const unit = form.metricKind === 'billing' ? 'USD' : 'vCPUs';
  return (
    <Stack gap="md">
      <Group gap="lg" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Range
          </Text>
          <SegmentedControl
            aria-label="Range"
            size="xs"
            data={RANGE_IDS.map((id) => ({ value: id, label: id }))}
            value={form.range}
            onChange={(v) => onChange({ ...form, range: v as RangeId })}
          />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Statistic
          </Text>
          <SegmentedControl
            aria-label="Statistic"
            size="xs"
            data={['Maximum', 'Average']}
            value={form.stat}
            onChange={(v) => onChange({ ...form, stat: v === 'Average' ? 'Average' : 'Maximum' })}
          />
        </Stack>
      </Group>
      {form.regions.length > 1 && (
        <Text size="sm" c="dimmed">
          History and backtest of {historyRegion(form)}, the first of the {form.regions.length} regions the alarm is created in.
        </Text>
      )}
      {error && <ErrorAlert error={error} />}
      {loading && !history && <Skeleton height={300} aria-label="Loading history" />}
      {history && (
        <>
          {history.classes.length > 1 && (
            <Text size="sm" aria-label="Classes covered">
              {usageClassLabel('all')}: the chart is their sum, {history.classes.join(' + ')}.
            </Text>
          )}
          <LazyTimeSeriesChart
            label={`${unit} over ${RANGE_LABELS[form.range].phrase}`}
            points={history.points}
            start={history.start}
            end={history.end}
            threshold={typeof threshold === 'number' ? threshold : null}
            episodes={result?.episodes}
            insufficient={result?.insufficient}
            quota={form.metricKind === 'vcpu' ? history.quota.value : null}
            unit={unit}
            onThresholdChange={(v) => onChange({ ...form, threshold: String(v) })}
          />
          <ChartLegend alarm={Boolean(result?.episodes.length)} insufficient={Boolean(result?.insufficient.length)} />
          <Group gap="xl" wrap="wrap" aria-label="History facts" role="group">
            <Text size="sm">
              <b>Peak:</b>{' '}
              {history.max !== null && history.maxAt !== null
                ? `${history.max} ${unit} at ${new Date(history.maxAt).toLocaleString()}`
                : 'no datapoints in this range'}
            </Text>
            <Text size="sm">
              <b>Quota:</b>{' '}
              {form.metricKind === 'billing'
                ? 'not applicable'
                : history.quota.value !== null
                  ? `${history.quota.value} vCPUs (${history.quota.quotaCode})`
                  : `not shown — ${history.quota.note ?? 'unknown'}`}
            </Text>
            <Text size="sm">
              <b>Datapoints:</b> {history.points.length} at {history.period / 60} min
            </Text>
          </Group>
          {history.notes.map((n) => (
            <Text key={n} size="xs" c="dimmed">
              {n}
            </Text>
          ))}
          <Group align="flex-end" gap="md">
            <TextInput
              label="Threshold"
              description={`Alarm when ${form.stat.toLowerCase()} ${unit} go above this (or drag the red line).`}
              value={form.threshold}
              onChange={(e) => onChange({ ...form, threshold: e.currentTarget.value })}
              error={form.threshold.trim() === '' ? undefined : thresholdError}
              w={320}
              inputMode="decimal"
              autoComplete="off"
            />
            {history.suggestion.value !== null && (
              <Button variant="light" onClick={() => onChange({ ...form, threshold: String(history.suggestion.value) })}>
                Use suggestion ({history.suggestion.value})
              </Button>
            )}
          </Group>
          <Text size="sm" c="dimmed" aria-label="Suggestion">
            Suggested threshold: {history.suggestion.value ?? '—'} — {history.suggestion.reason}
          </Text>
          <BacktestSummary result={result} range={form.range} warnings={warningsOf(form, history)} notifyOn={form.notifyOn} />
        </>
      )}
    </Stack>
  );
}
