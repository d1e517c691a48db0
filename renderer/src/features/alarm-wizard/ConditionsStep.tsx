import { Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { UsageHistory } from '../../../../shared/contract/usage';
import type { BacktestResult, TreatMissing } from '../../../../shared/monitoring/backtest';
import { BacktestChart } from './BacktestChart';
import { BacktestSummary } from './BacktestSummary';
import { PERIOD_OPTIONS, TREAT_MISSING_OPTIONS, warningsOf, type AlarmForm, type FieldErrors } from './model';

/** Step 3: comparison, period, M of N and missing data; the backtest follows every change. */
export function ConditionsStep({
  form,
  onChange,
  errors,
  history,
  result,
}: {
  form: AlarmForm;
  onChange: (form: AlarmForm) => void;
  errors: FieldErrors;
  history: UsageHistory | null;
  result: BacktestResult | null;
}) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} maw={960}>
        <Select
          label="Comparison"
          data={[
            { value: 'gt', label: 'Greater than threshold' },
            { value: 'gte', label: 'Greater than or equal to threshold' },
          ]}
          value={form.comparison}
          onChange={(v) => onChange({ ...form, comparison: v === 'gte' ? 'gte' : 'gt' })}
          allowDeselect={false}
        />
        <Select
          label="Period"
          description="Changing it reloads the history at that period."
          data={PERIOD_OPTIONS.map((p) => ({ value: String(p.value), label: p.label }))}
          value={String(form.period)}
          onChange={(v) => v && onChange({ ...form, period: Number(v) })}
          allowDeselect={false}
          error={errors.period}
        />
        <Select
          label="Missing data"
          description={TREAT_MISSING_OPTIONS.find((o) => o.value === form.treatMissing)?.description}
          data={TREAT_MISSING_OPTIONS.map((o) => ({ value: o.value, label: o.label }))}
          value={form.treatMissing}
          onChange={(v) => v && onChange({ ...form, treatMissing: v as TreatMissing })}
          allowDeselect={false}
        />
        <TextInput
          label="Evaluation periods (N)"
          value={form.evaluationPeriods}
          onChange={(e) => onChange({ ...form, evaluationPeriods: e.currentTarget.value })}
          error={errors.evaluationPeriods}
          inputMode="numeric"
        />
        <TextInput
          label="Datapoints to alarm (M)"
          description="ALARM when M of the N most recent data points breach; with gaps, CloudWatch looks 2 periods further back."
          value={form.datapointsToAlarm}
          onChange={(e) => onChange({ ...form, datapointsToAlarm: e.currentTarget.value })}
          error={errors.datapointsToAlarm}
          inputMode="numeric"
        />
      </SimpleGrid>
      {history && <BacktestChart form={form} history={history} result={result} label="Backtest chart" height={220} />}
      <Group>
        <BacktestSummary result={result} range={form.range} warnings={warningsOf(form, history)} notifyOn={form.notifyOn} />
      </Group>
    </Stack>
  );
}
