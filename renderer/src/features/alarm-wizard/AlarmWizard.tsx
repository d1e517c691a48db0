import { Alert, Button, Group, Stack, Stepper, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { SessionInfo } from '../../../../shared/contract/session';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call, useApiCall } from '../../api';
import { ConditionsStep } from './ConditionsStep';
import { HistoryStep } from './HistoryStep';
import { MetricStep } from './MetricStep';
import {
  ALARM_STEPS,
  backtestOf,
  canLeave,
  conditionsOf,
  errorsOfStep,
  initialAlarmForm,
  metricOf,
  takePendingEdit,
  toRequest,
  validateAlarmForm,
  type AlarmForm,
  type AlarmStep,
} from './model';
import { NotificationStep } from './NotificationStep';
import { ReviewStep, type CreateResult } from './ReviewStep';

const STEP_LABELS: Record<AlarmStep, { label: string; description: string }> = {
  metric: { label: 'Metric', description: 'Region and metric' },
  history: { label: 'History & threshold', description: 'Chart and backtest' },
  conditions: { label: 'Conditions', description: 'M of N, missing data' },
  notification: { label: 'Notification', description: 'SNS topic and emails' },
  review: { label: 'Name & create', description: 'Preview and create' },
};

/** Metric → history & threshold → conditions → notification → name, preview and create. */
export function AlarmWizard({ session, onGoConnect, onOpenDashboard }: { session: SessionInfo | null; onGoConnect: () => void; onOpenDashboard?: () => void }) {
  const [initial] = useState(() => takePendingEdit());
  const [form, setForm] = useState<AlarmForm>(() => initial ?? initialAlarmForm(session?.region));
  const [step, setStep] = useState<AlarmStep>(initial ? 'history' : 'metric');
  const [thresholdTouched, setThresholdTouched] = useState(initial !== null);
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<AppErrorShape | null>(null);
  const [result, setResult] = useState<CreateResult | null>(null);
  const history = useApiCall(api().usage.history);
  const errors = useMemo(() => validateAlarmForm(form), [form]);
  const index = ALARM_STEPS.indexOf(step);

  // Reload the history whenever what it shows changes (once past the metric step).
  const metricKey = JSON.stringify([form.region, metricOf(form), form.range, form.stat, form.period]);
  const { run: runHistory } = history;
  useEffect(() => {
    if (index < 1) return;
    void runHistory({ region: form.region, metric: metricOf(form), range: form.range, stat: form.stat, period: form.period });
    // metricKey stands for the form fields the request uses.
  }, [metricKey, index >= 1, runHistory]);

  // Until the user sets a threshold, follow the suggestion.
  const suggestion = history.value?.suggestion.value ?? null;
  useEffect(() => {
    if (!thresholdTouched && suggestion !== null) setForm((f) => ({ ...f, threshold: String(suggestion) }));
  }, [suggestion, thresholdTouched]);

  const conditions = useMemo(() => conditionsOf(form), [form]);
  const backtest = useMemo(() => (history.value && conditions ? backtestOf(history.value, conditions) : null), [history.value, conditions]);

  const change = (next: AlarmForm) => {
    if (next.threshold !== form.threshold) setThresholdTouched(true);
    setForm(next);
  };

  async function create() {
    setCreating(true);
    setCreateError(null);
    const r = await call(() => api().alarms.create(toRequest(form)));
    setCreating(false);
    if (r.ok) setResult(r.value);
    else setCreateError(r.error);
  }

  const stepErrors = errorsOfStep(errors, step);
  const common = { form, onChange: change };
  return (
    <Stack>
      <Title order={1} size="h2">{initial ? `Edit alarm ${initial.name}` : 'New alarm'}</Title>
      {!session && (
        <Alert color="yellow" title="Not connected">
          Connect to an AWS profile to read usage and create alarms.{' '}
          <Button size="compact-sm" variant="light" onClick={onGoConnect}>
            Go to Connect
          </Button>
        </Alert>
      )}
      <Stepper active={index} onStepClick={(i) => i < index && setStep(ALARM_STEPS[i]!)} size="sm" allowNextStepsSelect={false}>
        {ALARM_STEPS.map((s) => (
          <Stepper.Step key={s} label={STEP_LABELS[s].label} description={STEP_LABELS[s].description}>
            {s === step && s === 'metric' && <MetricStep {...common} />}
            {s === step && s === 'history' && (
              <HistoryStep {...common} history={history.value} loading={history.loading} error={history.error} result={backtest} thresholdError={errors.threshold} />
            )}
            {s === step && s === 'conditions' && <ConditionsStep {...common} errors={stepErrors} history={history.value} result={backtest} />}
            {s === step && s === 'notification' && <NotificationStep {...common} errors={stepErrors} />}
            {s === step && s === 'review' && (
              <ReviewStep
                {...common}
                errors={errors}
                creating={creating}
                createError={createError}
                result={result}
                onCreate={() => void create()}
                onOpenDashboard={onOpenDashboard}
              />
            )}
          </Stepper.Step>
        ))}
      </Stepper>
      <Group justify="space-between" maw={960}>
        <Button variant="default" disabled={index === 0} onClick={() => setStep(ALARM_STEPS[index - 1]!)}>
          Back
        </Button>
        {step !== 'review' && (
          <Button disabled={!canLeave(errors, step)} onClick={() => setStep(ALARM_STEPS[index + 1]!)}>
            Next: {STEP_LABELS[ALARM_STEPS[index + 1]!].label}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
