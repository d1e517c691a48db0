// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DashboardScreen } from '../../../renderer/src/features/dashboard/DashboardScreen';
import type { RegionAlarm, RegionSummary } from '../../../renderer/src/features/dashboard/model';
import type { SessionInfo } from '../../../shared/contract/session';
import { renderUi } from '../helpers/dom';
import { createFakeApi, fail } from '../helpers/fake-api';

const SESSION: SessionInfo = { profile: 'default', account: '123456789012', arn: 'arn:aws:iam::123456789012:user/me', userId: 'AIDA', region: 'us-east-1', endpointUrl: null };

function alarm(state: RegionAlarm['state']) {
  return {
    alarmName: 'vcpu-high',
    alarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:vcpu-high',
    state,
    stateReason: 'Threshold crossed',
    stateUpdatedAt: Date.now() - 120_000,
    metric: { kind: 'vcpu' as const, usageClass: 'all' },
    stat: 'Maximum' as const,
    extendedStatistic: null,
    threshold: 40,
    comparisonOperator: 'GreaterThanThreshold' as const,
    period: 300,
    evaluationPeriods: 3,
    datapointsToAlarm: 2,
    treatMissing: 'missing' as const,
    notifyOn: ['alarm' as const],
    topicArns: ['arn:aws:sns:us-east-1:123456789012:ops'],
    description: 'Too many vCPUs used by the platform across every usage class in this region, more than the plan allows for the month',
  };
}

function summary(state: RegionAlarm['state']): { generatedAt: number; regions: RegionSummary[] } {
  const now = Date.now();
  return {
    generatedAt: now,
    regions: [
      {
        region: 'us-east-1',
        ok: true,
        usageClass: 'all',
        current: 12,
        currentAt: now - 300_000,
        peak24h: 60,
        series: [{ t: now - 600_000, v: 10 }, { t: now - 300_000, v: 12 }],
        quota: null,
        quotaNote: 'Service Quotas gave no value for the Standard/OnDemand vCPU quota (L-1216C47A) in us-east-1, so its limit is unknown; the Readiness screen says how to look it up.',
        headroom: null,
        classes: [
          { usageClass: 'Standard/OnDemand', current: 4, peak24h: 50, quota: null, quotaCode: 'L-1216C47A' },
          { usageClass: 'G/OnDemand', current: 8, peak24h: 12, quota: 64, quotaCode: 'L-DB2E81BA' },
        ],
        alarms: [alarm(state)],
      },
      {
        region: 'us-west-2',
        ok: true,
        usageClass: 'all',
        current: 2,
        currentAt: now - 300_000,
        peak24h: 2,
        series: [],
        quota: null,
        quotaNote: 'Service Quotas gave no value for the Standard/OnDemand vCPU quota (L-1216C47A) in us-west-2, so its limit is unknown; the Readiness screen says how to look it up.',
        headroom: null,
        classes: [{ usageClass: 'Standard/OnDemand', current: 2, peak24h: 2, quota: null, quotaCode: 'L-1216C47A' }],
        alarms: [],
      },
      { region: 'us-east-2', ok: false, error: { code: 'AccessDenied', message: 'Not allowed to read CloudWatch in us-east-2.' } },
    ],
  };
}

