// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import { NAV_ITEMS } from '../../../renderer/src/app/nav';
import type { SessionInfo } from '../../../shared/contract/session';
import { renderUi } from '../helpers/dom';
import { createFakeApi, fail } from '../helpers/fake-api';

const SESSION: SessionInfo = {
  profile: 'dev',
  account: '123456789012',
  arn: 'arn:aws:iam::123456789012:user/dev',
  userId: 'AIDA',
  region: 'us-west-2',
  endpointUrl: 'http://127.0.0.1:4566',
};

describe('App', () => {
  it('shows the connected identity and endpoint override in the header', async () => {
    createFakeApi({ 'session:current': () => SESSION, 'profiles:list': () => [] }).install();
    renderUi(<App />);
    const header = await screen.findByRole('status', { name: 'Connected account' });
    expect(header).toHaveTextContent('dev · 123456789012');
    expect(header).toHaveTextContent('arn:aws:iam::123456789012:user/dev');
    expect(header).toHaveTextContent('endpoint http://127.0.0.1:4566');
  });

  it('navigates between the screens of the navbar', async () => {
    createFakeApi({ 'session:current': () => null, 'profiles:list': () => [], 'configs:list': () => [] }).install();
    renderUi(<App />);
    expect(screen.getByText('Not connected')).toBeInTheDocument();
    const nav = screen.getByLabelText('Main navigation');
    expect(within(nav).getAllByRole('button').map((b) => b.textContent)).toEqual(NAV_ITEMS.filter((n) => !n.hidden).map((n) => n.label));
    fireEvent.click(within(nav).getByRole('button', { name: 'New setup' }));
    // Screens after the first load on first use (their module is fetched, here transformed too).
    expect(await screen.findByRole('heading', { name: 'New Cloud Configuration' }, { timeout: 15_000 })).toBeInTheDocument();
    fireEvent.click(within(nav).getByRole('button', { name: 'Configurations' }));
    expect(await screen.findByRole('heading', { name: 'Configurations' }, { timeout: 15_000 })).toBeInTheDocument();
  });

  it('opens the screen a clicked desktop notification names (the preload event), ignoring unknown names', async () => {
    createFakeApi({ 'session:current': () => null, 'profiles:list': () => [], 'configs:list': () => [] }).install();
    let listener: ((screen: string) => void) | null = null;
    window.onrampEvents = { onNavigate: (l) => ((listener = l), () => (listener = null)) };
    const view = renderUi(<App />);
    expect(screen.getByText('Not connected')).toBeInTheDocument();
    act(() => listener!('nowhere'));
    act(() => listener!('configurations'));
    expect(await screen.findByRole('heading', { name: 'Configurations' }, { timeout: 15_000 })).toBeInTheDocument();
    view.unmount();
    expect(listener).toBeNull();
    delete window.onrampEvents;
  });

  it('accepts extra nav items (e.g. a future Settings screen)', async () => {
    createFakeApi({ 'session:current': () => null, 'profiles:list': () => [] }).install();
    renderUi(<App navItems={[...NAV_ITEMS, { id: 'extra', label: 'Extra', icon: () => null, render: () => <p>charts</p> }]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Extra' }));
    await waitFor(() => expect(screen.getByText('charts')).toBeInTheDocument());
  });
});

describe('App when credentials expire mid-session', () => {
  it('prompts to reconnect instead of leaving the screen stuck, and Reconnect returns to Connect', async () => {
    const { AppError } = await import('../../../shared/errors');
    const fake = createFakeApi({
      'session:current': () => SESSION,
      'profiles:list': () => [],
      'session:disconnect': () => null,
      'configs:list': () => {
        throw new AppError('CredentialsExpired', 'ExpiredToken: The security token included in the request is expired. Reconnect to refresh the credentials.');
      },
    });
    fake.install();
    renderUi(<App />);
    await screen.findByRole('status', { name: 'Connected account' });
    fireEvent.click(within(screen.getByLabelText('Main navigation')).getByRole('button', { name: 'Configurations' }));
    const dialog = await screen.findByRole('dialog', { name: 'Your AWS session has expired' });
    expect(dialog).toHaveTextContent('security token included in the request is expired');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reconnect' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByText('Not connected')).toBeInTheDocument();
    expect(fake.calls.map((c) => c.channel)).toContain('session:disconnect');
  });

  it('opens the Monitoring dashboard at start-up when a session already exists', async () => {
    createFakeApi({ 'session:current': () => SESSION, 'profiles:list': () => [], 'dashboard:summary': () => ({ generatedAt: Date.now(), regions: [] }) }).install();
    renderUi(<App />);
    expect(await screen.findByRole('heading', { name: 'Monitoring' }, { timeout: 5000 })).toBeInTheDocument();
  });
});

describe('App when a connect attempt fails with an expired SSO session', () => {
  it('shows no reconnect prompt later: only expiries while connected prompt', async () => {
    const { AppError } = await import('../../../shared/errors');
    let connected = false;
    createFakeApi({
      'session:current': () => (connected ? SESSION : null),
      'profiles:list': () => [{ name: 'sso-expired', kind: 'sso', region: 'us-east-1', endpointUrl: null, mfaSerial: null, isDefault: true }],
      'session:connect': () => {
        throw new AppError('SsoExpired', 'The SSO session for profile "sso-expired" is missing or expired. Run: aws sso login --profile sso-expired');
      },
    }).install();
    renderUi(<App />);
    const { call, api } = await import('../../../renderer/src/api');
    await call(() => api().session.connect({ profile: 'sso-expired' }));
    connected = true;
    expect(screen.queryByRole('dialog', { name: 'Your AWS session has expired' })).not.toBeInTheDocument();
  });
});

describe('App theme', () => {
  it('applies the saved theme at start-up and saves a change made in the header', async () => {
    const fake = createFakeApi({
      'session:current': () => null,
      'profiles:list': () => [],
      'settings:get': () => ({ version: 1, lastProfile: null, lastRegion: null, refreshIntervalSeconds: 300, theme: 'dark', pricePerVcpuHour: 0.05 }) as never,
      'settings:update': (u) => ({ version: 1, lastProfile: null, lastRegion: null, refreshIntervalSeconds: 300, theme: 'light', pricePerVcpuHour: 0.05, ...u }) as never,
    });
    fake.install();
    renderUi(<App />);
    await waitFor(() => expect(document.documentElement).toHaveAttribute('data-mantine-color-scheme', 'dark'));
    // Mantine sets the attribute at once and re-renders the switch afterwards: click only once the
    // switch shows Dark, or the click lands on an already-selected Light and changes nothing.
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Dark' })).toBeChecked());
    fireEvent.click(screen.getByRole('radio', { name: 'Light' }));
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'settings:update' && (c.request as { theme?: string }).theme === 'light')).toBe(true));
    // The saved theme is read once at start-up, not again on every re-render of the shell.
    fireEvent.click(within(screen.getByLabelText('Main navigation')).getByRole('button', { name: 'Configurations' }));
    await screen.findByRole('heading', { name: 'Configurations' });
    expect(fake.requestsOn('settings:get')).toHaveLength(1);
  });

  it('ignores a saved theme that arrives after the shell has gone (no late colour-scheme change)', async () => {
    let answer: (v: unknown) => void = () => undefined;
    const pending = new Promise((resolve) => (answer = resolve));
    createFakeApi({ 'session:current': () => null, 'profiles:list': () => [], 'settings:get': () => pending as never }).install();
    const view = renderUi(<App />);
    view.unmount();
    document.documentElement.setAttribute('data-mantine-color-scheme', 'light');
    answer({ version: 1, lastProfile: null, lastRegion: null, refreshIntervalSeconds: 300, theme: 'dark', pricePerVcpuHour: 0.05 });
    await new Promise((r) => setTimeout(r, 30));
    expect(document.documentElement).toHaveAttribute('data-mantine-color-scheme', 'light');
    expect(document.querySelectorAll('[data-mantine-disable-transition]')).toHaveLength(0);
  });
});

