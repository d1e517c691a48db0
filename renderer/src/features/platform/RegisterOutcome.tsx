import { Code, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import type { RegisterResult } from '../../../../shared/contract/platform';
import { ComparisonTable } from './ComparisonTable';
import { registerSummary } from './model';

/** The platform's answer to Register: its UUID and status, and the values side by side. */
export function RegisterOutcome({ result }: { result: RegisterResult }) {
  const summary = registerSummary(result);
  return (
    <Paper withBorder p="md" role="status" aria-label={`Platform registration of ${result.name}`} style={{ borderColor: `var(--mantine-color-${summary.color}-6)` }}>
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon color={summary.color} variant="light" radius="xl" size="md" aria-hidden>
            {result.matches ? <IconCheck size={16} /> : <IconAlertTriangle size={16} />}
          </ThemeIcon>
          <Text fw={600}>{summary.title}</Text>
        </Group>
        <Group gap="xs">
          <Text size="sm">UUID</Text>
          <Code>{result.uuid}</Code>
          <Text size="sm">Status</Text>
          <Code>{result.status}</Code>
        </Group>
        {result.note && <Text size="sm">{result.note}</Text>}
        <ComparisonTable fields={result.fields} name={result.name} />
      </Stack>
    </Paper>
  );
}
