// @vitest-environment jsdom
/**
 * The alarm wizard keeps its place across navigation (issue 11.7), as the setup wizard does: its
 * form, step and create run live in the app's RunsProvider (useRun), so leaving mid-create and coming
 * back shows the same run. "New alarm" is new (issue 21.2): once a create has finished, it begins fresh
 * at step 1, and the finished result stays reachable from its notice.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../../renderer/src/app/App';
import { NAV_ITEMS, type NavItem } from '../../../../renderer/src/app/nav';
import type { CreateAlarmResult } from '../../../../shared/contract/alarms';
import type { UsageHistory } from '../../../../shared/contract/usage';
import type { SessionInfo } from '../../../../shared/contract/session';
import { Notifications } from '@mantine/notifications';
import { renderUi } from '../../helpers/dom';
import { createFakeApi, type FakeHandlers } from '../../helpers/fake-api';
import { fakeRuns } from '../../helpers/runs';

const SESSION: SessionInfo = { profile: 'default', account: '123456789012', arn: 'arn:aws:iam::123456789012:user/me', userId: 'AIDA', region: 'us-east-1', endpointUrl: null };
const P5 = 300_000;
const END = 1_700_000_100_000 - (1_700_000_100_000 % P5);

/** Two days of 10 vCPUs with one spike of 50: the suggestion is 60. */
function history(): UsageHistory {
  const points = [];
  for (let t = END - 2 * 86_400_000; t < END; t += P5) points.push({ t, v: t === END - 10 * P5 ? 50 : 10 });
  return {
    region: 'us-east-1',
    metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' },
    namespace: 'AWS/Usage',
    metricName: 'ResourceCount',
    dimensions: { Service: 'EC2', Type: 'Resource', Resource: 'vCPU', Class: 'Standard/OnDemand' },
    classes: ['Standard/OnDemand'],
    stat: 'Maximum',
    period: 300,
    start: END - 7 * 86_400_000,
    end: END,
    points,
    byClass: [],
    max: 50,
    maxAt: END - 10 * P5,
    quota: { quotaCode: 'L-1216C47A', value: 64, note: null },
    suggestion: { value: 60, reason: 'peak 50 + 20% headroom, rounded up to 60.' },
    notes: [],
  };
}

const created: CreateAlarmResult = {
  alarmName: 'kept-alarm',
  notifyOn: ['alarm'],
  regions: [
    {
      region: 'us-east-1',
      alarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:kept-alarm',
      topicArn: 'arn:aws:sns:us-east-1:123456789012:kept-topic',
      updated: false,
      topicCreated: true,
      subscriptions: [{ subscriptionArn: null, endpoint: 'ops@example.com', protocol: 'email', status: 'pending' }],
    },
  ],
};

/** The wizard first, a screen to wander off to, and the (hidden) screen of a finished create's result. */
const ITEMS: NavItem[] = [
  NAV_ITEMS.find((n) => n.id === 'new-alarm')!,
  { id: 'elsewhere', label: 'Elsewhere', icon: () => null, render: () => <p>somewhere else</p> },
  NAV_ITEMS.find((n) => n.id === 'alarm-result')!,
];

function handlers(runs: ReturnType<typeof fakeRuns>, createAnswer: FakeHandlers['alarms:create']): FakeHandlers {
  return {
    ...runs.handlers,
    'session:current': () => SESSION,
    'usage:classes': () => ['Standard/OnDemand'],
    'usage:history': () => history(),
    'topics:list': () => [],
    'topics:lookup': (r) => r.regions.map((region) => ({ region, topicArn: null, onramp: false, subscriptions: [] })),
    'alarms:create': createAnswer,
  };
}

const nav = (label: string) => fireEvent.click(within(screen.getByLabelText('Main navigation')).getByRole('button', { name: label }));
const next = () => screen.getByRole('button', { name: /^Next:/ });

/** From the metric step to the review step with a typed threshold, topic, email and name. */
async function toReview() {
  await screen.findByRole('heading', { name: 'New alarm' });
  fireEvent.click(screen.getByRole('combobox', { name: 'Usage class' }));
  fireEvent.click(await screen.findByRole('option', { name: /^Standard\/OnDemand/ }));
  fireEvent.click(next());
  const threshold = await screen.findByRole('textbox', { name: 'Threshold' });
  await waitFor(() => expect(threshold).toHaveValue('60'));
  fireEvent.change(threshold, { target: { value: '44' } });
  fireEvent.click(next());
  fireEvent.click(next());
  fireEvent.change(screen.getByRole('textbox', { name: 'New topic name' }), { target: { value: 'kept-topic' } });
  fireEvent.change(screen.getByRole('textbox', { name: 'Email 1' }), { target: { value: 'ops@example.com' } });
  await waitFor(() => expect(next()).toBeEnabled());
  fireEvent.click(next());
  fireEvent.change(screen.getByRole('textbox', { name: 'Alarm name' }), { target: { value: 'kept-alarm' } });
}

