import { Button, Group, Stack, Stepper, Title } from '@mantine/core';
import { useEffect, useLayoutEffect, useMemo } from 'react';
import type { SessionInfo } from '../../../../shared/contract/session';
import { api, useApiCall } from '../../api';
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
import { AlarmRunProvider, useAlarmRun, type AlarmRunState } from './run-store';
import { useTopicPlan } from './use-topic-plan';
import { NotConnectedAlert } from '../../components/NotConnectedAlert';

const STEP_LABELS: Record<AlarmStep, { label: string; description: string }> = {
  metric: { label: 'Metric', description: 'Regions and metric' },
  history: { label: 'History & threshold', description: 'Chart and backtest' },
  conditions: { label: 'Conditions', description: 'M of N, missing data' },
  notification: { label: 'Notification', description: 'When, SNS topic, emails' },
  review: { label: 'Name & create', description: 'Preview and create' },
};

interface AlarmWizardProps {
  session: SessionInfo | null;
  onGoConnect: () => void;
  onOpenDashboard?: () => void;
  /** The alarm the dashboard's Edit opened the wizard on, or null. */
  initialForm?: AlarmForm | null;
}

/**
 * Metric → history & threshold → conditions → notification → name, preview and create.
 * `initialForm` opens it on an existing alarm (the dashboard's Edit). Its place and create run live
 * in the app's AlarmRunProvider, so leaving the screen and coming back shows the same run.
 */
export function AlarmWizard(props: AlarmWizardProps) {
  const run = useAlarmRun();
  if (!run) {
    return (
      <AlarmRunProvider>
        <AlarmWizard {...props} />
      </AlarmRunProvider>
    );
  }
  return <WizardSteps {...props} />;
}

function WizardSteps({ session, onGoConnect, onOpenDashboard, initialForm = null }: AlarmWizardProps) {
  const run = useAlarmRun()!;
  // Begin on first open, or when the dashboard's Edit hands in another alarm; otherwise keep the place.
  const fresh = run.state === null || (initialForm !== null && initialForm !== run.state.editing);
  const { begin } = run;
  useLayoutEffect(() => {
    if (fresh) begin(initialForm ?? initialAlarmForm(session?.region), initialForm);
  }, [fresh, begin, initialForm, session?.region]);
  if (fresh || !run.state) return null;
  return <Steps run={run} state={run.state} session={session} onGoConnect={onGoConnect} onOpenDashboard={onOpenDashboard} />;
}

function Steps({
  run,
  state,
  session,
  onGoConnect,
  onOpenDashboard,
}: {
  run: NonNullable<ReturnType<typeof useAlarmRun>>;
  state: AlarmRunState;
  session: SessionInfo | null;
  onGoConnect: () => void;
  onOpenDashboard?: () => void;
}) {
  const { form, step, thresholdTouched, runId, cancelling, createError, result, editing } = state;
  const { change, suggest, setStep } = run;
  const creating = runId !== null;
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
    if (!thresholdTouched && suggestion !== null) suggest(suggestion);
  }, [suggestion, thresholdTouched, suggest]);

  const conditions = useMemo(() => conditionsOf(form), [form]);
  const backtest = useMemo(() => (history.value && conditions ? backtestOf(history.value, conditions) : null), [history.value, conditions]);

  const stepErrors = errorsOfStep(errors, step);
  const common = { form, onChange: change };
  const startOver = () => run.begin(initialAlarmForm(session?.region), null);
  return (
    <Stack>
      <Title order={1} size="h2">{editing ? `Edit alarm ${editing.name}` : 'New alarm'}</Title>
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
                onCreate={() => void run.create(toRequest(form))}
                onCancel={() => void run.cancel()}
                onOpenDashboard={onOpenDashboard}
                onStartOver={startOver}
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
