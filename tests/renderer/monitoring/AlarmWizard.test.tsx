// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AlarmWizard } from '../../../renderer/src/features/alarm-wizard/AlarmWizard';
import type { UsageHistory } from '../../../renderer/src/features/alarm-wizard/model';
import type { SessionInfo } from '../../../shared/contract/session';
import { renderUi } from '../helpers/dom';
import { createFakeApi, type FakeHandlers } from '../helpers/fake-api';

const SESSION: SessionInfo = { profile: 'default', account: '123456789012', arn: 'arn:aws:iam::123456789012:user/me', userId: 'AIDA', region: 'us-east-1', endpointUrl: null };
const P5 = 300_000;
const END = 1_700_000_100_000 - (1_700_000_100_000 % P5);
const START = END - 7 * 86_400_000;
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:ops';

/** A week at 10 vCPUs with a 3-slot spike of 50 and a 1-slot spike of 60. */
function history(): UsageHistory {
  const points = [];
  for (let t = START; t < END; t += P5) {
    const j = (END - t) / P5;
    points.push({ t, v: j >= 358 && j <= 360 ? 50 : j === 60 ? 60 : 10 });
  }
  return {
    region: 'us-east-1',
    metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' },
    namespace: 'AWS/Usage',
    metricName: 'ResourceCount',
    dimensions: { Service: 'EC2', Type: 'Resource', Resource: 'vCPU', Class: 'Standard/OnDemand' },
    stat: 'Maximum',
    period: 300,
    start: START,
    end: END,
    points,
    max: 60,
    maxAt: END - 60 * P5,
    quota: { quotaCode: 'L-1216C47A', value: null, note: 'Service Quotas does not know quota L-1216C47A in us-east-1.' },
    suggestion: { value: 72, reason: 'peak 60 + 20% headroom, rounded up to 72.' },
    notes: [],
  };
}

