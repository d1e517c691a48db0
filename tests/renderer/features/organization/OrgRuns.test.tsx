// @vitest-environment jsdom
/**
 * The Organization screen's runs in jsdom with the typed fake API and fake runs: Apply starts
 * org:apply and follows it (a live row per account, Cancel through runs:cancel, the final table with
 * each account's result and registration; the CLI command stays as the secondary way), and Remove
 * roll-out asks for the typed name, starts org:destroy and shows what was removed, kept and left by hand.
 */
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OrgAccountResult } from '../../../../shared/contract/org';
import type { RunItem } from '../../../../shared/contract/runs';
import type { SessionInfo } from '../../../../shared/contract/session';
import { RunsProvider } from '../../../../renderer/src/components/runs';
import { OrgScreen } from '../../../../renderer/src/features/organization/OrgScreen';
import { renderUi } from '../../helpers/dom';
import { createFakeApi, fail } from '../../helpers/fake-api';
import { fakeRuns } from '../../helpers/runs';
import { samplePlan } from './fixtures';

const SESSION: SessionInfo = { profile: 'mgmt', account: '123456789012', arn: 'arn:aws:iam::123456789012:user/a', userId: 'x', region: 'us-east-2', endpointUrl: null };
const LIST = [{ name: 'acme', region: 'us-east-2' as const, stackSet: 'onramp-acme', autoDeploy: false, bucketPattern: 'acme-bodo-{account}', tableName: 'acme-bodo-locks', roleName: 'BodoPlatformUser' }];

const item = (id: string, name: string, state: RunItem['state'], reason: string | null = null): RunItem => ({ id, label: `${name} (${id}) us-east-2`, state, reason });

function account(id: string, name: string, status: OrgAccountResult['status'], reason: string | null, registration: OrgAccountResult['registration']['state'] = 'not-attempted'): OrgAccountResult {
  return {
    accountId: id,
    accountName: name,
    region: 'us-east-2',
    status,
    reason,
    roleArn: `arn:aws:iam::${id}:role/BodoPlatformUser`,
    externalId: `base-${id}`,
    bucket: `acme-bodo-${id}`,
    table: 'acme-bodo-locks',
    monitoringRoleArn: `arn:aws:iam::${id}:role/onramp-acme-monitor`,
    registration: { state: registration, detail: registration === 'registered' ? 'registered as u-1' : null, result: null },
  };
}

async function planned() {
  fireEvent.change(screen.getByLabelText(/Roll-out name/), { target: { value: 'acme' } });
  fireEvent.change(screen.getByLabelText(/OU IDs/), { target: { value: 'ou-ab12-cd34ef56' } });
  fireEvent.change(screen.getByLabelText(/Bucket name pattern/), { target: { value: 'acme-bodo-{account}' } });
  fireEvent.change(screen.getByLabelText(/DynamoDB table/), { target: { value: 'acme-bodo-locks' } });
  fireEvent.click(screen.getByRole('button', { name: 'Plan' }));
  await screen.findByRole('table', { name: 'Accounts in the plan' });
}

const rowOf = (table: HTMLElement, text: RegExp) => within(table).getAllByRole('row').find((r) => text.test(r.textContent ?? ''))!;

