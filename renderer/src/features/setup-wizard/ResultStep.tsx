import { Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconPlus, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { CloudConfiguration, VerifyResult } from '../../../../shared/contract/setup';
import type { AppErrorShape } from '../../../../shared/errors';
import { api, call } from '../../api';
import { downloadText } from '../../components/clipboard';
import { CopyValueButton } from '../../components/CopyValueButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { VerifyChecks } from '../../components/VerifyChecks';
import { configurationJson, exportFileName, RESULT_FIELDS } from './model';

/** The created Cloud Configuration: values to copy into the platform's form, JSON export and Verify. */
export function ResultStep({ config, onRestart }: { config: CloudConfiguration; onRestart: () => void }) {
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  async function runVerify() {
    setVerifying(true);
    setError(null);
    const result = await call(() => api().setup.verify({ name: config.name }));
    setVerifying(false);
    if (result.ok) setVerify(result.value);
    else {
      setVerify(null);
      setError(result.error);
    }
  }

  return (
    <Stack maw={960}>
      <Text size="sm">
        Enter these values in the platform's <b>Cloud Configuration</b> form. They are also saved under Configurations.
      </Text>
      <Card withBorder padding={0}>
        <Table verticalSpacing="xs" aria-label="Cloud Configuration">
          <Table.Tbody>
            {RESULT_FIELDS.map(({ key, label }) => (
              <Table.Tr key={key}>
                <Table.Th w={190}>{label}</Table.Th>
                <Table.Td style={{ wordBreak: 'break-all' }}>
                  <code>{config[key]}</code>
                </Table.Td>
                <Table.Td w={50}>
                  <CopyValueButton value={config[key]} label={label} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Group>
        <Button leftSection={<IconShieldCheck size={18} />} loading={verifying} onClick={() => void runVerify()}>
          Verify
        </Button>
        <Button
          variant="default"
          leftSection={<IconDownload size={18} />}
          onClick={() => downloadText(exportFileName(config), configurationJson(config))}
        >
          Export JSON
        </Button>
        <Button variant="subtle" leftSection={<IconPlus size={18} />} onClick={onRestart}>
          New setup
        </Button>
      </Group>
      {error && <ErrorAlert error={error} />}
      {verify && <VerifyChecks result={verify} />}
    </Stack>
  );
}