describe('App with a setup run in progress', () => {
  it('asks before disconnecting, and disconnects only when told to', async () => {
    const { useSetupRun } = await import('../../../renderer/src/features/setup-wizard/setup-run');
    const { runOf } = await import('../helpers/runs');
    const fake = createFakeApi({
      'session:current': () => SESSION,
      'profiles:list': () => [],
      'session:disconnect': () => null,
      'runs:progress': ({ runId }) => runOf('setup-apply', runId, 'c'),
    }).install();
    function StartRun() {
      const run = useSetupRun();
      return (
        <button type="button" onClick={() => run?.track('job-x')}>
          start a run
        </button>
      );
    }
    renderUi(<App navItems={[...NAV_ITEMS, { id: 'extra', label: 'Extra', icon: () => null, render: () => <StartRun /> }]} />);
    await screen.findByRole('status', { name: 'Connected account' });
    fireEvent.click(screen.getByRole('button', { name: 'Extra' }));
    fireEvent.click(await screen.findByRole('button', { name: 'start a run' }));
    await waitFor(() => expect(fake.requestsOn('runs:progress')).toContainEqual({ runId: 'job-x' }));
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    const dialog = await screen.findByRole('dialog', { name: 'A setup run is in progress' });
    expect(fake.requestsOn('session:disconnect')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Stay connected' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('status', { name: 'Connected account' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Disconnect anyway' }));
    await waitFor(() => expect(fake.requestsOn('session:disconnect')).toHaveLength(1));
  });
});

