import { Button, Group, Paper, Stack, Table, Title } from '@mantine/core';
import { useEffect } from 'react';
import { api, useApiCall } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber, formatUsd } from '../../../../shared/format';

/** The session's AWS requests and what they cost: CloudWatch GetMetricData (about $0.01 per 1,000 metrics) and Cost Explorer ($0.01 a request). */
export function RequestsPanel() {
  const requests = useApiCall(() => api().usage.requests({}));
  useEffect(() => {
    void requests.run();
    // Once on mount; Refresh re-reads.
  }, []);
  const cw = requests.value?.cloudwatch;
  const ce = requests.value?.costExplorer;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            AWS requests this session
          </Title>
          <Button variant="default" size="xs" onClick={() => void requests.run()} loading={requests.loading}>
            Refresh
          </Button>
        </Group>
        {requests.error && <ErrorAlert error={requests.error} />}
        {requests.value && cw && ce && (
          <Table aria-label="AWS requests this session" withTableBorder>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>All AWS API calls</Table.Td>
                <Table.Td>{formatNumber(requests.value.total)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>CloudWatch GetMetricData requests</Table.Td>
                <Table.Td>{formatNumber(cw.getMetricData)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>Metrics requested / datapoints asked for</Table.Td>
                <Table.Td>
                  {formatNumber(cw.metricsRequested)} / {formatNumber(cw.datapointsRequested)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>Estimated CloudWatch cost</Table.Td>
                <Table.Td>{formatUsd(cw.estimatedCostUsd)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>Cost Explorer requests ($0.01 each, every page counted)</Table.Td>
                <Table.Td>{ce.requests}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>Cost Explorer cost</Table.Td>
                <Table.Td>${ce.estimatedCostUsd.toFixed(2)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
