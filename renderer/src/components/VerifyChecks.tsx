import { Alert, List, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { VerifyResult } from '../../../shared/contract/setup';

/** The checks of a verify run, each marked passed or failed. */
export function VerifyChecks({ result }: { result: VerifyResult }) {
  const failed = result.checks.filter((c) => !c.ok).length;
  return (
    <Alert
      color={result.ok ? 'teal' : 'orange'}
      variant="light"
      title={result.ok ? `All ${result.checks.length} checks passed` : `${failed} of ${result.checks.length} checks failed`}
    >
      <List spacing={4} size="sm" aria-label="Verification checks" center>
        {result.checks.map((c) => (
          <List.Item
            key={c.id}
            aria-label={`${c.id}: ${c.ok ? 'ok' : 'failed'}`}
            icon={
              <ThemeIcon color={c.ok ? 'teal' : 'red'} size={18} radius="xl">
                {c.ok ? <IconCheck size={12} /> : <IconX size={12} />}
              </ThemeIcon>
            }
          >
            <Text size="sm" span fw={500}>
              {c.id}
            </Text>{' '}
            <Text size="sm" span c="dimmed">
              {c.detail}
            </Text>
          </List.Item>
        ))}
      </List>
      {!result.ok && (
        <Text size="sm" mt="xs">
          Fix the failed items in AWS (or delete and re-create the configuration), then verify again.
        </Text>
      )}
    </Alert>
  );
}