describe('App with an alarm create in progress', () => {
  it('asks before disconnecting, offers to show the run, and says when the create finished wherever the user is', async () => {
    const { useAlarmRun } = await import('../../../renderer/src/features/alarm-wizard/alarm-run');
    const { fakeRuns } = await import('../helpers/runs');
    const runs = fakeRuns();
    const { initialAlarmForm, toRequest } = await import('../../../renderer/src/features/alarm-wizard/model');
    const fake = createFakeApi({
      ...runs.handlers,
      'session:current': () => SESSION,
      'profiles:list': () => [],
      'session:disconnect': () => null,
      'alarms:create': (r) => runs.start('alarm-create', r.config.name),
    }).install();
    function StartCreate() {
      const run = useAlarmRun();
      return (
        <>
          <button type="button" onClick={() => run?.begin({ ...initialAlarmForm('us-west-2'), name: 'vcpu-high', threshold: '100', topicMode: 'existing', topicArn: 'arn:aws:sns:us-west-2:123456789012:t' }, null)}>
            begin
          </button>
          <button type="button" onClick={() => run?.state && void run.create(toRequest(run.state.form))}>
            create
          </button>
        </>
      );
    }
    const { Notifications } = await import('@mantine/notifications');
    renderUi(
      <>
        <Notifications />
        <App navItems={[...NAV_ITEMS, { id: 'extra', label: 'Extra', icon: () => null, render: () => <StartCreate /> }]} />
      </>,
    );
    await screen.findByRole('status', { name: 'Connected account' });
    fireEvent.click(screen.getByRole('button', { name: 'Extra' }));
    fireEvent.click(await screen.findByRole('button', { name: 'begin' }));
    fireEvent.click(screen.getByRole('button', { name: 'create' }));
    await waitFor(() => expect(fake.requestsOn('alarms:create')).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    const dialog = await screen.findByRole('dialog', { name: 'An alarm create is in progress' });
    expect(fake.requestsOn('session:disconnect')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Show the run' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'New alarm' }, { timeout: 5000 })).toBeInTheDocument();
    // Elsewhere when it finishes: a notice says so, with a way to its result.
    fireEvent.click(screen.getByRole('button', { name: 'Extra' }));
    const t = 'arn:aws:sns:us-west-2:123456789012:t';
    runs.end(runs.last(), {
      state: 'succeeded',
      result: { alarmName: 'vcpu-high', notifyOn: ['alarm'], regions: [{ region: 'us-west-2', alarmArn: 'arn:aws:cloudwatch:us-west-2:123456789012:alarm:vcpu-high', topicArn: t, updated: false, topicCreated: false, subscriptions: [] }] },
    });
    expect(await screen.findByText('vcpu-high is in place in us-west-2.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Show result' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Alarm vcpu-high' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('vcpu-high is in place in us-west-2.')).toBeNull());
    // Monitoring keeps the way to it too.
    fireEvent.click(screen.getByRole('button', { name: 'Monitoring' }));
    const last = await screen.findByLabelText('Last alarm created', {}, { timeout: 5000 });
    expect(last).toHaveTextContent('You created vcpu-high in us-west-2 this session.');
    fireEvent.click(within(last).getByRole('button', { name: 'Show its result' }));
    expect(await screen.findByRole('region', { name: 'Create result' })).toHaveTextContent('vcpu-high notifies on');
  });

  it('a create that finishes on the wizard shows its result there, with no notice drawn over it', async () => {
    const { useAlarmRun } = await import('../../../renderer/src/features/alarm-wizard/alarm-run');
    const { initialAlarmForm } = await import('../../../renderer/src/features/alarm-wizard/model');
    const { fakeRuns } = await import('../helpers/runs');
    const runs = fakeRuns();
    createFakeApi({
      ...runs.handlers,
      'session:current': () => SESSION,
      'profiles:list': () => [],
      'usage:history': () => fail('Throttled', 'slow down'),
      'topics:lookup': (r) => r.regions.map((region) => ({ region, topicArn: null, onramp: false, subscriptions: [] })),
      'alarms:create': (r) => runs.start('alarm-create', r.config.name),
    }).install();
    function StartCreate() {
      const run = useAlarmRun();
      return (
        <button
          type="button"
          onClick={() => {
            run?.begin({ ...initialAlarmForm('us-west-2'), name: 'vcpu-high', threshold: '100', topicMode: 'existing', topicArn: 'arn:aws:sns:us-west-2:123456789012:t' }, null);
            run?.setStep('review');
          }}
        >
          begin
        </button>
      );
    }
    const { Notifications } = await import('@mantine/notifications');
    renderUi(
      <>
        <Notifications />
        <App navItems={[...NAV_ITEMS, { id: 'extra', label: 'Extra', icon: () => null, render: () => <StartCreate /> }]} />
      </>,
    );
    await screen.findByRole('status', { name: 'Connected account' });
    fireEvent.click(screen.getByRole('button', { name: 'Extra' }));
    fireEvent.click(await screen.findByRole('button', { name: 'begin' }));
    fireEvent.click(screen.getByRole('button', { name: 'New alarm' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Create alarm' }));
    const t = 'arn:aws:sns:us-west-2:123456789012:t';
    runs.end(runs.last(), {
      state: 'succeeded',
      result: { alarmName: 'vcpu-high', notifyOn: ['alarm'], regions: [{ region: 'us-west-2', alarmArn: 'arn:aws:cloudwatch:us-west-2:123456789012:alarm:vcpu-high', topicArn: t, updated: false, topicCreated: false, subscriptions: [] }] },
    });
    expect(await screen.findByRole('region', { name: 'Create result' }, { timeout: 5000 })).toHaveTextContent('Alarm created');
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText('vcpu-high is in place in us-west-2.')).toBeNull();
  });
});

describe('App: disconnecting in the middle of a wizard, and narrow windows', () => {
  it('asks before disconnecting with a setup form filled in, says what was kept, and keeps it', async () => {
    const { Notifications, notifications } = await import('@mantine/notifications');
    notifications.clean();
    const fake = createFakeApi({ 'session:current': () => SESSION, 'profiles:list': () => [], 'session:disconnect': () => null, 'configs:list': () => [], 'readiness:check': () => fail('Throttled', 'slow down') }).install();
    renderUi(
      <>
        <Notifications />
        <App />
      </>,
    );
    await screen.findByRole('status', { name: 'Connected account' });
    fireEvent.click(within(screen.getByLabelText('Main navigation')).getByRole('button', { name: 'New setup' }));
    fireEvent.change(await screen.findByRole('textbox', { name: 'Configuration name' }), { target: { value: 'half-done' } });
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    const dialog = await screen.findByRole('dialog', { name: 'Disconnect in the middle of New setup?' });
    expect(dialog).toHaveTextContent('New setup keeps what you typed, but its checks, plan and create need a connection');
    expect(fake.requestsOn('session:disconnect')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Disconnect' }));
    await waitFor(() => expect(fake.requestsOn('session:disconnect')).toHaveLength(1));
    expect(await screen.findByText(`From account ${SESSION.account} (${SESSION.profile}). New setup keeps what you typed: connect again to continue it.`)).toBeInTheDocument();
    expect(screen.getByText('Not connected')).toBeInTheDocument();
    fireEvent.click(within(screen.getByLabelText('Main navigation')).getByRole('button', { name: 'New setup' }));
    expect(await screen.findByRole('textbox', { name: 'Configuration name' })).toHaveValue('half-done');
  });

  it('disconnects at once, with a word, when nothing is in progress', async () => {
    const { Notifications, notifications } = await import('@mantine/notifications');
    notifications.clean();
    const fake = createFakeApi({ 'session:current': () => SESSION, 'profiles:list': () => [], 'session:disconnect': () => null }).install();
    renderUi(
      <>
        <Notifications />
        <App navItems={NAV_ITEMS.filter((n) => n.id === 'connect')} />
      </>,
    );
    await screen.findByRole('status', { name: 'Connected account' });
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    await waitFor(() => expect(fake.requestsOn('session:disconnect')).toHaveLength(1));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByText(`From account ${SESSION.account} (${SESSION.profile}).`)).toBeInTheDocument();
  });

  it('below 1000 px the sidebar collapses to its icons, keeps every name, and opens on demand', async () => {
    const original = window.matchMedia;
    window.matchMedia = ((query: string) => ({ ...original(query), matches: /max-width: 999/.test(query) })) as typeof window.matchMedia;
    try {
      createFakeApi({ 'session:current': () => null, 'profiles:list': () => [], 'configs:list': () => [] }).install();
      renderUi(<App />);
      const nav = screen.getByLabelText('Main navigation');
      const toggle = within(nav).getByRole('button', { name: 'Expand the sidebar' });
      expect(toggle).toHaveAttribute('aria-expanded', 'false');
      // Icons only, each still named for screen readers and tests.
      const configurations = within(nav).getByRole('button', { name: 'Configurations' });
      expect(configurations).not.toHaveTextContent('Configurations');
      fireEvent.click(configurations);
      expect(await screen.findByRole('heading', { name: 'Configurations' })).toBeInTheDocument();
      fireEvent.click(toggle);
      expect(within(nav).getByRole('button', { name: 'Collapse the sidebar' })).toHaveAttribute('aria-expanded', 'true');
      expect(within(nav).getByRole('button', { name: 'Configurations' })).toHaveTextContent('Configurations');
    } finally {
      window.matchMedia = original;
    }
  });
});

describe('App with an organization roll-out in progress', () => {
  it('asks before disconnecting while the Organization screen’s apply runs', async () => {
    const { fakeRuns } = await import('../helpers/runs');
    const { useRun } = await import('../../../renderer/src/components/runs');
    const runs = fakeRuns();
    const fake = createFakeApi({ 'session:current': () => SESSION, 'profiles:list': () => [], 'session:disconnect': () => null, ...runs.handlers }).install();
    const { runId } = runs.start('org-apply', 'acme');
    // The place the Organization screen follows its apply in (named by the run kind).
    function StartRun() {
      const place = useRun('org-apply', () => ({ command: null }));
      return (
        <button type="button" onClick={() => place?.track(runId)}>
          start a roll-out
        </button>
      );
    }
    renderUi(<App navItems={[...NAV_ITEMS, { id: 'extra', label: 'Extra', icon: () => null, render: () => <StartRun /> }]} />);
    await screen.findByRole('status', { name: 'Connected account' });
    fireEvent.click(screen.getByRole('button', { name: 'Extra' }));
    fireEvent.click(await screen.findByRole('button', { name: 'start a roll-out' }));
    await waitFor(() => expect(fake.requestsOn('runs:progress')).toContainEqual({ runId }));
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(await screen.findByRole('dialog', { name: 'An organization roll-out is in progress' })).toBeInTheDocument();
    expect(fake.requestsOn('session:disconnect')).toEqual([]);
  });
});
