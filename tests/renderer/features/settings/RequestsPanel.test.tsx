// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RequestsPanel } from '../../../../renderer/src/features/settings/RequestsPanel';
import { renderUi } from '../../helpers/dom';
import { createFakeApi } from '../../helpers/fake-api';

describe('RequestsPanel', () => {
  it("shows the session's request count, the CloudWatch cost estimate and the Cost Explorer requests", async () => {
    createFakeApi({
      'usage:requests': () => ({
        total: 42,
        byOperation: { 'cloudwatch:GetMetricDataCommand': 6 },
        cloudwatch: { getMetricData: 6, metricsRequested: 6, datapointsRequested: 18_143, estimatedCostUsd: 0.00006 },
        costExplorer: { requests: 5, estimatedCostUsd: 0.05 },
      }),
    }).install();
    renderUi(<RequestsPanel />);
    const table = await screen.findByRole('table', { name: 'AWS requests this session' });
    expect(within(table).getByText('CloudWatch GetMetricData requests').nextSibling).toHaveTextContent('6');
    expect(table).toHaveTextContent('6 / 18,143');
    expect(table).toHaveTextContent('$0.00006');
    expect(table).toHaveTextContent('42');
    expect(within(table).getByText(/^Cost Explorer requests/).nextSibling).toHaveTextContent('5');
    expect(within(table).getByText('Cost Explorer cost').nextSibling).toHaveTextContent('$0.05');
  });
});
