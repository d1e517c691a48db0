// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CostScreen } from '../../../../renderer/src/features/cost/CostScreen';
import { DEFAULT_SETTINGS } from '../../../../shared/contract/settings';
import { renderUi } from '../../helpers/dom';
import { createFakeApi, fail, type FakeHandlers } from '../../helpers/fake-api';
import { fakeRuns } from '../../helpers/runs';
import { BUDGETS, NOW, REPORT, SESSION } from './fixtures';

/** Main's runs: a refresh ends at once with a fresh report (4 requests); a budget create at once with its result. */
let runs = fakeRuns();

function start(handlers: FakeHandlers = {}, session = SESSION) {
  const fake = createFakeApi({
    ...runs.handlers,
    'cost:report': () => REPORT,
    'cost:refresh': () => runs.start('cost-refresh', 'this month', { state: 'succeeded', result: { ...REPORT, cached: false, requests: { costExplorer: 4, estimatedCostUsd: 0.04 } } }),
    'settings:get': () => DEFAULT_SETTINGS,
    'budgets:list': () => BUDGETS,
    'usage:history': ({ region }) => {
      // 10 vCPUs on average in us-east-1 for the last 30 days (hourly points); the other regions refuse.
      if (region !== 'us-east-1') fail('AccessDenied', 'no CloudWatch here');
      const start = NOW - 30 * 86_400_000;
      const points = Array.from({ length: 30 * 24 }, (_, i) => ({ t: start + i * 3_600_000, v: 10 }));
      return { region, namespace: 'AWS/Usage', metricName: 'ResourceCount', dimensions: {}, classes: [], period: 3600, stat: 'Average', start, end: NOW, points, byClass: [], max: 10, maxAt: start, quota: { value: null, note: null, source: 'none' }, suggestion: { value: null, reason: '' }, notes: [] } as never;
    },
    ...handlers,
  }).install();
  renderUi(<CostScreen session={session} onGoConnect={() => undefined} />);
  return fake;
}

