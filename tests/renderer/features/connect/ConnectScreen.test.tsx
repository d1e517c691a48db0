// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ConnectScreen } from '../../../../renderer/src/features/connect/ConnectScreen';
import type { ProfileSummary, SessionInfo } from '../../../../shared/contract/session';
import { renderUi } from '../../helpers/dom';
import { createFakeApi, fail } from '../../helpers/fake-api';

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

  it('explains what to do when there are no profiles', async () => {
    createFakeApi({ 'profiles:list': () => [] }).install();
    renderUi(<ConnectScreen session={null} onConnected={() => undefined} />);
    expect(await screen.findByText('No AWS profiles found')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Connect' })).toBeDisabled();
  });
});
