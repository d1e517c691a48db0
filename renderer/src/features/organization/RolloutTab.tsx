import { Button, Checkbox, Code, Group, Stack, Text } from '@mantine/core';
import { IconListSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { OrgPlan, OrgRolloutInput } from '../../../../shared/contract/org';
import type { AppErrorShape } from '../../../../shared/errors';
import type { SupportedRegion } from '../../../../shared/regions';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyBlocker, emptyForm, formToInput, type FormField, type RolloutForm } from './model';
import { applyCommand, OrgApply } from './OrgApply';
import { useOrgRun } from './org-run';
import { OrgRunView } from './OrgRunView';
import { PlanView } from './PlanView';
import { RolloutFormFields } from './RolloutFormFields';

/** What the apply part is given once a plan can be applied. */
export interface ApplyRequest {
  input: OrgRolloutInput;
  consentTrustedAccess: boolean;
}

/** Describe a roll-out, plan it, and apply it (a run followed here, kept across navigation). */
export function RolloutTab({ initialRegion }: { initialRegion: SupportedRegion }) {
  const [form, setForm] = useState<RolloutForm>(() => emptyForm(initialRegion));
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [plan, setPlan] = useState<{ plan: OrgPlan; input: OrgRolloutInput } | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [planning, setPlanning] = useState(false);
  const [consent, setConsent] = useState(false);
  const applyRun = useOrgRun('org-apply')!;
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<AppErrorShape | null>(null);

  async function apply(request: ApplyRequest) {
    setStarting(true);
    setStartError(null);
    const refused = await applyRun.start(() => api().org.apply({ ...request.input, consentTrustedAccess: request.consentTrustedAccess }), applyCommand(request));
    setStarting(false);
    setStartError(refused);
  }

  async function runPlan() {
    const checked = formToInput(form);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setError(null);
    setPlanning(true);
    const r = await call(() => api().org.plan(checked.input));
    setPlanning(false);
    if (r.ok) {
      setPlan({ plan: r.value, input: checked.input });
      setConsent(false);
    } else {
      setPlan(null);
      setError(r.error);
    }
  }

  const blocker = plan ? applyBlocker(plan.plan, consent) : null;
  return (
    <Stack>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void runPlan();
        }}
      >
        <Stack>
          <RolloutFormFields
            form={form}
            errors={errors}
            onChange={(f) => {
              setForm(f);
              setPlan(null);
            }}
          />
          <Group>
            <Button type="submit" leftSection={<IconListSearch size={18} aria-hidden />} loading={planning}>
              Plan
            </Button>
            <Text size="sm" c="dimmed">
              Read-only: lists the accounts and looks inside each; nothing is created.
            </Text>
          </Group>
        </Stack>
      </form>
      {error && <ErrorAlert error={error} />}
      {plan && (
        <Stack>
          <PlanView plan={plan.plan} />
          {plan.plan.trustedAccess !== 'ENABLED' && plan.plan.trustedAccess !== 'DISABLED_PERMANENTLY' && (
            <Checkbox
              label="Turn on trusted access for StackSets in this organization (CloudFormation ActivateOrganizationsAccess; it creates the StackSets service-linked roles and changes nothing else)"
              checked={consent}
              onChange={(e) => setConsent(e.currentTarget.checked)}
            />
          )}
          <OrgApply request={blocker ? null : { input: plan.input, consentTrustedAccess: consent }} blocker={blocker} busy={starting || applyRun.running} onApply={(r) => void apply(r)} />
        </Stack>
      )}
      {startError && <ErrorAlert error={startError} />}
      {applyRun.runId && (
        <OrgRunView
          run={applyRun.run}
          cancelling={applyRun.cancelling}
          pollError={applyRun.pollError}
          onCancel={() => void applyRun.cancel()}
          onClear={() => applyRun.clear()}
        />
      )}
      {applyRun.runId && applyRun.command && !plan && (
        <Stack gap={4}>
          <Text size="sm">The same roll-out from a terminal:</Text>
          <Code block>{applyRun.command}</Code>
        </Stack>
      )}
    </Stack>
  );
}