describe('alarm wizard keeps its place across navigation; "New alarm" is new once a create finished', () => {
  it('a create in flight survives leaving the screen; once it finished away, New alarm begins fresh and the notice shows the result', async () => {
    const runs = fakeRuns();
    const fake = createFakeApi(handlers(runs, (r) => runs.start('alarm-create', r.config.name))).install();
    const finish = () => runs.end(runs.last(), { state: 'succeeded', result: created });
    renderUi(
      <>
        <Notifications />
        <App navItems={ITEMS} />
      </>,
    );
    await toReview();
    fireEvent.click(screen.getByRole('button', { name: 'Create alarm' }));
    await screen.findByRole('button', { name: 'Cancel' });
    expect(screen.getByText('Creating…')).toBeInTheDocument();

    // Away mid-run, and back: still creating, on the review step, with the inputs.
    nav('Elsewhere');
    expect(await screen.findByText('somewhere else')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'New alarm' })).toBeNull();
    nav('New alarm');
    expect(await screen.findByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    expect(screen.getByText('Creating…')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Alarm name' })).toHaveValue('kept-alarm');

    // It finishes while the user is elsewhere: a notice says so, and "New alarm" is new again —
    // the finished result does not open in its place; it is one click away in the notice.
    nav('Elsewhere');
    await screen.findByText('somewhere else');
    await act(async () => finish());
    // Main's run ended while the wizard was not shown: the app's runs follow it to its end meanwhile.
    const notice = await screen.findByRole('button', { name: 'Show result' }, { timeout: 5000 });
    nav('New alarm');
    expect(await screen.findByRole('radio', { name: /EC2 vCPU usage/ })).toBeChecked();
    expect(screen.getByRole('button', { name: /^Next: History/ })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Create result' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Alarm name' })).toBeNull();
    // One create, with what was typed before leaving.
    expect(fake.requestsOn('alarms:create')).toHaveLength(1);
    expect(fake.requestsOn('alarms:create')[0]!.config).toMatchObject({ name: 'kept-alarm', threshold: 44 });

    // The notice's "Show result" opens the finished create's result (and the notice closes).
    fireEvent.click(notice);
    const result = await screen.findByRole('region', { name: 'Create result' });
    expect(screen.getByRole('heading', { level: 1, name: 'Alarm kept-alarm' })).toBeInTheDocument();
    expect(result).toHaveTextContent('Alarm created');
    expect(result).toHaveTextContent('kept-alarm notifies on');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Show result' })).toBeNull());
  }, 30_000);

  it('a result finished on the wizard shows in place (no notice over it); "New alarm" then begins fresh', async () => {
    const runs = fakeRuns();
    createFakeApi(handlers(runs, (r) => runs.start('alarm-create', r.config.name, { state: 'succeeded', result: created }))).install();
    renderUi(
      <>
        <Notifications />
        <App navItems={ITEMS} />
      </>,
    );
    await toReview();
    fireEvent.click(screen.getByRole('button', { name: 'Create alarm' }));
    const result = await screen.findByRole('region', { name: 'Create result' });
    expect(result).toHaveTextContent('Alarm created');
    // The button now says what saving again does: it updates this alarm.
    expect(screen.getByRole('button', { name: 'Update kept-alarm' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show result' })).toBeNull();
    expect(screen.queryByText('kept-alarm is in place in us-east-1.')).toBeNull();
    nav('Elsewhere');
    nav('New alarm');
    expect(await screen.findByRole('radio', { name: /EC2 vCPU usage/ })).toBeChecked();
    expect(screen.queryByRole('region', { name: 'Create result' })).toBeNull();
    expect(screen.getByRole('button', { name: /^Next: History/ })).toBeInTheDocument();
  }, 30_000);

  it('a new alarm being filled in keeps its place', async () => {
    const runs = fakeRuns();
    createFakeApi(handlers(runs, (r) => runs.start('alarm-create', r.config.name, { state: 'succeeded', result: created }))).install();
    renderUi(
      <>
        <Notifications />
        <App navItems={ITEMS} />
      </>,
    );
    await screen.findByRole('heading', { name: 'New alarm' });
    fireEvent.click(next());
    const threshold = await screen.findByRole('textbox', { name: 'Threshold' });
    fireEvent.change(threshold, { target: { value: '77' } });
    nav('Elsewhere');
    await screen.findByText('somewhere else');
    nav('New alarm');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Threshold' })).toHaveValue('77'));
  }, 30_000);
});
