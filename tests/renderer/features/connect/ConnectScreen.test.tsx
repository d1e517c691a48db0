// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConnectScreen } from '../../../../renderer/src/features/connect/ConnectScreen';
import type { ProfileSummary } from '../../../../shared/contract/profiles';
import type { SessionInfo } from '../../../../shared/contract/session';
import { renderUi } from '../../helpers/dom';
import { createFakeApi, fail } from '../../helpers/fake-api';
import { AppError } from '../../../../shared/errors';
import { runOf } from '../../helpers/runs';

const PROFILES: ProfileSummary[] = [
  { name: 'default', kind: 'static', region: 'us-east-1', endpointUrl: null, mfaSerial: null, isDefault: false },
  { name: 'dev', kind: 'sso', region: 'us-west-2', endpointUrl: 'http://127.0.0.1:4566', mfaSerial: null, isDefault: true },
  { name: 'ops', kind: 'assume-role', region: null, endpointUrl: null, mfaSerial: 'arn:aws:iam::111122223333:mfa/me', isDefault: false },
];
const sessionFor = (profile: string): SessionInfo => ({
  profile,
  account: '123456789012',
  arn: `arn:aws:iam::123456789012:user/${profile}`,
  userId: 'AIDAEXAMPLE',
  region: 'us-east-1',
  endpointUrl: null,
});

function setup(connect: (req: { profile: string; mfaCode?: string }) => SessionInfo) {
  const fake = createFakeApi({ 'profiles:list': () => PROFILES, 'session:connect': connect }).install();
  const onConnected = vi.fn();
  const view = renderUi(<ConnectScreen session={null} onConnected={onConnected} />);
  return { fake, onConnected, view };
}

