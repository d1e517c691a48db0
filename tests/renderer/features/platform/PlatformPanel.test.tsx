// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PlatformPanel } from '../../../../renderer/src/features/platform/PlatformPanel';
import { RegisterWithPlatform } from '../../../../renderer/src/features/platform/RegisterWithPlatform';
import type { FieldComparison, PlatformOverview, RegisterResult } from '../../../../shared/contract/platform';
import { renderUi } from '../../helpers/dom';
import { createFakeApi, fail } from '../../helpers/fake-api';
import { NO_PLATFORM_TOKEN } from '../../helpers/platform-status';

const STORED = { ...NO_PLATFORM_TOKEN, credentials: 'keychain' as const, clientIdHint: 'abcd…wxyz' };
const SECRET = 'renderer-test-secret-value-123';

const fields = (over: Partial<Record<FieldComparison['field'], Partial<FieldComparison>>> = {}): FieldComparison[] =>
  (
    [
      ['roleArn', 'Role ARN', 'arn:aws:iam::123456789012:role/BodoPlatformUser'],
      ['externalId', 'External ID', 'ext-1'],
      ['accountId', 'AWS account', '123456789012'],
      ['bucketName', 'S3 bucket', 'prod-bucket'],
      ['tableName', 'DynamoDB table', 'prod-table'],
      ['region', 'Region', 'us-east-1'],
    ] as const
  ).map(([field, label, local]) => ({
    field,
    label,
    local,
    platform: field === 'tableName' ? null : local,
    state: field === 'tableName' ? ('not-reported' as const) : ('match' as const),
    ...over[field],
  }));

const OVERVIEW: PlatformOverview = {
  apiUrl: 'https://api.bodo.ai/api',
  configurations: [
    { name: 'prod', accountId: '123456789012', region: 'us-east-1', verifiedAt: '2026-01-01T00:00:00Z', registered: true, uuid: 'u-prod', status: 'ACTIVE', matches: true, fields: fields(), note: null },
    {
      name: 'stage',
      accountId: '123456789012',
      region: 'us-east-1',
      verifiedAt: null,
      registered: true,
      uuid: 'u-stage',
      status: 'INCOMPLETE',
      matches: false,
      fields: fields({ bucketName: { platform: 'typo-bucket', state: 'differ' } }),
      note: 'The platform already has a Cloud Configuration named "stage" with different values for S3 bucket.',
    },
    { name: 'dev', accountId: '123456789012', region: 'us-west-2', verifiedAt: null, registered: false, uuid: null, status: null, matches: null, fields: [], note: null },
  ],
  platformOnly: [{ uuid: 'u-remote', name: 'made-by-hand', status: 'ACTIVE', provider: 'AWS', roleArn: null, externalId: null, accountId: null, bucketName: 'hand-bucket', tableName: null, region: 'us-west-1' }],
};

const created = (name: string, over: Partial<RegisterResult> = {}): RegisterResult => ({ outcome: 'created', uuid: `u-${name}`, status: 'ACTIVE', name, matches: true, fields: fields(), note: null, ...over });

