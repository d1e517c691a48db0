import { DEFAULT_WATCH_SETTINGS } from '../../../shared/watch/settings';
// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DashboardScreen } from '../../../renderer/src/features/dashboard/DashboardScreen';
import type { RegionAlarm, RegionSummary } from '../../../renderer/src/features/dashboard/model';
import type { SessionInfo } from '../../../shared/contract/session';
import { renderUi } from '../helpers/dom';
import { createFakeApi, fail } from '../helpers/fake-api';
import { fakeRuns } from '../helpers/runs';
import { notifications } from '@mantine/notifications';

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
        current: 15,
        currentAt: now - 300_000,
        peak24h: 60,
        series: [{ t: now - 600_000, v: 10 }, { t: now - 300_000, v: 15 }],
        quota: null,
        quotaNote: 'Service Quotas gave no value for the Standard/OnDemand vCPU quota (L-1216C47A) in us-east-1, so its limit is unknown; the Readiness screen says how to look it up.',
        headroom: null,
        classes: [
          { usageClass: 'Standard/OnDemand', current: 4, peak24h: 50, quota: null, quotaCode: 'L-1216C47A' },
          { usageClass: 'G/OnDemand', current: 8, peak24h: 12, quota: 64, quotaCode: 'L-DB2E81BA' },
          { usageClass: 'Standard/Spot', current: 3, peak24h: 5, quota: 32, quotaCode: 'L-34B43A08' },
        ],
        summedClasses: ['Standard/OnDemand', 'G/OnDemand', 'Standard/Spot'],
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
    classes: ['Standard/OnDemand', 'G/OnDemand', 'Standard/Spot'],
    stat: 'Average' as const,
    period: 3600,
    start: now - 7 * 86_400_000,
    end: now,
    points: [{ t, v: 10 }],
    byClass: [
      { usageClass: 'Standard/OnDemand', points: [{ t, v: 4 }] },
      { usageClass: 'G/OnDemand', points: [{ t, v: 4 }] },
      { usageClass: 'Standard/Spot', points: [{ t, v: 2 }] },
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
    expect(east1).toHaveTextContent('15 vCPUs now');
    expect(east1).toHaveTextContent('all classes');
    const classes = within(east1).getByRole('table', { name: 'Usage classes in us-east-1' });
    expect(within(classes).getByRole('rowheader', { name: 'G' }).closest('tr')).toHaveTextContent('G81264');
    expect(within(classes).getByRole('rowheader', { name: 'Standard' }).closest('tr')).toHaveTextContent('Standard450?');
    // Spot is a class of its own, with its own quota (Service Quotas L-34B43A08), and the card names what the total adds up.
    const spot = within(classes).getByRole('rowheader', { name: 'Standard/Spot' });
    expect(spot.closest('tr')).toHaveTextContent('Standard/Spot3532');
    expect(within(spot.closest('tr')!).getByTitle('Service Quotas L-34B43A08')).toBeInTheDocument();
    expect(within(east1).getByLabelText('Classes in the total of us-east-1')).toHaveTextContent('Total of Standard/OnDemand + G/OnDemand + Standard/Spot');
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
    expect(within(cost).getByRole('row', { name: 'us-east-1 Standard/Spot' })).toHaveTextContent('Standard/Spot2');
    // the cost card asks for the total of all classes with the breakdown
    expect(fake.requestsOn('usage:history')[0]).toMatchObject({ metric: { kind: 'vcpu', usageClass: 'all' }, breakdown: true, stat: 'Average' });
  });

  it('confirms before a test notification (real emails)', async () => {
    const fake = createFakeApi({ 'dashboard:summary': () => summary('OK'), 'usage:history': () => fail('Internal', 'x'), 'alarms:test-notification': (r) => ({ alarmName: r.name, state: 'ALARM' as const }) }).install();
    renderUi(<DashboardScreen session={SESSION} onGoConnect={() => undefined} onNewAlarm={() => undefined} onEditAlarm={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Test vcpu-high' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('real emails');
    expect(fake.requestsOn('alarms:test-notification')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send test notification' }));
    await waitFor(() => expect(fake.requestsOn('alarms:test-notification')).toEqual([{ region: 'us-east-1', name: 'vcpu-high' }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('Delete finds the alarm in every region, deletes it in all of them, and offers only the topic Onramp created and nothing else uses', async () => {
    const ops = 'arn:aws:sns:us-east-1:123456789012:ops';
    const team = 'arn:aws:sns:us-west-2:123456789012:team';
    const runs = fakeRuns();
    const fake = createFakeApi({
      ...runs.handlers,
      'dashboard:summary': () => summary('OK'),
      'usage:history': () => fail('Internal', 'x'),
      'alarms:delete-plan': (r) => ({
        alarmName: r.name,
        foundIn: ['us-east-1', 'us-west-2'],
        notFoundIn: ['us-east-2', 'us-west-1'],
        topics: [
          { region: 'us-east-1', topicArn: ops, onramp: true, usedBy: [], subscriptions: 2, status: 'deletable', reason: 'Onramp created it' },
          { region: 'us-west-2', topicArn: team, onramp: false, usedBy: [], subscriptions: 5, status: 'kept', reason: 'Onramp did not create this topic, so it never deletes it' },
        ],
      }),
      'alarms:delete': (r) =>
        runs.start('alarm-delete', r.name, { regions: r.regions, deleteTopic: r.deleteTopic ?? false, state: 'succeeded', result: { alarmName: r.name, deletedIn: r.regions, notFoundIn: [], failed: [], topics: [] } }),
    }).install();
    renderUi(<DashboardScreen session={SESSION} onGoConnect={() => undefined} onNewAlarm={() => undefined} onEditAlarm={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete vcpu-high' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(fake.requestsOn('alarms:delete-plan')).toEqual([{ regions: ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'], name: 'vcpu-high' }]));
    expect(await within(dialog).findByRole('checkbox', { name: 'us-east-1' })).toBeChecked();
    expect(within(dialog).getByRole('checkbox', { name: 'us-west-2' })).toBeChecked();
    expect(dialog).toHaveTextContent('No alarm of this name in us-east-2, us-west-1.');
    expect(dialog).toHaveTextContent('Topic team in us-west-2: Onramp did not create this topic, so it never deletes it.');
    const topic = within(dialog).getByRole('checkbox', { name: /Also delete the SNS topic Onramp created for it \(ops in us-east-1\)/ });
    expect(topic).not.toBeChecked();
    fireEvent.click(topic);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete alarm' }));
    await waitFor(() => expect(fake.requestsOn('alarms:delete')).toEqual([{ regions: ['us-east-1', 'us-west-2'], name: 'vcpu-high', deleteTopic: true }]));
    // The delete is a run: the dashboard follows it to its end before saying so.
    await waitFor(() => expect(fake.requestsOn('runs:progress')).toEqual([{ runId: runs.last() }]));
  });

  it('Delete with the topic box left empty keeps the topic, and one region can be left out', async () => {
    const runs = fakeRuns();
    const fake = createFakeApi({
      ...runs.handlers,
      'dashboard:summary': () => summary('OK'),
      'usage:history': () => fail('Internal', 'x'),
      'alarms:delete-plan': (r) => ({ alarmName: r.name, foundIn: ['us-east-1', 'us-west-2'], notFoundIn: [], topics: [{ region: 'us-west-2', topicArn: 'arn:aws:sns:us-west-2:123456789012:ops', onramp: true, usedBy: [], subscriptions: 1, status: 'deletable', reason: 'x' }] }),
      'alarms:delete': (r) =>
        runs.start('alarm-delete', r.name, { regions: r.regions, deleteTopic: r.deleteTopic ?? false, state: 'succeeded', result: { alarmName: r.name, deletedIn: r.regions, notFoundIn: [], failed: [], topics: [] } }),
    }).install();
    renderUi(<DashboardScreen session={SESSION} onGoConnect={() => undefined} onNewAlarm={() => undefined} onEditAlarm={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete vcpu-high' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(await within(dialog).findByRole('checkbox', { name: 'us-west-2' }));
    // The only offered topic is in the region left out: nothing to offer any more.
    expect(within(dialog).queryByRole('checkbox', { name: /Also delete the SNS topic/ })).not.toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete alarm' }));
    await waitFor(() => expect(fake.requestsOn('alarms:delete')).toEqual([{ regions: ['us-east-1'], name: 'vcpu-high', deleteTopic: false }]));
  });

  it('says when deleting an alarm failed, with the run\'s error', async () => {
    const runs = fakeRuns();
    createFakeApi({
      ...runs.handlers,
      'dashboard:summary': () => summary('OK'),
      'usage:history': () => fail('Internal', 'x'),
      'alarms:delete-plan': (r) => ({ alarmName: r.name, foundIn: ['us-east-1'], notFoundIn: [], topics: [] }),
      'alarms:delete': (r) =>
        runs.start('alarm-delete', r.name, { regions: r.regions, state: 'failed', error: { code: 'AccessDenied', message: 'cloudwatch:DeleteAlarms is not allowed.' } }),
    }).install();
    const show = vi.spyOn(notifications, 'show');
    renderUi(<DashboardScreen session={SESSION} onGoConnect={() => undefined} onNewAlarm={() => undefined} onEditAlarm={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete vcpu-high' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByRole('checkbox', { name: 'us-east-1' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete alarm' }));
    await waitFor(() => expect(show).toHaveBeenCalledWith(expect.objectContaining({ title: 'Could not delete vcpu-high', message: 'cloudwatch:DeleteAlarms is not allowed.' })));
    show.mockRestore();
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

  it('leaves the desktop notification to main while its watcher watches: a change shows only inside the window', async () => {
    const shown: string[] = [];
    class FakeNotification {
      static permission = 'granted';
      constructor(title: string) {
        shown.push(title);
      }
    }
    vi.stubGlobal('Notification', FakeNotification);
    const toast = vi.spyOn(notifications, 'show');
    let state: RegionAlarm['state'] = 'OK';
    const watching = { watching: true, reason: 'r', profile: 'dev', pausedUntil: null, nextAt: null, last: null, runId: null, settings: DEFAULT_WATCH_SETTINGS, startAtLogin: null };
    const fake = createFakeApi({ 'dashboard:summary': () => summary(state), 'usage:history': () => fail('Internal', 'x'), 'watch:status': () => watching }).install();
    renderUi(<DashboardScreen session={SESSION} onGoConnect={() => undefined} onNewAlarm={() => undefined} onEditAlarm={() => undefined} />);
    await screen.findByRole('table', { name: 'Alarms' });
    state = 'ALARM';
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(fake.requestsOn('watch:status')).toHaveLength(1));
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: 'vcpu-high is ALARM' })));
    expect(shown).toEqual([]);
    toast.mockRestore();
    vi.unstubAllGlobals();
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
