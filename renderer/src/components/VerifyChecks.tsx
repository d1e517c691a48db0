import { Alert, Button, Group, List, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconTool, IconX } from '@tabler/icons-react';
import type { VerifyResult } from '../../../shared/contract/setup';

/** Failed checks first, each group in the order verify reported them. */
export function orderedChecks(result: VerifyResult): VerifyResult['checks'] {
  return [...result.checks.filter((c) => !c.ok), ...result.checks.filter((c) => c.ok)];
}

/** The checks of a verify run in words people read, failures first; a Repair action when given. */
export function VerifyChecks({ result, onRepair, repairing }: { result: VerifyResult; onRepair?: () => void; repairing?: boolean }) {
  const failed = result.checks.filter((c) => !c.ok).length;
  return (
    <Alert
      color={result.ok ? 'teal' : 'orange'}
      variant="light"
      title={result.ok ? `All ${result.checks.length} checks passed` : `${failed} of ${result.checks.length} checks failed`}
    >
      <List spacing={4} size="sm" aria-label="Verification checks" center>
        {orderedChecks(result).map((c) => (
          <List.Item
            key={c.id}
            aria-label={`${c.label}: ${c.ok ? 'ok' : 'failed'}`}
            icon={
              <ThemeIcon color={c.ok ? 'teal' : 'red'} size={18} radius="xl" aria-hidden>
                {c.ok ? <IconCheck size={12} /> : <IconX size={12} />}
              </ThemeIcon>
            }
          >
            <Text size="sm" span fw={500} title={c.id}>
              {c.label}
            </Text>{' '}
            <Text size="sm" span c="dimmed">
              — {c.detail}
            </Text>
          </List.Item>
        ))}
      </List>
      {!result.ok && (
        <Group mt="xs" gap="sm">
          <Text size="sm">Repair re-applies the configuration: Onramp fixes what it made; anything it cannot fix shows as a conflict in the plan.</Text>
          {onRepair && (
            <Button size="compact-sm" leftSection={<IconTool size={16} />} loading={repairing} onClick={onRepair}>
              Repair
            </Button>
          )}
        </Group>
      )}
    </Alert>
  );
}
