import { Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconPlus, IconShieldCheck } from '@tabler/icons-react';
import { useCallback } from 'react';
import type { CloudConfiguration } from '../../../../shared/contract/setup';
import { api, useApiCall } from '../../api';
import { downloadText } from '../../components/clipboard';
import { CopyValueButton } from '../../components/CopyValueButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { VerifyChecks } from '../../components/VerifyChecks';
import { ExportMenu } from '../../components/ExportMenu';
import { RegisterWithPlatform } from '../platform';
import { configurationJson, exportFileName, RESULT_FIELDS } from './model';

/** The created Cloud Configuration: values to copy into the platform's form, JSON export and Verify. */
export function ResultStep({ config, onRestart }: { config: CloudConfiguration; onRestart: () => void }) {
  const verify = useApiCall(useCallback(() => api().setup.verify({ name: config.name }), [config.name]));

  return (
    <Stack maw={960}>
      <Text size="sm">
        Register them with the Bodo Platform below, or enter them in the platform's <b>Cloud Configuration</b> form. They are also saved under Configurations.
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
        <Button leftSection={<IconShieldCheck size={18} />} loading={verify.loading} onClick={() => void verify.run()}>
          Verify
        </Button>
        <Button
          variant="default"
          leftSection={<IconDownload size={18} />}
          onClick={() => downloadText(exportFileName(config), configurationJson(config))}
        >
          Export JSON
        </Button>
        <ExportMenu name={config.name} />
        <Button variant="subtle" leftSection={<IconPlus size={18} />} onClick={onRestart}>
          New setup
        </Button>
      </Group>
      {verify.error && <ErrorAlert error={verify.error} />}
      {verify.value && <VerifyChecks result={verify.value} />}
      <RegisterWithPlatform name={config.name} />
    </Stack>
  );
}
