import { Button, Group, Stack, Stepper, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CreateAlarmResult } from '../../../../shared/contract/monitoring';
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
  historyRegion,
  initialAlarmForm,
  metricOf,
  toRequest,
  validateAlarmForm,
  type AlarmForm,
  type AlarmStep,
} from './model';
import { NotificationStep } from './NotificationStep';
import { ReviewStep } from './ReviewStep';
import { useTopicPlan } from './use-topic-plan';
import { NotConnectedAlert } from '../../components/NotConnectedAlert';

const STEP_LABELS: Record<AlarmStep, { label: string; description: string }> = {
  metric: { label: 'Metric', description: 'Regions and metric' },
  history: { label: 'History & threshold', description: 'Chart and backtest' },
  conditions: { label: 'Conditions', description: 'M of N, missing data' },
  notification: { label: 'Notification', description: 'When, SNS topic, emails' },
  review: { label: 'Name & create', description: 'Preview and create' },
};

/** An id for one create run, so its Cancel reaches that run. */
function newRunId(): string {
  return `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Metric → history & threshold → conditions → notification → name, preview and create.
 * `initialForm` opens it on an existing alarm (the dashboard's Edit).
 */
export function AlarmWizard({
  session,
  onGoConnect,
  onOpenDashboard,
  initialForm = null,
}: {
  session: SessionInfo | null;
  onGoConnect: () => void;
  onOpenDashboard?: () => void;
  initialForm?: AlarmForm | null;
}) {
  const [form, setForm] = useState<AlarmForm>(() => initialForm ?? initialAlarmForm(session?.region));
  const [step, setStep] = useState<AlarmStep>(initialForm ? 'history' : 'metric');
  const [thresholdTouched, setThresholdTouched] = useState(initialForm !== null);
  const [creating, setCreating] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [createError, setCreateError] = useState<AppErrorShape | null>(null);
  const [result, setResult] = useState<CreateAlarmResult | null>(null);
  const runId = useRef<string | null>(null);
  const history = useApiCall(api().usage.history);
  const topic = useTopicPlan(form);
  const errors = useMemo(() => validateAlarmForm(form), [form]);
  const index = ALARM_STEPS.indexOf(step);

  // Reload the history whenever what it shows changes (once past the metric step).
  const region = historyRegion(form);
  const metricKey = JSON.stringify([region, metricOf(form), form.range, form.stat, form.period]);
  const { run: runHistory } = history;
  useEffect(() => {
    if (index < 1) return;
    void runHistory({ region, metric: metricOf(form), range: form.range, stat: form.stat, period: form.period });
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
    const id = newRunId();
    runId.current = id;
    setCreating(true);
    setCreateError(null);
    const r = await call(() => api().alarms.create({ config: toRequest(form), runId: id }));
    runId.current = null;
    setCreating(false);
    setCancelling(false);
    if (r.ok) setResult(r.value);
    else setCreateError(r.error);
  }

  async function cancel() {
    if (!runId.current) return;
    setCancelling(true);
    await call(() => api().alarms.cancel({ runId: runId.current! }));
  }

  const stepErrors = errorsOfStep(errors, step);
  const common = { form, onChange: change };
  return (
    <Stack>
      <Title order={1} size="h2">{initialForm ? `Edit alarm ${initialForm.name}` : 'New alarm'}</Title>
      {!session && (
        <NotConnectedAlert purpose="to read usage and create alarms." onGoConnect={onGoConnect} />
      )}
      <Stepper active={index} onStepClick={(i) => i < index && !creating && setStep(ALARM_STEPS[i]!)} size="sm" allowNextStepsSelect={false}>
        {ALARM_STEPS.map((s) => (
          <Stepper.Step key={s} label={STEP_LABELS[s].label} description={STEP_LABELS[s].description}>
            {s === step && s === 'metric' && <MetricStep {...common} errors={stepErrors} />}
            {s === step && s === 'history' && (
              <HistoryStep {...common} history={history.value} loading={history.loading} error={history.error} result={backtest} thresholdError={errors.threshold} />
            )}
            {s === step && s === 'conditions' && <ConditionsStep {...common} errors={stepErrors} history={history.value} result={backtest} />}
            {s === step && s === 'notification' && <NotificationStep {...common} errors={stepErrors} topic={topic} />}
            {s === step && s === 'review' && (
              <ReviewStep
                {...common}
                errors={errors}
                plan={topic.plan}
                creating={creating}
                cancelling={cancelling}
                createError={createError}
                result={result}
                onCreate={() => void create()}
                onCancel={() => void cancel()}
                onOpenDashboard={onOpenDashboard}
              />
            )}
          </Stepper.Step>
        ))}
      </Stepper>
      <Group justify="space-between" maw={960}>
        <Button variant="default" disabled={index === 0 || creating} onClick={() => setStep(ALARM_STEPS[index - 1]!)}>
          Back
        </Button>
        {step !== 'review' && (
          <Button disabled={!canLeave(errors, step) || (step === 'notification' && topic.plan.conflicts.length > 0)} onClick={() => setStep(ALARM_STEPS[index + 1]!)}>
            Next: {STEP_LABELS[ALARM_STEPS[index + 1]!].label}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
