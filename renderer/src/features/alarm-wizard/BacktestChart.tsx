import type { UsageHistory } from '../../../../shared/contract/usage';
import type { BacktestResult } from '../../../../shared/monitoring/backtest';
import { ChartLegend } from '../../components/charts/ChartLegend';
import { LazyTimeSeriesChart } from '../../components/charts/LazyCharts';
import { parseNumber, type AlarmForm } from './model';

/**
 * The usage history with the form's threshold, the backtest's ALARM and INSUFFICIENT_DATA shading,
 * the quota line for vCPU usage, and its legend — as the History and Conditions steps both draw it.
 */
export function BacktestChart({
  form,
  history,
  result,
  label,
  height,
  onThresholdChange,
}: {
  form: AlarmForm;
  history: UsageHistory;
  result: BacktestResult | null;
  label: string;
  height?: number;
  /** When given, the threshold line can be dragged. */
  onThresholdChange?: (value: number) => void;
}) {
  const threshold = parseNumber(form.threshold);
  return (
    <>
      <LazyTimeSeriesChart
        label={label}
        height={height}
        points={history.points}
        start={history.start}
        end={history.end}
        threshold={typeof threshold === 'number' ? threshold : null}
        episodes={result?.episodes}
        insufficient={result?.insufficient}
        quota={form.metricKind === 'vcpu' ? history.quota.value : null}
        unit={form.metricKind === 'billing' ? 'USD' : 'vCPUs'}
        onThresholdChange={onThresholdChange}
      />
      <ChartLegend alarm={Boolean(result?.episodes.length)} insufficient={Boolean(result?.insufficient.length)} />
    </>
  );
}