const HANDLERS: FakeHandlers = {
  'usage:classes': () => ['Standard/OnDemand', 'G/OnDemand'],
  'usage:history': () => history(),
  'topics:list': () => [{ topicArn: TOPIC, name: 'ops' }],
  'topics:subscriptions': () => [
    { subscriptionArn: null, endpoint: 'pending@example.com', protocol: 'email', status: 'pending' },
    { subscriptionArn: `${TOPIC}:1`, endpoint: 'done@example.com', protocol: 'email', status: 'confirmed' },
  ],
  'topics:resend': (r) => ({ subscriptionArn: null, endpoint: r.endpoint, protocol: 'email', status: 'pending' }),
  'alarms:create': (r) => ({
    alarmName: r.name,
    alarmArn: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${r.name}`,
    topicArn: 'arn:aws:sns:us-east-1:123456789012:vcpu-alerts',
    updated: false,
    topicCreated: true,
    subscriptions: [{ subscriptionArn: null, endpoint: 'ops@example.com', protocol: 'email', status: 'pending' }],
  }),
};

const next = () => screen.getByRole('button', { name: /^Next:/ });
const backtestText = () => screen.getByRole('status', { name: 'Backtest' }).textContent;

describe('AlarmWizard', () => {
  it('goes from metric to a created alarm with a backtest that follows every change', async () => {
    const fake = createFakeApi(HANDLERS).install();
    renderUi(<AlarmWizard session={SESSION} onGoConnect={() => undefined} />);
    // 1. Metric: classes from usage:classes; billing explains Receive Billing Alerts.
    await waitFor(() => expect(fake.requestsOn('usage:classes')).toEqual([{ region: 'us-east-1' }]));
    fireEvent.click(screen.getByRole('radio', { name: /Estimated charges/ }));
    expect(screen.getByText(/administrator turns on “Receive Billing Alerts”/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: /EC2 vCPU usage/ }));
    fireEvent.click(next());

    // 2. History: suggestion fills the threshold; the backtest counts episodes on the raw points.
    await screen.findByRole('figure', { name: /vCPUs over the last week/ }, { timeout: 10_000 });
    expect(fake.requestsOn('usage:history')[0]).toEqual({ region: 'us-east-1', metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' }, range: '1w', stat: 'Maximum', period: 300 });
    const threshold = screen.getByRole('textbox', { name: 'Threshold' });
    await waitFor(() => expect(threshold).toHaveValue('72'));
    expect(screen.getByText(/peak 60 \+ 20% headroom/)).toBeInTheDocument();
    expect(screen.getByText(/not shown — Service Quotas does not know/)).toBeInTheDocument();
    expect(backtestText()).toBe('This alarm would not have fired in the last week.');
    fireEvent.change(threshold, { target: { value: '40' } });
    expect(backtestText()).toBe('This alarm would have fired 2 times in the last week.');
    expect(screen.getByRole('slider', { name: 'Threshold' })).toHaveAttribute('aria-valuenow', '40');
    expect(screen.getByTestId('fired-intervals').querySelectorAll('rect')).toHaveLength(2);
    fireEvent.change(threshold, { target: { value: '5' } });
    expect(screen.getByText(/below normal usage/)).toBeInTheDocument();
    fireEvent.change(threshold, { target: { value: 'abc' } });
    expect(screen.getByText('Threshold must be a number.')).toBeInTheDocument();
    expect(next()).toBeDisabled();
    fireEvent.change(threshold, { target: { value: '40' } });
    fireEvent.click(next());

    // 3. Conditions: 2 of 3 leaves only the 3-slot spike.
    fireEvent.change(screen.getByRole('textbox', { name: 'Evaluation periods (N)' }), { target: { value: '3' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Datapoints to alarm/ }), { target: { value: '2' } });
    expect(backtestText()).toBe('This alarm would have fired once in the last week.');
    fireEvent.change(screen.getByRole('textbox', { name: /Datapoints to alarm/ }), { target: { value: '4' } });
    expect(screen.getByText(/must not exceed evaluation periods/)).toBeInTheDocument();
    expect(next()).toBeDisabled();
    fireEvent.change(screen.getByRole('textbox', { name: /Datapoints to alarm/ }), { target: { value: '2' } });
    fireEvent.click(next());

    // 4. Notification: new topic with validated emails.
    expect(next()).toBeDisabled();
    fireEvent.change(screen.getByRole('textbox', { name: 'New topic name' }), { target: { value: 'vcpu-alerts' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Email 1' }), { target: { value: 'not-an-email' } });
    expect(next()).toBeDisabled();
    fireEvent.change(screen.getByRole('textbox', { name: 'Email 1' }), { target: { value: 'ops@example.com' } });
    expect(screen.getByText(/deletes subscriptions still pending after 48 hours/)).toBeInTheDocument();
    fireEvent.click(next());

    // 5. Name, preview with the price, create.
    fireEvent.change(screen.getByRole('textbox', { name: 'Alarm name' }), { target: { value: 'vcpu-high' } });
    const preview = screen.getByRole('table', { name: 'Alarm preview' });
    expect(preview).toHaveTextContent('$0.10 per month');
    expect(preview).toHaveTextContent('2 of 3');
    expect(preview).toHaveTextContent('vcpu-alerts (new) → ops@example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Create alarm' }));
    await screen.findByText('Alarm created');
    const result = screen.getByLabelText('Create result');
    expect(result).toHaveTextContent('Alarm created');
    expect(within(result).getByRole('table', { name: 'Topic subscriptions' })).toHaveTextContent('pending confirmation');
    expect(fake.requestsOn('alarms:create')).toEqual([
      {
        region: 'us-east-1',
        name: 'vcpu-high',
        description: '',
        metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' },
        stat: 'Maximum',
        threshold: 40,
        comparison: 'gt',
        period: 300,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        treatMissing: 'missing',
        topic: { kind: 'new', name: 'vcpu-alerts', emails: ['ops@example.com'] },
      },
    ]);
  });

  it('shows an existing topic\'s subscriptions with their status and resends a pending one', async () => {
    const fake = createFakeApi(HANDLERS).install();
    renderUi(<AlarmWizard session={SESSION} onGoConnect={() => undefined} />);
    fireEvent.click(next());
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Threshold' })).toHaveValue('72'));
    fireEvent.click(next());
    fireEvent.click(next());
    fireEvent.click(screen.getByText('Existing topic'));
    fireEvent.click(screen.getByRole('combobox', { name: 'SNS topic' }));
    fireEvent.click(await screen.findByRole('option', { name: 'ops' }));
    const table = await screen.findByRole('table', { name: 'Subscriptions' });
    expect(table).toHaveTextContent('pending@example.com');
    expect(table).toHaveTextContent('confirmed');
    fireEvent.click(within(table).getByRole('button', { name: 'Resend confirmation' }));
    await waitFor(() => expect(fake.requestsOn('topics:resend')).toEqual([{ region: 'us-east-1', topicArn: TOPIC, endpoint: 'pending@example.com' }]));
    expect(next()).toBeEnabled();
  });
});