/** A cost card's history: the total of all classes (10 vCPUs for an hour) with its per-class breakdown. */
function history(region: string) {
  const now = Date.now();
  const t = now - 3_600_000;
  return {
    region,
    metric: { kind: 'vcpu' as const, usageClass: 'all' },
    namespace: 'AWS/Usage',
    metricName: 'ResourceCount',
    dimensions: {},
    classes: ['Standard/OnDemand', 'F/OnDemand', 'G/OnDemand', 'Inf/OnDemand', 'P/OnDemand', 'X/OnDemand'],
    stat: 'Average' as const,
    period: 3600,
    start: now - 7 * 86_400_000,
    end: now,
    points: [{ t, v: 10 }],
    byClass: [
      { usageClass: 'Standard/OnDemand', points: [{ t, v: 6 }] },
      { usageClass: 'G/OnDemand', points: [{ t, v: 4 }] },
    ],
    max: 10,
    maxAt: now,
    quota: { quotaCode: null, value: null, note: null },
    suggestion: { value: 12, reason: '' },
    notes: [],
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('DashboardScreen', () => {
  it('shows region cards, a failed region on its own, alarms, and usage cost', async () => {
    const fake = createFakeApi({
      'dashboard:summary': () => summary('OK'),
      'usage:history': (r) => history(r.region),
    }).install();
    renderUi(<DashboardScreen session={SESSION} onGoConnect={() => undefined} onNewAlarm={() => undefined} onEditAlarm={() => undefined} />);
    const east1 = await screen.findByRole('region', { name: 'Region us-east-1' });
    expect(east1).toHaveTextContent('12 vCPUs now');
    expect(east1).toHaveTextContent('all classes');
    const classes = within(east1).getByRole('table', { name: 'Usage classes in us-east-1' });
    expect(within(classes).getByRole('rowheader', { name: 'G' }).closest('tr')).toHaveTextContent('G81264');
    expect(within(classes).getByRole('rowheader', { name: 'Standard' }).closest('tr')).toHaveTextContent('Standard450?');
    // the quota note is said once, not on every card
    expect(east1).not.toHaveTextContent('L-1216C47A');
    expect(screen.getAllByLabelText('Quota note')).toHaveLength(1);
    expect(screen.getByLabelText('Quota note')).toHaveTextContent('Quotas: Service Quotas gave no value for the Standard/OnDemand vCPU quota (L-1216C47A), so its limit is unknown; the Readiness screen says how to look it up.');
    expect(screen.getByRole('region', { name: 'Region us-east-2' })).toHaveTextContent('Not allowed to read CloudWatch in us-east-2.');
    const table = screen.getByRole('table', { name: 'Alarms' });
    expect(table).toHaveTextContent('vcpu-high');
    expect(table).toHaveTextContent('> 40 (2 of 3), all classes');
    // the state badge's label is never clipped, so a long description cannot squeeze it to "O…" (checked for real in the e2e test)
    const label = within(table).getByText('OK');
    expect(label).toHaveStyle({ overflow: 'visible' });
    expect(label.closest('td')).toHaveStyle({ whiteSpace: 'nowrap' });
    expect(table).toHaveTextContent('5 min');
    expect(table).toHaveTextContent('ops');
    expect(table).toHaveTextContent('2 min ago');
    expect(screen.getByLabelText('Last updated')).toHaveTextContent('Last updated just now');
    const cost = await screen.findByRole('table', { name: 'Usage cost' });
    // One hourly datapoint at 10 vCPUs → 10 vCPU-hours → $0.50 at $0.05, of which G is 4.
    expect(within(cost).getAllByRole('row')[1]).toHaveTextContent('us-east-110');
    expect(cost).toHaveTextContent('$0.50');
    expect(within(cost).getByRole('row', { name: 'us-east-1 G/OnDemand' })).toHaveTextContent('G/OnDemand4');
    // the cost card asks for the total of all classes with the breakdown
    expect(fake.requestsOn('usage:history')[0]).toMatchObject({ metric: { kind: 'vcpu', usageClass: 'all' }, breakdown: true, stat: 'Average' });
  });

  it('confirms before a test notification (real emails) and before delete', async () => {
    const fake = createFakeApi({ 'dashboard:summary': () => summary('OK'), 'usage:history': () => fail('Internal', 'x'), 'alarms:test-notification': (r) => ({ alarmName: r.name, state: 'ALARM' as const }), 'alarms:delete': (r) => ({ alarmName: r.name, deleted: true as const }) }).install();
    renderUi(<DashboardScreen session={SESSION} onGoConnect={() => undefined} onNewAlarm={() => undefined} onEditAlarm={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Test vcpu-high' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('real emails');
    expect(fake.requestsOn('alarms:test-notification')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send test notification' }));
    await waitFor(() => expect(fake.requestsOn('alarms:test-notification')).toEqual([{ region: 'us-east-1', name: 'vcpu-high' }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    fireEvent.click(screen.getByRole('button', { name: 'Delete vcpu-high' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete alarm' }));
    await waitFor(() => expect(fake.requestsOn('alarms:delete')).toEqual([{ region: 'us-east-1', name: 'vcpu-high' }]));
  });

  it('opens the wizard prefilled to edit an alarm', async () => {
    createFakeApi({ 'dashboard:summary': () => summary('OK'), 'usage:history': () => fail('Internal', 'x') }).install();
    const onEdit = vi.fn();
    renderUi(<DashboardScreen session={SESSION} onGoConnect={() => undefined} onNewAlarm={() => undefined} onEditAlarm={onEdit} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit vcpu-high' }));
    expect(onEdit).toHaveBeenCalledWith(expect.objectContaining({ name: 'vcpu-high', usageClass: 'all', threshold: '40', evaluationPeriods: '3', datapointsToAlarm: '2', topicMode: 'existing' }));
  });

  it('refreshes on the interval, pauses while hidden, and notifies state changes on the desktop', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const shown: string[] = [];
    class FakeNotification {
      static permission = 'granted';
      constructor(title: string) {
        shown.push(title);
      }
    }
    vi.stubGlobal('Notification', FakeNotification);
    let state: RegionAlarm['state'] = 'OK';
    const fake = createFakeApi({ 'dashboard:summary': () => summary(state), 'usage:history': () => fail('Internal', 'x') }).install();
    renderUi(<DashboardScreen session={SESSION} onGoConnect={() => undefined} onNewAlarm={() => undefined} onEditAlarm={() => undefined} />);
    await screen.findByRole('table', { name: 'Alarms' });
    expect(fake.requestsOn('dashboard:summary')).toHaveLength(1);
    // Hidden: the 5-minute tick is skipped, then made up when the window shows again.
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(300_000);
    });
    expect(fake.requestsOn('dashboard:summary')).toHaveLength(1);
    state = 'ALARM';
    visibility.mockReturnValue('visible');
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
      await vi.advanceTimersByTimeAsync(10);
    });
    await waitFor(() => expect(fake.requestsOn('dashboard:summary')).toHaveLength(2));
    await waitFor(() => expect(shown).toEqual(['vcpu-high is ALARM']));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(300_000);
    });
    expect(fake.requestsOn('dashboard:summary')).toHaveLength(3);
    vi.unstubAllGlobals();
    visibility.mockRestore();
  });

  it('starts from the saved refresh interval and price, and saves a new interval', async () => {
    const fake = createFakeApi({
      'dashboard:summary': () => summary('OK'),
      'settings:get': () => ({ lastProfile: null, lastRegion: null, refreshIntervalSeconds: 120, theme: 'system' as const, pricePerVcpuHour: 0.1 }),
      'settings:update': (r) => ({ lastProfile: null, lastRegion: null, refreshIntervalSeconds: r.refreshIntervalSeconds ?? 120, theme: 'system' as const, pricePerVcpuHour: 0.1 }),
      'usage:history': (r) => history(r.region),
    }).install();
    renderUi(<DashboardScreen session={SESSION} onGoConnect={() => undefined} onNewAlarm={() => undefined} onEditAlarm={() => undefined} />);
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Refresh interval' })).toHaveValue('Every 2 minutes'));
    // 10 vCPU-hours at the saved $0.10.
    await waitFor(() => expect(screen.getByRole('table', { name: 'Usage cost' })).toHaveTextContent('$1.00'));
    fireEvent.click(screen.getByRole('combobox', { name: 'Refresh interval' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Every 15 minutes' }));
    await waitFor(() => expect(fake.requestsOn('settings:update')).toEqual([{ refreshIntervalSeconds: 900 }]));
  });
});
