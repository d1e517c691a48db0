import { Card, List, Text } from '@mantine/core';

/** When to use an AWS Budgets budget and when a vCPU alarm (shown on the Cost screen and in the alarm wizard). */
export function BudgetOrAlarmNote({ compact = false }: { compact?: boolean }) {
  return (
    <Card withBorder padding="sm" role="note" aria-label="Budget or vCPU alarm">
      <Text size="sm" fw={500} mb={4}>
        Budget or vCPU alarm?
      </Text>
      <List size="sm" spacing={2}>
        <List.Item>
          <b>A budget</b> (Cost screen) watches <b>dollars</b>: the month&apos;s actual bill and AWS&apos;s forecast of it, the platform&apos;s Marketplace charges
          included. AWS updates those figures a few times a day, so a budget tells you within hours.
        </List.Item>
        <List.Item>
          <b>A vCPU alarm</b> (New alarm) watches <b>usage</b>: how many vCPUs run, minute by minute. It fires within minutes of a runaway cluster but knows nothing of
          prices or of the platform&apos;s charges.
        </List.Item>
      </List>
      {!compact && (
        <Text size="xs" c="dimmed" mt={4}>
          Use both: the alarm to catch a spike quickly, the budget to keep the month&apos;s bill within bounds.
        </Text>
      )}
    </Card>
  );
}
