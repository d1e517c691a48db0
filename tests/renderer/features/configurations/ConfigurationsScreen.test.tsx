// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ConfigurationsScreen } from '../../../../renderer/src/features/configurations/ConfigurationsScreen';
import { RunsProvider } from '../../../../renderer/src/components/runs';
import { runOf } from '../../helpers/runs';
import type { SavedConfiguration } from '../../../../shared/contract/setup';
import { renderUi } from '../../helpers/dom';
import { createFakeApi, fail } from '../../helpers/fake-api';

const saved = (name: string, createdAt: string): SavedConfiguration => ({
  name,
  region: 'us-east-1',
  bucketName: `${name}-bucket`,
  tableName: `${name}-table`,
  tableArn: `arn:aws:dynamodb:us-east-1:123456789012:table/${name}-table`,
  roleName: 'BodoPlatformUser',
  roleArn: 'arn:aws:iam::123456789012:role/BodoPlatformUser',
  externalId: 'x1',
  platformAccountId: '481633624848',
  accountId: '123456789012',
  profile: 'default',
  createdAt,
  verifiedAt: null,
});

function start(list: SavedConfiguration[], extra: Parameters<typeof createFakeApi>[0] = {}) {
  let current = [...list];
  const fake = createFakeApi({
    'configs:list': () => current,
    'configs:forget': ({ name, accountId }) => {
      current = current.filter((c) => c.name !== name || c.accountId !== accountId);
      return null;
    },
    ...extra,
  }).install();
  const onNewSetup = vi.fn();
  renderUi(<ConfigurationsScreen onNewSetup={onNewSetup} />);
  return { fake, onNewSetup };
}

