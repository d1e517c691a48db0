// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AlarmWizard } from '../../../renderer/src/features/alarm-wizard/AlarmWizard';
import type { CreateAlarmResult, TopicLookup, UsageHistory } from '../../../shared/contract/monitoring';
import type { SessionInfo } from '../../../shared/contract/session';
import { AppError } from '../../../shared/errors';
import { renderUi } from '../helpers/dom';
import { createFakeApi, type FakeHandlers } from '../helpers/fake-api';

const SESSION: SessionInfo = { profile: 'default', account: '123456789012', arn: 'arn:aws:iam::123456789012:user/me', userId: 'AIDA', region: 'us-east-1', endpointUrl: null };
const P5 = 300_000;
const END = 1_700_000_100_000 - (1_700_000_100_000 % P5);
const START = END - 7 * 86_400_000;
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:ops';
const ALL = ['Standard/OnDemand', 'G/OnDemand', 'Standard/Spot'];

/** A week of all usage classes: nothing for the first day, then 10 vCPUs with a 3-slot spike of 50 and a 1-slot spike of 60. */
function history(): UsageHistory {
  const points = [];
  for (let t = START; t < END; t += P5) {
    const j = (END - t) / P5;
    if (j > 6 * 288) continue; // the first day has no data: INSUFFICIENT_DATA under "missing"
    points.push({ t, v: j >= 358 && j <= 360 ? 50 : j === 60 ? 60 : 10 });
  }
  return {
    region: 'us-east-1',
    metric: { kind: 'vcpu', usageClass: 'all' },
    namespace: 'AWS/Usage',
    metricName: 'ResourceCount',
    dimensions: { Service: 'EC2', Type: 'Resource', Resource: 'vCPU' },
    classes: ALL,
    stat: 'Maximum',
    period: 300,
    start: START,
    end: END,
    points,
    byClass: [],
    max: 60,
    maxAt: END - 60 * P5,
    quota: { quotaCode: null, value: null, note: 'All usage classes together have no single quota: each class has its own.' },
    suggestion: { value: 72, reason: 'peak 60 + 20% headroom, rounded up to 72.' },
    notes: [],
  };
}

const created = (regions: string[]): CreateAlarmResult => ({
  alarmName: 'vcpu-high',
  notifyOn: ['alarm', 'ok'],
  regions: regions.map((region) => ({
    region: region as 'us-east-1',
    alarmArn: `arn:aws:cloudwatch:${region}:123456789012:alarm:vcpu-high`,
    topicArn: `arn:aws:sns:${region}:123456789012:vcpu-alerts`,
    updated: false,
    topicCreated: true,
    subscriptions: [{ subscriptionArn: null, endpoint: 'ops@example.com', protocol: 'email', status: 'pending' }],
  })),
});

const nothingThere = (regions: string[]): TopicLookup[] => regions.map((region) => ({ region: region as 'us-east-1', topicArn: null, onramp: false, subscriptions: [] }));

const HANDLERS: FakeHandlers = {
  'usage:classes': () => ['Standard/OnDemand', 'G/OnDemand'],
  'usage:history': () => history(),
  'topics:list': () => [{ topicArn: TOPIC, name: 'ops' }],
  'topics:lookup': (r) => nothingThere(r.regions),
  'topics:subscriptions': () => [
    { subscriptionArn: null, endpoint: 'pending@example.com', protocol: 'email', status: 'pending' },
    { subscriptionArn: `${TOPIC}:1`, endpoint: 'done@example.com', protocol: 'email', status: 'confirmed' },
  ],
  'topics:resend': (r) => ({ subscriptionArn: null, endpoint: r.endpoint, protocol: 'email', status: 'pending' }),
  'alarms:create': (r) => created(r.config.regions),
};

const next = () => screen.getByRole('button', { name: /^Next:/ });
const backtestText = () => screen.getByRole('status', { name: 'Backtest' }).textContent;

/** From a fresh wizard to the notification step with the suggested threshold. */
async function toNotification() {
  fireEvent.click(next());
  await waitFor(() => expect(screen.getByRole('textbox', { name: 'Threshold' })).toHaveValue('72'));
  fireEvent.click(next());
  fireEvent.click(next());
}