describe('Organization screen runs', () => {
  it('Apply starts the run and follows it: live rows per account, then each account’s result and registration; the CLI command stays', async () => {
    const runs = fakeRuns();
    const fake = createFakeApi({
      'org:plan': () => samplePlan(),
      'org:apply': () => runs.start('org-apply', 'acme', { items: [item('111111111111', 'prod-1', 'running'), item('222222222222', 'prod-2', 'skipped', 'already set up')] }),
      ...runs.handlers,
    }).install();
    renderUi(<OrgScreen session={SESSION} onGoConnect={() => undefined} />);
    await planned();
    expect(screen.getByText('Or run it from the CLI:')).toBeInTheDocument();
    expect(screen.getByText(/onramp org apply --profile PROFILE --region us-east-2 --name 'acme' --ou ou-ab12-cd34ef56/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));

    const live = await screen.findByRole('table', { name: 'Accounts in the run' });
    expect(fake.requestsOn('org:apply')).toEqual([expect.objectContaining({ name: 'acme', region: 'us-east-2', targets: expect.objectContaining({ ous: ['ou-ab12-cd34ef56'] }), consentTrustedAccess: false })]);
    expect(within(rowOf(live, /prod-1/)).getByText('in progress')).toBeInTheDocument();
    expect(within(rowOf(live, /prod-2/)).getByText('skipped')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
    expect(screen.getByText('Applying roll-out acme…')).toBeInTheDocument();

    runs.end(runs.last(), {
      state: 'succeeded',
      items: [item('111111111111', 'prod-1', 'done'), item('222222222222', 'prod-2', 'skipped', 'already set up'), item('333333333333', 'prod-3', 'failed', 'Bucket already exists')],
      result: {
        stackSet: { name: 'onramp-acme', id: 'x', region: 'us-east-2', autoDeploy: false, operations: ['op-1'] },
        accounts: [account('111111111111', 'prod-1', 'succeeded', null, 'registered'), account('222222222222', 'prod-2', 'skipped', 'already set up'), account('333333333333', 'prod-3', 'failed', 'Bucket already exists')],
        cancelled: false,
      },
    });
    const final = await screen.findByRole('table', { name: 'Result per account' });
    expect(within(rowOf(final, /prod-1/)).getByText('succeeded')).toBeInTheDocument();
    expect(within(rowOf(final, /prod-1/)).getByText('registered')).toBeInTheDocument();
    expect(within(rowOf(final, /prod-3/)).getByText('Bucket already exists')).toBeInTheDocument();
    expect(within(rowOf(final, /prod-2/)).getByText('skipped')).toBeInTheDocument();
    expect(screen.getByText('Roll-out finished with problems')).toBeInTheDocument();
    expect(screen.getByText(/1 account succeeded, 1 failed, 1 skipped/)).toBeInTheDocument();
    expect(within(rowOf(screen.getByRole('table', { name: 'Accounts in the run' }), /prod-3/)).getByText('failed')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
  });

  it('Cancel asks runs:cancel; the run ends cancelled with the accounts it had not done; a refused start is shown', async () => {
    const runs = fakeRuns();
    let refuse = true;
    const fake = createFakeApi({
      'org:plan': () => samplePlan(),
      'org:apply': () => (refuse ? fail('NotConnected', 'Connect to the management account first.') : runs.start('org-apply', 'acme', { items: [item('111111111111', 'prod-1', 'running')] })),
      ...runs.handlers,
    }).install();
    runs.whenCancelled((runId) =>
      runs.end(runId, {
        state: 'succeeded',
        items: [item('111111111111', 'prod-1', 'undone', 'The operation was stopped before this instance was deployed.')],
        result: { stackSet: { name: 'onramp-acme', id: 'x', region: 'us-east-2', autoDeploy: false, operations: ['op-1'] }, accounts: [account('111111111111', 'prod-1', 'cancelled', 'The operation was stopped before this instance was deployed.')], cancelled: true },
      }),
    );
    renderUi(<OrgScreen session={SESSION} onGoConnect={() => undefined} />);
    await planned();
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByText('Connect to the management account first.')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Accounts in the run' })).not.toBeInTheDocument();

    refuse = false;
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await screen.findByRole('table', { name: 'Accounts in the run' });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Roll-out cancelled')).toBeInTheDocument();
    expect(runs.cancelled).toEqual([runs.last()]);
    expect(fake.requestsOn('runs:cancel')).toEqual([{ runId: runs.last() }]);
    expect(within(screen.getByRole('table', { name: 'Accounts in the run' })).getByText('cancelled')).toBeInTheDocument();
    expect(screen.getByText(/accounts done by then keep their configuration/)).toBeInTheDocument();
  });

  it('Remove roll-out: the typed name, then org:destroy as a run with Cancel, and what was removed, kept and left by hand', async () => {
    const runs = fakeRuns();
    const fake = createFakeApi({
      'org:list': () => LIST,
      'org:status': () => ({ stackSet: { name: 'onramp-acme', region: 'us-east-2', autoDeploy: false, status: 'ACTIVE' }, accounts: [], notes: [] }),
      'org:destroy': ({ confirmation }) => (confirmation === 'acme' ? runs.start('org-destroy', 'acme', { items: [item('111111111111', '', 'running'), item('222222222222', '', 'pending')] }) : fail('InvalidInput', 'Type the name')),
      ...runs.handlers,
    }).install();
    renderUi(<OrgScreen session={SESSION} onGoConnect={() => undefined} initialTab="status" />);
    fireEvent.click(await screen.findByRole('combobox', { name: 'Roll-out' }));
    fireEvent.click(await screen.findByRole('option', { name: /acme/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Remove roll-out…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove roll-out "acme"' });
    const remove = within(dialog).getByRole('button', { name: 'Remove' });
    expect(remove).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText('Type "acme" to confirm'), { target: { value: 'acm' } });
    expect(remove).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText('Type "acme" to confirm'), { target: { value: 'acme' } });
    fireEvent.change(within(dialog).getByLabelText(/Only these accounts/), { target: { value: '111111111111, 222222222222' } });
    fireEvent.click(remove);

    const live = await screen.findByRole('table', { name: 'Accounts in the run' });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.requestsOn('org:destroy')).toEqual([{ name: 'acme', region: 'us-east-2', accounts: '111111111111, 222222222222', confirmation: 'acme' }]);
    expect(within(rowOf(live, /111111111111/)).getByText('in progress')).toBeInTheDocument();
    expect(screen.getByText('Removing roll-out acme…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove roll-out…' })).toBeDisabled();

    runs.whenCancelled((runId) =>
      runs.end(runId, {
        state: 'succeeded',
        items: [item('111111111111', '', 'done'), item('222222222222', '', 'skipped', 'bucket acme-bodo-222222222222 holds objects')],
        result: {
          removed: [{ accountId: '111111111111', region: 'us-east-2' }],
          kept: [{ accountId: '222222222222', region: 'us-east-2', reason: 'bucket acme-bodo-222222222222 holds objects' }],
          stackSetDeleted: false,
          manual: [{ accountId: '111111111111', what: 'empty bucket acme-bodo-111111111111 (kept by its DeletionPolicy)', command: 'aws s3 rb s3://acme-bodo-111111111111' }],
          cancelled: false,
        },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Removed from 1, kept in 1')).toBeInTheDocument();
    expect(fake.requestsOn('runs:cancel')).toHaveLength(1);
    expect(within(screen.getByRole('list', { name: 'Removed' })).getByText(/111111111111/)).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Kept' })).getByText(/holds objects/)).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'By hand' })).getByText('aws s3 rb s3://acme-bodo-111111111111')).toBeInTheDocument();
    const rows = screen.getByRole('table', { name: 'Accounts in the run' });
    expect(within(rowOf(rows, /111111111111/)).getByText('removed')).toBeInTheDocument();
    expect(within(rowOf(rows, /222222222222/)).getByText('kept')).toBeInTheDocument();
  });

  it('the apply run keeps its place in the app’s RunsProvider: leaving the screen and coming back shows it still running', async () => {
    const runs = fakeRuns();
    createFakeApi({ 'org:plan': () => samplePlan(), 'org:apply': () => runs.start('org-apply', 'acme', { items: [item('111111111111', 'prod-1', 'running')] }), ...runs.handlers }).install();
    const screenOf = (shown: boolean) => (
      <MantineProvider env="test">
        <RunsProvider>{shown ? <OrgScreen session={SESSION} onGoConnect={() => undefined} /> : <p>elsewhere</p>}</RunsProvider>
      </MantineProvider>
    );
    const view = render(screenOf(true));
    await planned();
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await screen.findByRole('table', { name: 'Accounts in the run' });
    view.rerender(screenOf(false));
    expect(screen.queryByRole('table', { name: 'Accounts in the run' })).not.toBeInTheDocument();
    view.rerender(screenOf(true));
    expect(await screen.findByText('Applying roll-out acme…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeEnabled();
    expect(screen.getByText(/onramp org apply --profile PROFILE --region us-east-2 --name 'acme'/)).toBeInTheDocument();
  });
});
