import { Button, Group, SegmentedControl, Skeleton, Stack, Text, TextInput, type SegmentedControlItem } from '@mantine/core';
import type { UsageHistory } from '../../../../shared/contract/monitoring';
import type { BacktestResult } from '../../../../shared/monitoring/backtest';
import { summedClassesLabel, usageClassLabel } from '../../../../shared/monitoring/metric';
import { RANGE_IDS, type RangeId } from '../../../../shared/monitoring/range';
import type { AppErrorShape } from '../../../../shared/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BacktestChart } from './BacktestChart';
import { BacktestSummary } from './BacktestSummary';
import { historyRegion, RANGE_LABELS, warningsOf, type AlarmForm } from './model';

/** A small segmented control with a visible label above it (the label also names it for assistive technology). */
function LabeledSegments({ label, data, value, onChange }: { label: string; data: SegmentedControlItem[] | string[]; value: string; onChange: (value: string) => void }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <SegmentedControl aria-label={label} size="xs" data={data} value={value} onChange={onChange} />
    </Stack>
  );
}

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
  const unit = form.metricKind === 'billing' ? 'USD' : 'vCPUs';
  return (
    <Stack gap="md">
      <Group gap="lg" align="flex-end" wrap="wrap">
        <LabeledSegments label="Range" data={RANGE_IDS.map((id) => ({ value: id, label: id }))} value={form.range} onChange={(v) => onChange({ ...form, range: v as RangeId })} />
        <LabeledSegments label="Statistic" data={['Maximum', 'Average']} value={form.stat} onChange={(v) => onChange({ ...form, stat: v === 'Average' ? 'Average' : 'Maximum' })} />
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
          {form.metricKind === 'vcpu' && form.usageClass === 'all' && (
            <Text size="sm" aria-label="Classes covered">
              {usageClassLabel('all')}: the chart is their sum, {summedClassesLabel(history.classes)}.
            </Text>
          )}
          <BacktestChart
            form={form}
            history={history}
            result={result}
            label={`${unit} over ${RANGE_LABELS[form.range].phrase}`}
            onThresholdChange={(v) => onChange({ ...form, threshold: String(v) })}
          />
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