describe('ConfigurationsScreen', () => {
  it('lists configurations newest first', async () => {
    start([saved('old', '2024-01-01T00:00:00Z'), saved('new', '2025-01-01T00:00:00Z')]);
    const table = await screen.findByRole('table', { name: 'Saved configurations' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(within(r).getAllByRole('cell')[0]).getAllByText(/^(new|old)$/)[0]!.textContent)).toEqual(['new', 'old']);
    expect(within(rows[0]).getByText('new-bucket')).toBeInTheDocument();
  });

  it('verifies a row and lists its checks by their human labels', async () => {
    const { fake } = start([saved('prod', '2025-01-01T00:00:00Z')], {
      'setup:verify': () => ({ ok: true, checks: [{ id: 'table.key-schema', label: 'DynamoDB key is LockID (String)', resource: 'table', ok: true, detail: 'LockID (S)' }] }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Verify prod' }));
    expect(await screen.findByText('All 1 checks passed')).toBeInTheDocument();
    expect(screen.getByLabelText('DynamoDB key is LockID (String): ok')).toHaveTextContent('LockID (S)');
    expect(screen.queryByText('table.key-schema')).not.toBeInTheDocument();
    expect(fake.requestsOn('setup:verify')).toEqual([{ name: 'prod', accountId: '123456789012' }]);
  });

  it('a failed verify lists failures first, clears "Verified", and offers Repair (a re-apply of the saved names)', async () => {
    let list: SavedConfiguration[] = [{ ...saved('prod', '2025-01-01T00:00:00Z'), verifiedAt: '2025-02-01T00:00:00Z' }];
    const fake = createFakeApi({
      'configs:list': () => list,
      'setup:verify': () => {
        list = [{ ...list[0]!, verifiedAt: null }];
        return {
          ok: false,
          checks: [
            { id: 'bucket.exists', label: 'S3 bucket exists', resource: 'bucket', ok: true, detail: 'exists' },
            { id: 'bucket.public-access-block', label: 'S3 Block Public Access is fully on', resource: 'bucket', ok: false, detail: 'Block Public Access is not fully on' },
          ],
        };
      },
      'setup:apply': () => ({ runId: 'repair-1' }),
      'runs:progress': ({ runId }) => runOf('setup-apply', runId, 'prod'),
    }).install();
    const onOpenSetup = vi.fn();
    renderUi(
      <RunsProvider>
        <ConfigurationsScreen onNewSetup={() => undefined} onOpenSetup={onOpenSetup} />
      </RunsProvider>,
    );
    const verifiedLine = (_: string, el: Element | null) => el?.tagName === 'P' && /^Verified /.test(el.textContent ?? '');
    expect(await screen.findByText(verifiedLine)).not.toHaveTextContent('never');
    fireEvent.click(await screen.findByRole('button', { name: 'Verify prod' }));
    const checks = await screen.findByRole('list', { name: 'Verification checks' });
    expect(within(checks).getAllByRole('listitem').map((li) => li.getAttribute('aria-label'))).toEqual([
      'S3 Block Public Access is fully on: failed',
      'S3 bucket exists: ok',
    ]);
    await waitFor(() => expect(screen.getByText(verifiedLine)).toHaveTextContent('Verified never'));
    fireEvent.click(screen.getByRole('button', { name: 'Repair' }));
    await waitFor(() => expect(onOpenSetup).toHaveBeenCalled());
    const { accountId: _a, profile: _p, createdAt: _c, verifiedAt: _v, tableArn: _t, roleArn: _r, ...input } = saved('prod', '');
    expect(fake.requestsOn('setup:apply')).toEqual([input]);
    // The repair run is followed by the app's runs, wherever the user goes next.
    await waitFor(() => expect(fake.requestsOn('runs:progress')).toContainEqual({ runId: 'repair-1' }));
  });

  it('lists the connected account\'s configurations, with "Show all accounts" for the rest; each row names its account', async () => {
    createFakeApi({ 'configs:list': () => [saved('mine', '2025-01-01T00:00:00Z'), { ...saved('theirs', '2024-01-01T00:00:00Z'), accountId: '999999999999' }] }).install();
    const session = { profile: 'default', account: '123456789012', arn: 'arn:aws:iam::123456789012:user/me', userId: 'U', region: 'us-east-1', endpointUrl: null };
    renderUi(<ConfigurationsScreen onNewSetup={() => undefined} session={session} />);
    const table = await screen.findByRole('table', { name: 'Saved configurations' });
    expect(within(table).getByText('mine')).toBeInTheDocument();
    expect(within(table).queryByText('theirs')).not.toBeInTheDocument();
    expect(screen.getByText(/1 configuration of another account is hidden/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('switch', { name: /Show all accounts/ }));
    expect(await within(table).findByText('theirs')).toBeInTheDocument();
    expect(within(table).getByText('account 999999999999')).toBeInTheDocument();
  });

  it('every action has a visible label, and each value a copy button', async () => {
    start([saved('prod', '2025-01-01T00:00:00Z')]);
    const table = await screen.findByRole('table', { name: 'Saved configurations' });
    for (const name of ['Verify prod', 'Delete prod', 'Forget prod']) {
      const button = within(table).getByRole('button', { name });
      expect(button.textContent?.trim()).toMatch(/^(Verify|Delete|Forget)$/);
    }
    for (const what of ['bucket of prod', 'table of prod', 'role ARN of prod']) expect(within(table).getByRole('button', { name: `Copy ${what}` })).toBeInTheDocument();
    // The role ARN may wrap only after ":" and "/" and between words (Bodo|Platform|User), never mid-word.
    const arn = within(table).getByText((_, el) => el?.tagName === 'P' && el.textContent === 'arn:aws:iam::123456789012:role/BodoPlatformUser');
    const parts = [...arn.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent);
    expect(parts).toEqual(['arn:', 'aws:', 'iam:', ':', '123456789012:', 'role/', 'Bodo', 'Platform', 'User']);
    expect(arn.querySelectorAll('wbr').length).toBe(8);
  });

  it('deletes only after the name is typed and shows deleted and kept', async () => {
    const { fake } = start([saved('prod', '2025-01-01T00:00:00Z')], {
      'setup:destroy': () => ({ runId: 'destroy-1' }),
      'runs:progress': ({ runId }) =>
        runOf('setup-destroy', runId, 'prod', { state: 'succeeded', result: { deleted: ['policy', 'role', 'table'], kept: [{ resource: 'bucket', reason: 'It holds 2 objects.' }], notes: [], cancelled: false } }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete prod' }));
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Delete in AWS' });
    expect(confirm).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText('Type "prod" to confirm'), { target: { value: 'pro' } });
    expect(confirm).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText('Type "prod" to confirm'), { target: { value: 'prod' } });
    fireEvent.click(confirm);
    const deleted = await within(dialog).findByRole('list', { name: 'Deleted resources' });
    expect(within(deleted).getAllByRole('listitem')).toHaveLength(3);
    expect(within(dialog).getByRole('list', { name: 'Kept resources' })).toHaveTextContent('bucket: It holds 2 objects.');
    expect(fake.requestsOn('setup:destroy')).toEqual([{ name: 'prod', accountId: '123456789012', confirmation: 'prod' }]);
    expect(fake.requestsOn('runs:progress')).toEqual([{ runId: 'destroy-1' }]);
  });

  it('shows a destroy error inside the dialog', async () => {
    start([saved('prod', '2025-01-01T00:00:00Z')], { 'setup:destroy': () => fail('NotConnected', 'Connect to an AWS profile first.') });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete prod' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Type "prod" to confirm'), { target: { value: 'prod' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete in AWS' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Open "Connect" and connect to an AWS profile.');
  });

  it('forgets a configuration locally', async () => {
    const { fake } = start([saved('a', '2025-01-01T00:00:00Z'), saved('b', '2024-01-01T00:00:00Z')]);
    fireEvent.click(await screen.findByRole('button', { name: 'Forget a' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Forget a' })).not.toBeInTheDocument());
    expect(fake.requestsOn('configs:forget')).toEqual([{ name: 'a', accountId: '123456789012' }]);
    expect(fake.requestsOn('setup:destroy')).toEqual([]);
  });

  it('the same name in two accounts: two rows, each action naming its account and sending it', async () => {
    const theirs = { ...saved('prod', '2024-01-01T00:00:00Z'), accountId: '999999999999', bucketName: 'theirs-bucket' };
    const { fake } = start([saved('prod', '2025-01-01T00:00:00Z'), theirs], { 'setup:verify': () => ({ ok: true, checks: [] }) });
    const table = await screen.findByRole('table', { name: 'Saved configurations' });
    expect(within(table).getAllByText('prod')).toHaveLength(2);
    fireEvent.click(within(table).getByRole('button', { name: 'Verify prod (account 999999999999)' }));
    await waitFor(() => expect(fake.requestsOn('setup:verify')).toEqual([{ name: 'prod', accountId: '999999999999' }]));
    expect(within(table).getByRole('button', { name: 'Copy bucket of prod (account 999999999999)' })).toBeInTheDocument();
    fireEvent.click(within(table).getByRole('button', { name: 'Forget prod (account 123456789012)' }));
    await waitFor(() => expect(fake.requestsOn('configs:forget')).toEqual([{ name: 'prod', accountId: '123456789012' }]));
  });

  it('explains every row action once, under the table', async () => {
    start([saved('prod', '2025-01-01T00:00:00Z')]);
    const help = await screen.findByLabelText('What the actions do');
    expect(help).toHaveTextContent('Delete removes what Onramp created in AWS');
    expect(help).toHaveTextContent('Forget removes the entry from this list only; AWS is untouched.');
  });

  it('offers a new setup when the list is empty', async () => {
    const { onNewSetup } = start([]);
    expect(await screen.findByText('No configurations yet')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'New setup' }));
    expect(onNewSetup).toHaveBeenCalled();
  });
});
