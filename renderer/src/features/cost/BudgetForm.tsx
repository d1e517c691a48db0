import { Alert, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { formatMoney } from '../../../../shared/cost/decimal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { budgetConfigFrom, type BudgetForm as Form, type BudgetFormErrors } from './budget-form';
import type { useBudgetRun } from './cost-run';

/** The new-budget form: a monthly cost budget with actual and forecasted alerts; the create is a cancellable, all-or-nothing run kept across navigation. */
export function BudgetForm({ budget }: { budget: NonNullable<ReturnType<typeof useBudgetRun>> }) {
  const form = budget.value.form;
  const [errors, setErrors] = useState<BudgetFormErrors>({});
  const set = (patch: Partial<Form>) => budget.update((v) => ({ ...v, form: { ...v.form, ...patch } }));
  const { result, error, creating: running, cancelling } = budget;
  const onClose = budget.close;

  const create = async () => {
    const checked = budgetConfigFrom(form);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    await budget.create(checked.config);
  };
  const cancel = () => void budget.cancel();
  const step = budget.steps.at(-1);

  if (result) {
    return (
      <Alert color="teal" title={result.created ? `Budget ${result.name} created` : `Budget ${result.name} already existed`} role="status">
        <Stack gap={4}>
          <Text size="sm">
            {formatMoney(result.amount, result.unit)} a month, {result.scope === 'platform' ? "the platform's AWS Marketplace charges" : 'every charge'}; alerts{' '}
            {result.notifications.map((n) => `${n.type.toLowerCase()} > ${n.threshold}%`).join(', ')} to {result.subscribers.map((s) => s.address).join(', ')}.
          </Text>
          {result.topicPolicy === 'added' && <Text size="sm">The topic&apos;s access policy now lets AWS Budgets publish to it (one statement added, nothing else changed).</Text>}
          {result.notes.map((n) => (
            <Text key={n} size="xs" c="dimmed">
              {n}
            </Text>
          ))}
          <Group>
            <Button size="xs" variant="default" onClick={onClose}>
              Close
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }

  return (
    <Card withBorder padding="md" component="form" aria-label="New budget" onSubmit={(e) => (e.preventDefault(), void create())}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          New monthly budget
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" value={form.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} disabled={running} />
          <TextInput label="Monthly amount (USD)" placeholder="500" value={form.amount} onChange={(e) => set({ amount: e.currentTarget.value })} error={errors.amount} disabled={running} />
        </SimpleGrid>
        <div>
          <Text size="sm" fw={500} id="budget-scope-label">
            What it counts
          </Text>
          <SegmentedControl
            aria-labelledby="budget-scope-label"
            value={form.scope}
            onChange={(v) => set({ scope: v === 'platform' ? 'platform' : 'all' })}
            data={[
              { value: 'all', label: 'Every charge' },
              { value: 'platform', label: 'Platform only (AWS Marketplace)' },
            ]}
            disabled={running}
          />
          <Text size="xs" c="dimmed">
            Credits and refunds are left out, so they cannot hide a runaway month.
          </Text>
        </div>
        <TextInput
          label="Email addresses"
          description="Separated by commas; at most 10."
          placeholder="ops@example.com"
          value={form.emails}
          onChange={(e) => set({ emails: e.currentTarget.value })}
          error={errors.emails}
          disabled={running}
        />
        <TextInput
          label="SNS topic ARN (optional)"
          description="Onramp adds one statement to its access policy so AWS Budgets may publish to it."
          placeholder="arn:aws:sns:us-east-1:123456789012:ops-alerts"
          value={form.topicArn}
          onChange={(e) => set({ topicArn: e.currentTarget.value })}
          error={errors.topicArn}
          disabled={running}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Alert on actual spend at (% of the amount)" value={form.actual} onChange={(e) => set({ actual: e.currentTarget.value })} error={errors.actual} disabled={running} />
          <TextInput label="Alert on forecasted spend at (%)" value={form.forecasted} onChange={(e) => set({ forecasted: e.currentTarget.value })} error={errors.forecasted} disabled={running} />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          At most 5 alerts in all. A budget without actions costs nothing.
        </Text>
        {error && <ErrorAlert error={error} hint={error.code === 'AccessDenied' ? 'Use a profile allowed budgets:ModifyBudget (and sns:SetTopicAttributes for a topic), or ask an administrator.' : undefined} />}
        <Group>
          <Button type="submit" loading={running} disabled={running}>
            Create budget
          </Button>
          {running && (
            <Button variant="default" onClick={cancel} disabled={cancelling}>
              {cancelling ? 'Cancelling…' : 'Cancel'}
            </Button>
          )}
          {running && step && (
            <Text size="sm" role="status" aria-label="Budget create progress">
              {step.label}
            </Text>
          )}
          <Button variant="subtle" onClick={onClose} disabled={running}>
            Close
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