describe('AlarmWizard', () => {
  it('goes from metric to a created alarm in two regions, with a backtest evaluated as CloudWatch does', async () => {
    const fake = createFakeApi(HANDLERS).install();
    renderUi(<AlarmWizard session={SESSION} onGoConnect={() => undefined} />);
    // 1. Metric: all usage classes by default; classes of every chosen region; billing explains Receive Billing Alerts.
    await waitFor(() => expect(fake.requestsOn('usage:classes')).toEqual([{ region: 'us-east-1' }]));
    expect(screen.getByRole('combobox', { name: 'Usage class' })).toHaveValue('All usage classes (On-Demand and Spot)');
    fireEvent.click(screen.getByRole('checkbox', { name: 'us-west-2' }));
    await waitFor(() => expect(fake.requestsOn('usage:classes')).toContainEqual({ region: 'us-west-2' }));
    fireEvent.click(screen.getByRole('radio', { name: /Estimated charges/ }));
    expect(screen.getByText(/administrator turns on “Receive Billing Alerts”/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'us-west-2' })).toBeDisabled();
    fireEvent.click(screen.getByRole('radio', { name: /EC2 vCPU usage/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'us-west-2' }));
    fireEvent.click(next());

    // 2. History of the first region: the chart says it is the sum of the classes; the backtest counts episodes on the raw points.
    await screen.findByRole('figure', { name: /vCPUs over the last week/ }, { timeout: 10_000 });
    expect(fake.requestsOn('usage:history')[0]).toEqual({ region: 'us-east-1', metric: { kind: 'vcpu', usageClass: 'all' }, range: '1w', stat: 'Maximum', period: 300 });
    expect(screen.getByText(/History and backtest of us-east-1, the first of the 2 regions/)).toBeInTheDocument();
    expect(screen.getByLabelText('Classes covered')).toHaveTextContent('Standard/OnDemand + G/OnDemand + Standard/Spot');
    const threshold = screen.getByRole('textbox', { name: 'Threshold' });
    await waitFor(() => expect(threshold).toHaveValue('72'));
    expect(backtestText()).toBe('This alarm would not have fired in the last week.');
    // the day without data is INSUFFICIENT_DATA, shaded apart from ALARM and said in words
    expect(screen.getByLabelText('Insufficient data')).toHaveTextContent(/It would have been INSUFFICIENT_DATA for 23 hours 50 minutes in all/);
    expect(screen.getByTestId('insufficient-intervals').querySelectorAll('rect')).toHaveLength(1);
    expect(screen.getByTestId('y-unit')).toHaveTextContent('vCPUs');
    fireEvent.change(threshold, { target: { value: '40' } });
    expect(backtestText()).toBe('This alarm would have fired 2 times in the last week.');
    expect(screen.getByRole('slider', { name: 'Threshold' })).toHaveAttribute('aria-valuenow', '40');
    expect(screen.getByTestId('fired-intervals').querySelectorAll('rect')).toHaveLength(2);
    expect(screen.getByRole('group', { name: 'Chart key' })).toHaveTextContent(/would have been in ALARM.*INSUFFICIENT_DATA/);
    fireEvent.change(threshold, { target: { value: 'lots' } });
    expect(screen.getByText('Threshold "lots" is not a number.')).toBeInTheDocument();
    expect(next()).toBeDisabled();
    fireEvent.change(threshold, { target: { value: '1,000' } });
    expect(backtestText()).toBe('This alarm would not have fired in the last week.');
    fireEvent.change(threshold, { target: { value: '40' } });
    fireEvent.click(next());

    // 3. Conditions: 2 of 3 leaves only the 3-slot spike; the missing-data choice says what it does.
    fireEvent.change(screen.getByRole('textbox', { name: 'Evaluation periods (N)' }), { target: { value: '3' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Datapoints to alarm/ }), { target: { value: '2' } });
    expect(backtestText()).toBe('This alarm would have fired once in the last week.');
    expect(screen.getByText(/INSUFFICIENT_DATA when the whole evaluation range has none/)).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: /Datapoints to alarm/ }), { target: { value: '4' } });
    expect(screen.getByText(/must not exceed evaluation periods/)).toBeInTheDocument();
    expect(next()).toBeDisabled();
    fireEvent.change(screen.getByRole('textbox', { name: /Datapoints to alarm/ }), { target: { value: '2' } });
    fireEvent.click(next());

    // 4. Notification: also on OK; a new topic in each region (an existing one is not offered for two regions); emails pasted at once.
    expect(screen.getByRole('radio', { name: 'Existing topic' })).toBeDisabled();
    fireEvent.click(screen.getByRole('checkbox', { name: /^OK/ }));
    expect(next()).toBeDisabled();
    fireEvent.change(screen.getByRole('textbox', { name: 'New topic name' }), { target: { value: 'vcpu-alerts' } });
    fireEvent.paste(screen.getByRole('textbox', { name: 'Email 1' }), { clipboardData: { getData: () => 'ops@example.com, dev@example.com\nbad address' } });
    expect(screen.getByRole('textbox', { name: 'Email 1' })).toHaveValue('ops@example.com');
    expect(screen.getByRole('textbox', { name: 'Email 2' })).toHaveValue('dev@example.com');
    expect(screen.getByRole('textbox', { name: 'Email 3' })).toHaveValue('bad');
    expect(screen.getByText(/Email address "bad" has no @/)).toBeInTheDocument();
    expect(next()).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Remove email 4' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove email 3' }));
    await waitFor(() => expect(fake.requestsOn('topics:lookup')).toContainEqual({ regions: ['us-east-1', 'us-west-2'], name: 'vcpu-alerts' }));
    expect(await screen.findByLabelText('Confirmation emails')).toHaveTextContent('ops@example.com gets 2 confirmation emails (one per region); dev@example.com gets 2 confirmation emails');
    fireEvent.click(next());

    // 5. Name, preview with regions, notifications and price, create.
    fireEvent.change(screen.getByRole('textbox', { name: 'Alarm name' }), { target: { value: 'vcpu-high' } });
    const preview = screen.getByRole('table', { name: 'Alarm preview' });
    expect(preview).toHaveTextContent('us-east-1, us-west-2 (all or nothing)');
    expect(preview).toHaveTextContent('Notifies onALARM, OK');
    expect(preview).toHaveTextContent('$0.10 per month for each usage class the query reads, in each region');
    expect(preview).toHaveTextContent('2 of 3');
    expect(preview).toHaveTextContent('vcpu-alerts (new, one in each region) → ops@example.com, dev@example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Create in 2 regions' }));
    await screen.findByText('Alarm created');
    const result = screen.getByLabelText('Create result');
    expect(within(result).getByRole('table', { name: 'Topic subscriptions in us-west-2' })).toHaveTextContent('pending confirmation');
    const [request] = fake.requestsOn('alarms:create');
    expect(request).toEqual({
      runId: expect.stringMatching(/^run-/),
      config: {
        regions: ['us-east-1', 'us-west-2'],
        name: 'vcpu-high',
        description: '',
        metric: { kind: 'vcpu', usageClass: 'all' },
        stat: 'Maximum',
        threshold: 40,
        comparison: 'gt',
        period: 300,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        treatMissing: 'missing',
        topic: { kind: 'new', name: 'vcpu-alerts', emails: ['ops@example.com', 'dev@example.com'] },
        notifyOn: ['alarm', 'ok'],
      },
    });
  });

  it('an existing topic: no error before one is chosen, its subscriptions, a resend, and emails typed for a new topic are not carried over', async () => {
    const fake = createFakeApi(HANDLERS).install();
    renderUi(<AlarmWizard session={SESSION} onGoConnect={() => undefined} />);
    await toNotification();
    fireEvent.change(screen.getByRole('textbox', { name: 'Email 1' }), { target: { value: 'typed@example.com' } });
    fireEvent.click(screen.getByText('Existing topic'));
    expect(screen.queryByRole('textbox', { name: 'Email 1' })).toBeNull(); // the new topic's email row did not come along
    const select = screen.getByRole('combobox', { name: 'SNS topic' });
    expect(select).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText(/Topic ARN must look like/)).toBeNull();
    fireEvent.click(select);
    fireEvent.click(await screen.findByRole('option', { name: 'ops' }));
    const table = await screen.findByRole('table', { name: 'Subscriptions' });
    expect(table).toHaveTextContent('pending@example.com');
    expect(table).toHaveTextContent('confirmed');
    fireEvent.click(within(table).getByRole('button', { name: 'Resend confirmation' }));
    await waitFor(() => expect(fake.requestsOn('topics:resend')).toEqual([{ region: 'us-east-1', topicArn: TOPIC, endpoint: 'pending@example.com' }]));
    expect(next()).toBeEnabled();
    fireEvent.click(screen.getByText('New topic'));
    expect(screen.getByRole('textbox', { name: 'Email 1' })).toHaveValue('');
  });

  it('a new topic name another topic already has: shows it with its subscribers and asks, and blocks Next', async () => {
    createFakeApi({
      ...HANDLERS,
      'topics:lookup': (r) =>
        r.regions.map((region) => ({
          region,
          topicArn: `arn:aws:sns:${region}:123456789012:${r.name}`,
          onramp: false,
          subscriptions: [
            { subscriptionArn: 'x', endpoint: 'finance@example.com', protocol: 'email', status: 'confirmed' as const },
            { subscriptionArn: 'y', endpoint: 'cfo@example.com', protocol: 'email', status: 'confirmed' as const },
          ],
        })),
    }).install();
    renderUi(<AlarmWizard session={SESSION} onGoConnect={() => undefined} />);
    await toNotification();
    fireEvent.change(screen.getByRole('textbox', { name: 'New topic name' }), { target: { value: 'finance' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Email 1' }), { target: { value: 'ops@example.com' } });
    const alert = await screen.findByRole('alert', { name: /A topic named finance already exists/ });
    expect(alert).toHaveTextContent('A topic named finance already exists in us-east-1');
    expect(alert).toHaveTextContent('arn:aws:sns:us-east-1:123456789012:finance has 2 subscriptions, and Onramp did not create it');
    expect(next()).toBeDisabled();
    fireEvent.click(within(alert).getByRole('button', { name: 'Use the existing topic finance' }));
    expect(screen.getByRole('radio', { name: 'Existing topic' })).toBeChecked();
    expect(next()).toBeEnabled();
  });

  it('Cancel during create reaches the run, which answers Cancelled after undoing', async () => {
    let release: (() => void) | null = null;
    const fake = createFakeApi({
      ...HANDLERS,
      'alarms:create': () =>
        new Promise<CreateAlarmResult>((_, reject) => {
          release = () => reject(new AppError('Cancelled', 'Creating alarm vcpu-high was cancelled. Undid: topic vcpu-alerts in us-east-1.'));
        }),
      'alarms:cancel': () => {
        release?.();
        return { cancelled: true };
      },
    }).install();
    renderUi(<AlarmWizard session={SESSION} onGoConnect={() => undefined} />);
    await toNotification();
    fireEvent.change(screen.getByRole('textbox', { name: 'New topic name' }), { target: { value: 'vcpu-alerts' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Email 1' }), { target: { value: 'ops@example.com' } });
    await waitFor(() => expect(next()).toBeEnabled());
    fireEvent.click(next());
    fireEvent.change(screen.getByRole('textbox', { name: 'Alarm name' }), { target: { value: 'vcpu-high' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create alarm' }));
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    await act(async () => {
      fireEvent.click(cancel);
    });
    const [create] = fake.requestsOn('alarms:create');
    expect(fake.requestsOn('alarms:cancel')).toEqual([{ runId: create!.runId }]);
    expect(await screen.findByText(/was cancelled\. Undid: topic vcpu-alerts/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('shows that the usage classes are loading', async () => {
    let answer: ((v: string[]) => void) | null = null;
    createFakeApi({ ...HANDLERS, 'usage:classes': () => new Promise<string[]>((r) => (answer = r)) }).install();
    renderUi(<AlarmWizard session={SESSION} onGoConnect={() => undefined} />);
    expect(await screen.findByText('Loading the usage classes this account has…')).toBeInTheDocument();
    await act(async () => answer?.(['Standard/OnDemand', 'G/OnDemand']));
    await waitFor(() => expect(screen.queryByText('Loading the usage classes this account has…')).toBeNull());
  });
});