describe('PlatformPanel', () => {
  it('shows each saved configuration’s platform state and the platform-only ones, read-only', async () => {
    createFakeApi({ 'platform:status': () => STORED, 'platform:list': () => OVERVIEW }).install();
    renderUi(<PlatformPanel />);
    const table = await screen.findByRole('table', { name: 'Platform status of saved configurations' });
    const row = (name: string) => within(table).getAllByRole('row').find((r) => within(r).queryAllByRole('cell')[0]?.textContent?.startsWith(name))!;
    expect(within(row('prod')).getByText('Registered')).toBeInTheDocument();
    expect(within(row('prod')).getByText('ACTIVE')).toBeInTheDocument();
    expect(within(row('prod')).getByLabelText('Role ARN matches')).toBeInTheDocument();
    expect(within(row('prod')).getByLabelText('DynamoDB table not kept')).toBeInTheDocument();
    expect(within(row('stage')).getByText('Registered, differs')).toBeInTheDocument();
    expect(within(row('stage')).getByLabelText('S3 bucket differs')).toBeInTheDocument();
    expect(within(row('dev')).getByText('Not registered')).toBeInTheDocument();
    expect(within(row('prod')).getByText(/^verified in AWS /)).toBeInTheDocument();
    expect(within(row('dev')).getByText('not verified in AWS since saved')).toBeInTheDocument();
    // The mismatch side by side, below the table.
    const cmp = screen.getByRole('table', { name: 'Comparison of stage with the platform' });
    expect(within(cmp).getByText('typo-bucket')).toBeInTheDocument();
    expect(within(cmp).getByText('prod-bucket')).toBeInTheDocument();
    const remote = screen.getByRole('table', { name: 'On the platform only' });
    expect(within(remote).getByText('made-by-hand')).toBeInTheDocument();
    expect(within(remote).queryAllByRole('button')).toEqual([]);
  });

  it('registers one row and shows the platform’s answer, then reloads', async () => {
    const fake = createFakeApi({ 'platform:status': () => STORED, 'platform:list': () => OVERVIEW, 'platform:register': ({ name }) => created(name) }).install();
    renderUi(<PlatformPanel />);
    fireEvent.click(await screen.findByRole('button', { name: 'Register dev (account 123456789012) with the Bodo Platform' }));
    const outcome = await screen.findByRole('status', { name: 'Platform registration of dev' });
    expect(outcome).toHaveTextContent('Registered "dev" with the Bodo Platform');
    expect(outcome).toHaveTextContent('u-dev');
    expect(fake.requestsOn('platform:register')).toEqual([{ name: 'dev', accountId: '123456789012' }]);
    await waitFor(() => expect(fake.requestsOn('platform:list')).toHaveLength(2));
  });

  it('without a token: asks for it, sends it trimmed, clears the secret, then lists', async () => {
    let status = NO_PLATFORM_TOKEN;
    const fake = createFakeApi({
      'platform:status': () => status,
      'platform:save-credentials': () => (status = STORED),
      'platform:list': () => OVERVIEW,
    }).install();
    renderUi(<PlatformPanel />);
    fireEvent.change(await screen.findByLabelText('Client ID'), { target: { value: ' client-1 ' } });
    fireEvent.change(screen.getByLabelText('Secret key'), { target: { value: SECRET } });
    fireEvent.click(screen.getByRole('button', { name: 'Save API token' }));
    await screen.findByRole('table', { name: 'Platform status of saved configurations' });
    expect(fake.requestsOn('platform:save-credentials')).toEqual([{ clientId: 'client-1', secret: SECRET, remember: true }]);
    expect(document.body.textContent).not.toContain(SECRET);
    expect(fake.requestsOn('platform:list')).toHaveLength(1);
  });

  it('an error from the platform is shown with its message', async () => {
    createFakeApi({ 'platform:status': () => STORED, 'platform:list': () => fail('Network', 'Could not reach the Bodo Platform at https://api.bodo.ai. You may be offline.') }).install();
    renderUi(<PlatformPanel />);
    expect(await screen.findByRole('alert')).toHaveTextContent(/You may be offline/);
  });
});

/** The setup result screen's Register button, once it is enabled (the platform status has answered). */
async function registerButtonReady(): Promise<HTMLElement> {
  const button = await screen.findByRole('button', { name: 'Register with the Bodo Platform' });
  await waitFor(() => expect(button).toBeEnabled());
  return button;
}