describe('ConnectScreen', () => {
  it('lists profiles with kind, region and endpoint, preselecting the default', async () => {
    setup((req) => sessionFor(req.profile));
    const table = await screen.findByRole('table', { name: 'AWS profiles' });
    const devRow = within(table).getByRole('radio', { name: 'dev' }).closest('tr') as HTMLElement;
    expect(within(devRow).getByText('SSO')).toBeInTheDocument();
    expect(within(devRow).getByText('us-west-2')).toBeInTheDocument();
    expect(within(devRow).getByText('http://127.0.0.1:4566')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'dev' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'default' })).not.toBeChecked();
    const opsRow = screen.getByRole('radio', { name: 'ops' }).closest('tr') as HTMLElement;
    expect(within(opsRow).getByText('assume role')).toBeInTheDocument();
    expect(within(opsRow).getByText('MFA')).toBeInTheDocument();
    expect(within(opsRow).getByText('not set')).toBeInTheDocument();
  });

  it('connects the chosen profile and reports the identity', async () => {
    const { fake, onConnected } = setup((req) => sessionFor(req.profile));
    fireEvent.click(await screen.findByRole('radio', { name: 'default' }));
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(onConnected).toHaveBeenCalledWith(sessionFor('default')));
    expect(fake.requestsOn('session:connect')).toEqual([{ profile: 'default' }]);
  });

  it('shows the connected account and ARN', async () => {
    createFakeApi({ 'profiles:list': () => PROFILES }).install();
    renderUi(<ConnectScreen session={sessionFor('dev')} onConnected={() => undefined} />);
    const box = await screen.findByLabelText('Connected identity');
    expect(box).toHaveTextContent('123456789012');
    expect(box).toHaveTextContent('arn:aws:iam::123456789012:user/dev');
  });

  it('asks for an MFA code before connecting an MFA profile', async () => {
    const { fake, onConnected } = setup((req) => sessionFor(req.profile));
    fireEvent.click(await screen.findByRole('radio', { name: 'ops' }));
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    const dialog = await screen.findByRole('dialog');
    const submit = within(dialog).getByRole('button', { name: 'Connect with MFA' });
    expect(submit).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText('MFA code'), { target: { value: '12345' } });
    expect(within(dialog).getByText('The MFA code has 6 digits (5 entered).')).toBeInTheDocument();
    fireEvent.change(within(dialog).getByLabelText('MFA code'), { target: { value: '654321' } });
    fireEvent.click(submit);
    await waitFor(() => expect(onConnected).toHaveBeenCalled());
    expect(fake.requestsOn('session:connect')).toEqual([{ profile: 'ops', mfaCode: '654321' }]);
  });

  it('cancelling the MFA prompt leaves a clean message and sends nothing', async () => {
    const { fake } = setup((req) => sessionFor(req.profile));
    fireEvent.click(await screen.findByRole('radio', { name: 'ops' }));
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('MFA cancelled');
    expect(alert).toHaveTextContent('Press Connect again');
    expect(fake.requestsOn('session:connect')).toEqual([]);
  });

  it('shows an expired SSO session with the login command to copy', async () => {
    setup(() =>
      fail('SsoExpired', 'The SSO session for profile "dev" is missing or expired. Run: aws sso login --profile dev'),
    );
    await screen.findByRole('table', { name: 'AWS profiles' });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('SSO session expired');
    expect(within(alert).getByText('aws sso login --profile dev', { selector: 'pre' })).toBeInTheDocument();
    expect(within(alert).getByRole('button', { name: 'Copy command' })).toBeInTheDocument();
  });

  it('keeps all six digits of an MFA code pasted with a leading space (no maxlength cuts it)', async () => {
    const { fake, onConnected } = setup((req) => sessionFor(req.profile));
    fireEvent.click(await screen.findByRole('radio', { name: 'ops' }));
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    const dialog = await screen.findByRole('dialog');
    const input = within(dialog).getByLabelText('MFA code');
    expect(input).not.toHaveAttribute('maxlength');
    fireEvent.change(input, { target: { value: ' 123456' } });
    expect(input).toHaveValue('123456');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Connect with MFA' }));
    await waitFor(() => expect(onConnected).toHaveBeenCalled());
    expect(fake.requestsOn('session:connect')).toEqual([{ profile: 'ops', mfaCode: '123456' }]);
  });

  it('offers "Sign in" for an SSO profile, shows the code, and connects once the browser confirmed it', async () => {
    let polls = 0;
    const fake = createFakeApi({
      'profiles:list': () => PROFILES,
      'session:connect': (req) => sessionFor(req.profile),
      'sso:sign-in': () => ({ runId: 's1' }),
      'runs:progress': ({ runId }) =>
        runOf('sso-sign-in', runId, 'dev', {
          code: {
            userCode: 'ABCD-EFGH',
            verificationUri: 'https://device.sso.us-east-1.amazonaws.com/',
            verificationUriComplete: 'https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH',
            expiresAt: '2030-01-01T00:00:00.000Z',
            browserOpened: true,
          },
          ...(++polls < 2 ? {} : { state: 'succeeded', result: { expiresAt: '2030-01-01T08:00:00Z' } }),
        }),
    }).install();
    const onConnected = vi.fn();
    renderUi(<ConnectScreen session={null} onConnected={onConnected} />);
    // dev is the preselected SSO profile; a static one has no Sign in.
    fireEvent.click(await screen.findByRole('radio', { name: 'default' }));
    expect(screen.queryByRole('button', { name: 'Sign in' })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'dev' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign in to IAM Identity Center for "dev"' });
    expect(await within(dialog).findByLabelText('Code to confirm')).toHaveTextContent('ABCD-EFGH');
    expect(dialog).toHaveTextContent('https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH');
    expect(dialog).toHaveTextContent('Your browser opened the AWS sign-in page');
    await waitFor(() => expect(onConnected).toHaveBeenCalledWith(sessionFor('dev')), { timeout: 5000 });
    expect(fake.requestsOn('sso:sign-in')).toEqual([{ profile: 'dev' }]);
    expect(fake.requestsOn('session:connect')).toEqual([{ profile: 'dev' }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(new Set(fake.requestsOn('runs:progress').map((r) => r.runId))).toEqual(new Set(['s1']));
  });

  it('Cancel stops a sign-in that is still waiting', async () => {
    const fake = createFakeApi({
      'profiles:list': () => PROFILES,
      'sso:sign-in': () => ({ runId: 's3' }),
      'runs:progress': ({ runId }) =>
        runOf('sso-sign-in', runId, 'dev', { code: { userCode: 'WAIT-0001', verificationUri: 'https://x.example/', verificationUriComplete: 'https://x.example/?c', expiresAt: '2030-01-01T00:00:00.000Z', browserOpened: true } }),
      'runs:cancel': () => ({ cancelled: true }),
    }).install();
    renderUi(<ConnectScreen session={null} onConnected={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByLabelText('Code to confirm');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(fake.requestsOn('runs:cancel')).toEqual([{ runId: 's3' }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows why a sign-in failed; closing a failed one sends no cancel', async () => {
    const fake = createFakeApi({
      'profiles:list': () => PROFILES,
      'session:connect': () => fail('SsoExpired', 'The SSO session for profile "dev" is missing or expired. Sign in …'),
      'sso:sign-in': () => ({ runId: 's2' }),
      'runs:progress': ({ runId }) =>
        runOf('sso-sign-in', runId, 'dev', {
          state: 'failed',
          code: { userCode: 'WXYZ-1234', verificationUri: 'https://x.example/', verificationUriComplete: 'https://x.example/?c', expiresAt: '2030-01-01T00:00:00.000Z', browserOpened: false },
          error: { code: 'AccessDenied', message: 'Sign-in for profile "dev" was denied in the browser.' },
        }),
      'runs:cancel': () => ({ cancelled: false }),
    }).install();
    renderUi(<ConnectScreen session={null} onConnected={() => undefined} />);
    await screen.findByRole('table', { name: 'AWS profiles' });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    // An expired SSO session offers the sign-in right in the error.
    const alert = await screen.findByRole('alert');
    fireEvent.click(within(alert).getByRole('button', { name: 'Sign in now' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(/Open this page in your browser/)).toBeInTheDocument();
    expect(await within(dialog).findByText('Sign-in for profile "dev" was denied in the browser.', {}, { timeout: 3000 })).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(fake.requestsOn('runs:cancel')).toEqual([]);
  });

  it('"Use access keys" sends the pasted keys trimmed, clears them, and offers to save them as a profile', async () => {
    const keysSession: SessionInfo = { ...sessionFor('(access keys)'), profile: '(access keys)' };
    const fake = createFakeApi({
      'profiles:list': () => PROFILES,
      'session:connect-keys': () => keysSession,
      'session:save-profile': (req) => ({ profile: req.name, credentialsFile: '/home/u/.aws/credentials', configFile: '/home/u/.aws/config', replaced: false }),
      'session:current': () => ({ ...keysSession, profile: 'pasted' }),
    }).install();
    let session: SessionInfo | null = null;
    // The shell holds the session, as App does.
    function Shell() {
      const [current, setCurrent] = useState<SessionInfo | null>(null);
      session = current;
      return <ConnectScreen session={current} onConnected={setCurrent} />;
    }
    renderUi(<Shell />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Use access keys' }));
    const form = screen.getByRole('form', { name: 'Access keys' });
    fireEvent.click(within(form).getByRole('button', { name: 'Connect with keys' }));
    expect(await within(form).findByText('Enter the access key ID.')).toBeInTheDocument();
    fireEvent.change(within(form).getByLabelText('Access key ID'), { target: { value: ' AKIAPASTED000000001 ' } });
    fireEvent.change(within(form).getByLabelText('Secret access key'), { target: { value: 'pasted-secret\n' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Connect with keys' }));
    await waitFor(() => expect(session).toEqual(keysSession));
    expect(fake.requestsOn('session:connect-keys')).toEqual([{ accessKeyId: 'AKIAPASTED000000001', secretAccessKey: 'pasted-secret', region: 'us-east-1' }]);
    expect(within(form).getByLabelText('Secret access key')).toHaveValue('');
    expect(within(form).getByLabelText('Access key ID')).toHaveValue('');

    const card = await screen.findByRole('region', { name: 'Save as a profile' });
    fireEvent.change(within(card).getByLabelText('Profile name'), { target: { value: 'my keys' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Save as profile' }));
    expect(await within(card).findByText('The profile name contains spaces.')).toBeInTheDocument();
    fireEvent.change(within(card).getByLabelText('Profile name'), { target: { value: 'pasted' } });
    fireEvent.click(within(card).getByRole('checkbox', { name: 'Replace it if a profile of that name exists' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Save as profile' }));
    await waitFor(() => expect(session?.profile).toBe('pasted'));
    expect(fake.requestsOn('session:save-profile')).toEqual([{ name: 'pasted', region: 'us-east-1', replace: true }]);
    expect(await screen.findByRole('status')).toHaveTextContent('Saved as profile "pasted"');
    expect(screen.queryByRole('region', { name: 'Save as a profile' })).toBeNull();
  });

  it('shows main’s verdict on a key under the field it concerns', async () => {
    createFakeApi({
      'profiles:list': () => PROFILES,
      'session:connect-keys': () => {
        throw new AppError('InvalidInput', 'The access key ID must be 20 characters long (it is 8).', 'accessKeyId');
      },
    }).install();
    renderUi(<ConnectScreen session={null} onConnected={() => undefined} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Use access keys' }));
    const form = screen.getByRole('form', { name: 'Access keys' });
    fireEvent.change(within(form).getByLabelText('Access key ID'), { target: { value: 'AKIA1234' } });
    fireEvent.change(within(form).getByLabelText('Secret access key'), { target: { value: 's' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Connect with keys' }));
    expect(await within(form).findByText('The access key ID must be 20 characters long (it is 8).')).toBeInTheDocument();
    expect(within(form).queryByRole('alert')).toBeNull();
  });

  it('explains what to do when there are no profiles', async () => {
    createFakeApi({ 'profiles:list': () => [] }).install();
    renderUi(<ConnectScreen session={null} onConnected={() => undefined} />);
    expect(await screen.findByText('No AWS profiles found')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Connect' })).toBeDisabled();
  });
});