beforeEach(() => {
  runs = fakeRuns();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe('CostScreen', () => {
  it("shows the month's figures: the platform apart from the infrastructure, credits apart, AWS's forecast with its interval, and that they came from the cache", async () => {
    const fake = start();
    expect(await screen.findByRole('group', { name: 'Total charges' })).toHaveTextContent('$702.50');
    expect(screen.getByRole('group', { name: 'Bodo Platform (AWS Marketplace)' })).toHaveTextContent('$484.50');
    expect(screen.getByRole('group', { name: 'Infrastructure' })).toHaveTextContent('$218.00');
    expect(screen.getByRole('group', { name: 'Credits and refunds' })).toHaveTextContent('-$50.50');
    expect(screen.getByRole('group', { name: 'Credits and refunds' })).toHaveTextContent('the bill comes to $652.00');
    const forecast = screen.getByRole('group', { name: 'Forecast' });
    expect(forecast).toHaveTextContent('Month-end forecast (Cost Explorer, 2026-11)');
    expect(forecast).toHaveTextContent('$1,107.30');
    expect(forecast).toHaveTextContent('80% prediction interval $1,026.34 – $1,188.26');
    expect(forecast).toHaveTextContent('AWS forecast');
    expect(screen.getByLabelText('Where the figures come from')).toHaveTextContent('From the cache, fetched 2 h ago — no request');
    expect(screen.getByRole('img', { name: /highest was \$36\.80 on 2026-11-01/ })).toBeInTheDocument();
    const services = screen.getByRole('table', { name: 'Charges by service' });
    expect(within(services).getAllByRole('row')[1]).toHaveTextContent('Bodo Platform platform$484.50');
    expect(screen.getByRole('table', { name: 'Largest EC2 usage types' })).toHaveTextContent('USE1-NatGateway-HoursNAT gateway$20.52');
    // The cached answer: no refresh run, so no Cost Explorer request.
    expect(fake.requestsOn('cost:report')).toEqual([{}]);
    expect(fake.requestsOn('cost:refresh')).toEqual([]);
  });

  it("labels Onramp's own estimate as not AWS's, with its method", async () => {
    start({ 'cost:report': () => ({ ...REPORT, forecast: { source: 'onramp-estimate', month: '2026-11', monthEnd: '1109.21', method: "Onramp's estimate, not AWS's: the average daily spend of the 19 complete days…", reason: 'Cost Explorer cannot forecast this account yet.' } }) });
    const forecast = await screen.findByRole('group', { name: 'Forecast' });
    expect(forecast).toHaveTextContent("Onramp's estimate for 2026-11 — not AWS's");
    expect(forecast).toHaveTextContent('$1,109.21');
    expect(forecast).toHaveTextContent('Cost Explorer cannot forecast this account yet.');
    expect(forecast).toHaveTextContent('Onramp estimate');
    expect(forecast).not.toHaveTextContent('AWS forecast');
  });

  it('Refresh starts a refresh run and shows its report; a period with nothing cached starts one by itself', async () => {
    const fake = start({ 'cost:report': (q) => (q.month ? null : REPORT) });
    await screen.findByRole('group', { name: 'Total charges' });
    fireEvent.click(screen.getByRole('button', { name: 'Refresh from Cost Explorer' }));
    await waitFor(() => expect(fake.requestsOn('cost:refresh')).toEqual([{ force: true }]));
    await waitFor(() => expect(screen.getByLabelText('Where the figures come from')).toHaveTextContent('Fetched just now: 4 requests ($0.04)'));
    fireEvent.click(screen.getByRole('combobox', { name: 'Period' }));
    fireEvent.click(await screen.findByRole('option', { name: 'October 2026' }));
    await waitFor(() => expect(fake.requestsOn('cost:report')).toContainEqual({ month: '2026-10' }));
    await waitFor(() => expect(fake.requestsOn('cost:refresh')).toEqual([{ force: true }, { month: '2026-10', force: false }]));
  });

  it('shows the refresh in flight with its step, and Cancel reaches the run; the figures already shown stay', async () => {
    runs.whenCancelled((runId) => runs.end(runId, { state: 'cancelled', cancelling: true, error: { code: 'Cancelled', message: 'Cancelled: nothing was cached from this refresh.' } }));
    const fake = start({
      'cost:refresh': () => runs.start('cost-refresh', 'this month', { steps: [{ id: 'step-1', label: 'Asking Cost Explorer for daily spend by service…', state: 'running', detail: null }] }),
    });
    await screen.findByRole('group', { name: 'Total charges' });
    fireEvent.click(screen.getByRole('button', { name: 'Refresh from Cost Explorer' }));
    expect(await screen.findByText(/Asking Cost Explorer for daily spend by service/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(fake.requestsOn('runs:cancel')).toEqual([{ runId: runs.last() }]));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull());
    expect(screen.getByRole('group', { name: 'Total charges' })).toHaveTextContent('$702.50');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says what to do when Cost Explorer is not enabled', async () => {
    start({
      'cost:report': () => null,
      'cost:refresh': () =>
        runs.start('cost-refresh', 'this month', { state: 'failed', error: { code: 'NotEnabled', message: 'Cost Explorer is not enabled for this account. Open the AWS Billing and Cost Management console → Cost Explorer → "Launch Cost Explorer".' } }),
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not enabled for this account yet');
    expect(alert).toHaveTextContent('Launch Cost Explorer');
  });

  it('puts the vCPU-hour estimate beside the actual EC2 instance spend for the same complete days', async () => {
    start();
    const card = await screen.findByRole('region', { name: 'Estimate and actual EC2 spend' });
    const table = await within(card).findByRole('table', { name: 'Estimate and actual' });
    // 2026-11-01 … 2026-11-19: 19 days × 24 h × 10 vCPUs = 4,560 vCPU-hours; × $0.05 = $228.00.
    expect(table).toHaveTextContent('2026-11-01 to 2026-11-19 (19 days, UTC)');
    expect(table).toHaveTextContent('4,560');
    expect(table).toHaveTextContent('Estimate at $0.05 a vCPU-hour (Settings)$228.00');
    expect(table).toHaveTextContent('Actual EC2 instance spend (Cost Explorer)$190.00');
    expect(table).toHaveTextContent('Actual minus estimate-$38.00');
    expect(card).toHaveTextContent('Usage could not be read in: us-east-2, us-west-1, us-west-2.');
  });

  it('explains when to use a budget and when a vCPU alarm', async () => {
    start();
    const note = await screen.findByRole('note', { name: 'Budget or vCPU alarm' });
    expect(note).toHaveTextContent('A budget (Cost screen) watches dollars');
    expect(note).toHaveTextContent('A vCPU alarm (New alarm) watches usage');
  });

  it('lists budgets, creates one from the form (checked first), and deletes one after confirming', async () => {
    const fake = start({
      'budgets:create': ({ config }) =>
        runs.start('budget-create', config.name, {
          state: 'succeeded',
          result: { name: config.name, amount: config.amount, unit: 'USD', scope: config.scope ?? 'all', notifications: [{ type: 'ACTUAL', threshold: 80 }], subscribers: [{ type: 'EMAIL', address: 'ops@example.com' }], created: true, topicPolicy: null, notes: [] },
        }),
      'budgets:delete': ({ name }) => ({ name, deleted: true as const, topicPolicy: null, notes: [] }),
    });
    const table = await screen.findByRole('table', { name: 'Budgets' });
    expect(table).toHaveTextContent('platform-monthly');
    expect(table).toHaveTextContent('Platform (Marketplace)');
    expect(table).toHaveTextContent('$484.50 / $760.00');
    fireEvent.click(screen.getByRole('button', { name: 'New budget' }));
    const form = await screen.findByRole('form', { name: 'New budget' });
    fireEvent.change(within(form).getByLabelText('Monthly amount (USD)'), { target: { value: '1,000' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create budget' }));
    expect(await within(form).findByText('Give at least one email address or an SNS topic to notify.')).toBeInTheDocument();
    expect(fake.requestsOn('budgets:create')).toHaveLength(0);
    fireEvent.change(within(form).getByLabelText('Email addresses'), { target: { value: 'ops@example.com, dev@example.com' } });
    fireEvent.click(within(form).getByRole('radio', { name: 'Platform only (AWS Marketplace)' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Create budget' }));
    expect(await screen.findByText('Budget bodo-monthly created', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(fake.requestsOn('budgets:create')).toEqual([{ config: { name: 'bodo-monthly', amount: '1000', scope: 'platform', emails: ['ops@example.com', 'dev@example.com'], topicArn: null, actual: [80, 100], forecasted: [100] } }]);
    // The list is read again once the create succeeded.
    await waitFor(() => expect(fake.requestsOn('budgets:list')).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Delete budget platform-monthly' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete budget' }));
    await waitFor(() => expect(fake.requestsOn('budgets:delete')).toEqual([{ name: 'platform-monthly' }]));
  });

  it('asks to connect first when there is no session, and asks nothing', () => {
    const fake = start({}, null as never);
    expect(screen.getByText(/Connect to an AWS profile to see what the account actually costs/)).toBeInTheDocument();
    expect(fake.requestsOn('cost:report')).toHaveLength(0);
  });
});