describe('RegisterWithPlatform (the setup result screen)', () => {
  it('waits for the platform status before it can register: a click while the status is unanswered sends no tokenless register', async () => {
    let answerStatus: (s: typeof NO_PLATFORM_TOKEN) => void = () => undefined;
    const fake = createFakeApi({
      'platform:status': () => new Promise((resolve) => (answerStatus = resolve)),
      'platform:register': ({ name }) => created(name),
    }).install();
    renderUi(<RegisterWithPlatform name="prod" />);
    await waitFor(() => expect(fake.requestsOn('platform:status')).toHaveLength(1));
    const button = screen.getByRole('button', { name: 'Register with the Bodo Platform' });
    fireEvent.click(button);
    answerStatus(NO_PLATFORM_TOKEN);
    await waitFor(() => expect(button).toBeEnabled());
    expect(fake.requestsOn('platform:register')).toEqual([]);
    fireEvent.click(button);
    expect(await screen.findByLabelText('Client ID')).toBeInTheDocument();
    expect(fake.requestsOn('platform:register')).toEqual([]);
  });

  it('a status that cannot be read does not block registering (the platform then says what is missing)', async () => {
    const fake = createFakeApi({
      'platform:status': () => fail('Internal', 'The keychain could not be read.'),
      'platform:register': ({ name }) => created(name),
    }).install();
    renderUi(<RegisterWithPlatform name="prod" />);
    const button = screen.getByRole('button', { name: 'Register with the Bodo Platform' });
    await waitFor(() => expect(button).toBeEnabled());
    fireEvent.click(button);
    expect(await screen.findByRole('status', { name: 'Platform registration of prod' })).toHaveTextContent('u-prod');
    expect(fake.requestsOn('platform:register')).toEqual([{ name: 'prod' }]);
  });

  it('asks for the token first when none is stored, then registers', async () => {
    let status = NO_PLATFORM_TOKEN;
    const fake = createFakeApi({
      'platform:status': () => status,
      'platform:save-credentials': () => (status = { ...STORED, credentials: 'session' }),
      'platform:register': ({ name }) => created(name),
    }).install();
    renderUi(<RegisterWithPlatform name="prod" />);
    // Wait until the status was answered (the button waits for it), not merely asked.
    fireEvent.click(await registerButtonReady());
    expect(fake.requestsOn('platform:register')).toEqual([]);
    fireEvent.change(await screen.findByLabelText('Client ID'), { target: { value: 'client-1' } });
    fireEvent.change(screen.getByLabelText('Secret key'), { target: { value: SECRET } });
    fireEvent.click(screen.getByLabelText('Remember in the OS keychain'));
    fireEvent.click(screen.getByRole('button', { name: 'Save API token' }));
    expect(await screen.findByRole('status', { name: 'Platform registration of prod' })).toHaveTextContent(/UUID\s*u-prod\s*Status\s*ACTIVE/);
    expect(fake.requestsOn('platform:save-credentials')).toEqual([{ clientId: 'client-1', secret: SECRET, remember: false }]);
    expect(fake.requestsOn('platform:register')).toEqual([{ name: 'prod' }]);
    expect(screen.queryByLabelText('Secret key')).toBeNull();
  });

  it('a mismatch is shown side by side', async () => {
    createFakeApi({
      'platform:status': () => STORED,
      'platform:register': ({ name }) =>
        created(name, { outcome: 'existing', matches: false, fields: fields({ roleArn: { platform: 'arn:aws:iam::123456789012:role/Typo', state: 'differ' } }), note: 'Onramp does not overwrite it.' }),
    }).install();
    renderUi(<RegisterWithPlatform name="prod" />);
    fireEvent.click(await registerButtonReady());
    const cmp = await screen.findByRole('table', { name: 'Comparison of prod with the platform' });
    const roleRow = within(cmp).getByRole('rowheader', { name: 'Role ARN' }).closest('tr')!;
    expect(roleRow).toHaveTextContent('arn:aws:iam::123456789012:role/BodoPlatformUser');
    expect(roleRow).toHaveTextContent('arn:aws:iam::123456789012:role/Typo');
    expect(roleRow).toHaveTextContent('differs');
    expect(screen.getByRole('status', { name: 'Platform registration of prod' })).toHaveTextContent(/not overwritten/);
  });

  it('a refused token asks for it again', async () => {
    createFakeApi({ 'platform:status': () => STORED, 'platform:register': () => fail('PlatformAuth', 'The platform refused this client ID and secret.') }).install();
    renderUi(<RegisterWithPlatform name="prod" />);
    fireEvent.click(await registerButtonReady());
    expect(await screen.findByRole('alert')).toHaveTextContent('The platform refused this client ID and secret.');
    expect(screen.getByLabelText('Client ID')).toBeInTheDocument();
  });
});
