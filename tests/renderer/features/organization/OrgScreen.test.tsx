// @vitest-environment jsdom
/** The Organization screen in jsdom with the typed fake API: plan per account, status and the dashboard grouped by account. */
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OrgScreen } from '../../../../renderer/src/features/organization/OrgScreen';
import type { SessionInfo } from '../../../../shared/contract/session';
import { renderUi } from '../../helpers/dom';
import { createFakeApi } from '../../helpers/fake-api';
import { DASHBOARD, samplePlan, STATUS } from './fixtures';

const SESSION: SessionInfo = { profile: 'mgmt', account: '123456789012', arn: 'arn:aws:iam::123456789012:user/a', userId: 'x', region: 'us-east-2', endpointUrl: null };
const LIST = [{ name: 'acme', region: 'us-east-2' as const, stackSet: 'onramp-acme', autoDeploy: false, bucketPattern: 'acme-bodo-{account}', tableName: 'acme-bodo-locks', roleName: 'BodoPlatformUser' }];

describe('OrgScreen', () => {
  it('asks to connect first', () => {
    createFakeApi({}).install();
    renderUi(<OrgScreen session={null} onGoConnect={() => undefined} />);
    expect(screen.getByText('Not connected')).toBeInTheDocument();
  });

  it('checks the form before any request, then plans and shows every account with its names and external ID', async () => {
    const fake = createFakeApi({ 'org:plan': () => samplePlan({ trustedAccess: 'DISABLED', trustedAccessHelp: 'Turn it on from the management account.' }) }).install();
    renderUi(<OrgScreen session={SESSION} onGoConnect={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Plan' }));
    expect(await screen.findByText(/must contain \{account\}/)).toBeInTheDocument();
    expect(fake.requestsOn('org:plan')).toEqual([]);

    fireEvent.change(screen.getByLabelText(/Roll-out name/), { target: { value: 'acme' } });
    fireEvent.change(screen.getByLabelText(/OU IDs/), { target: { value: 'ou-ab12-cd34ef56' } });
    fireEvent.change(screen.getByLabelText(/Bucket name pattern/), { target: { value: 'acme-bodo-{account}' } });
    fireEvent.change(screen.getByLabelText(/DynamoDB table/), { target: { value: 'acme-bodo-locks' } });
    fireEvent.click(screen.getByRole('button', { name: 'Plan' }));
    const table = await screen.findByRole('table', { name: 'Accounts in the plan' });
    expect(fake.requestsOn('org:plan')[0]).toMatchObject({ name: 'acme', region: 'us-east-2', targets: { ous: ['ou-ab12-cd34ef56'] } });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByText('base-111111111111')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('skip')).toBeInTheDocument();
    // Trusted access off: the help, the consent, and no apply until consent.
    expect(screen.getByText('Turn it on from the management account.')).toBeInTheDocument();
    expect(screen.getByText(/agree to turn it on/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('checkbox', { name: /Turn on trusted access/ }));
    expect(screen.queryByText(/agree to turn it on/)).not.toBeInTheDocument();
  });

  it('status of a roll-out, and the dashboard grouped by account', async () => {
    createFakeApi({ 'org:list': () => LIST, 'org:status': () => STATUS, 'org:dashboard': () => DASHBOARD }).install();
    renderUi(<OrgScreen session={SESSION} onGoConnect={() => undefined} initialTab="status" />);
    fireEvent.click(await screen.findByRole('combobox', { name: 'Roll-out' }));
    fireEvent.click(await screen.findByRole('option', { name: /acme/ }));
    const table = await screen.findByRole('table', { name: 'Accounts of the roll-out' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByText(/222222222222: instance failed — bucket exists/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('tab', { name: 'Dashboard' }));
    fireEvent.click(await screen.findByRole('combobox', { name: 'Roll-out' }));
    fireEvent.click(await screen.findByRole('option', { name: /acme/ }));
    const first = await screen.findByRole('region', { name: 'Account prod-1' });
    expect(within(first).getByText('40')).toBeInTheDocument();
    expect(within(first).getByText('1 of 2 in ALARM')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Account prod-2' })).getByText(/AssumeRole/)).toBeInTheDocument();
  });
});
