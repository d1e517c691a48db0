import { Modal, Stack, Stepper, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SessionInfo } from '../../../../shared/contract/session';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { PlatformResourcesPanel, regionStatuses, useReadiness } from '../readiness';
import { CreateProgressStep } from './CreateProgressStep';
import { InterruptedRuns } from './InterruptedRuns';
import { toSetupInput, WIZARD_STEPS, type WizardStep } from './model';
import { PlanReviewStep } from './PlanReviewStep';
import { SetupRunProvider, useSetupRun } from './run-store';
import { ResultStep } from './ResultStep';
import { SetupFormStep } from './SetupFormStep';
import { NotConnectedAlert } from '../../components/NotConnectedAlert';

const STEP_LABELS: Record<WizardStep, string> = { form: 'Describe', plan: 'Review plan', create: 'Create', result: 'Result' };

interface SetupWizardProps {
  session: SessionInfo | null;
  onGoConnect: () => void;
  /** Open the readiness view (region limits); the wizard links to it when given. */
  onShowReadiness?: () => void;
}

/**
 * Describe → review plan → create → result, for one Cloud Configuration. Its place and run live in
 * the app's SetupRunProvider, so leaving the screen and coming back shows the same run.
 */
export function SetupWizard(props: SetupWizardProps) {
  const run = useSetupRun();
  if (!run) {
    return (
      <SetupRunProvider initialRegion={props.session?.region}>
        <SetupWizard {...props} />
      </SetupRunProvider>
    );
  }
  return <WizardSteps {...props} />;
}

function WizardSteps({ session, onGoConnect, onShowReadiness }: SetupWizardProps) {
  const run = useSetupRun()!;
  const { step, form, job, pollError, result } = run.state;
  const { setStep, setForm } = run;
  const readiness = useReadiness(session);
  const [platformOpen, setPlatformOpen] = useState(false);
  const statusNote = !session
    ? null
    : readiness.loading && !readiness.report
      ? 'Checking each region\'s limits…'
      : readiness.error && !readiness.report
        ? 'Region limits could not be checked; you can still continue.'
        : null;
  const [applying, setApplying] = useState(false);
  const [applyError, setApplyError] = useState<AppErrorShape | null>(null);
  const input = useMemo(() => toSetupInput(form), [form]);
  // When a step replaces the one the user acted in, the focused button disappears: move focus to the
  // new step's content so keyboard and screen-reader users continue from there, not from the page top.
  const stepContent = useRef<HTMLDivElement>(null);
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    stepContent.current?.focus();
  }, [step]);

  async function apply() {
    if (!input) return;
    setApplying(true);
    setApplyError(null);
    const started = await call(() => api().setup.apply(input));
    setApplying(false);
    if (!started.ok) return setApplyError(started.error);
    run.track(started.value.jobId);
  }

  function restart() {
    run.reset(session?.region);
    setApplyError(null);
  }

  return (
    <Stack>
      <Title order={1} size="h2">New Cloud Configuration</Title>
      {!session && (
        <NotConnectedAlert purpose="before reviewing a plan." onGoConnect={onGoConnect} />
      )}
      {session && step !== 'create' && <InterruptedRuns onStarted={(id) => run.track(id)} />}
      <div ref={stepContent} tabIndex={-1} aria-label={`Setup step: ${STEP_LABELS[step]}`} style={{ outline: 'none' }}>
        <Stepper active={WIZARD_STEPS.indexOf(step)} allowNextStepsSelect={false} size="sm">
          <Stepper.Step label="Describe" description="Names and region">
            <SetupFormStep
              form={form}
              onChange={setForm}
              onNext={() => setStep('plan')}
              regionStatus={regionStatuses(readiness.report)}
              regionStatusNote={statusNote}
              onShowReadiness={onShowReadiness}
              onShowPlatform={() => setPlatformOpen(true)}
            />
          </Stepper.Step>
          <Stepper.Step label="Review plan" description="What will change">
            {step === 'plan' && input && (
              <PlanReviewStep
                input={input}
                applying={applying}
                applyError={applyError}
                onBack={() => setStep('form')}
                onApply={() => void apply()}
              />
            )}
          </Stepper.Step>
          <Stepper.Step label="Create" description="Live progress">
            {step === 'create' && (
              <CreateProgressStep
                job={job}
                pollError={pollError}
                onCancel={() => void run.cancel()}
                onBack={() => setStep(input ? 'plan' : 'form')}
                onDone={() => setStep('result')}
              />
            )}
          </Stepper.Step>
          <Stepper.Step label="Result" description="Copy, export, verify">
            {step === 'result' && result && <ResultStep config={result} onRestart={restart} />}
          </Stepper.Step>
        </Stepper>
      </div>
      <Modal opened={platformOpen} onClose={() => setPlatformOpen(false)} title="What the platform will create" size="xl">
        <PlatformResourcesPanel
          onShowLimit={() => {
            setPlatformOpen(false);
            if (onShowReadiness) onShowReadiness();
          }}
        />
      </Modal>
    </Stack>
  );
}
