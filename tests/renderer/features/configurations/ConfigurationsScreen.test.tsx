// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ConfigurationsScreen } from '../../../../renderer/src/features/configurations/ConfigurationsScreen';
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
    'configs:forget': ({ name }) => {
      current = current.filter((c) => c.name !== name);
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
    expect(rows.map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual(['new', 'old']);
    expect(within(rows[0]).getByText('new-bucket')).toBeInTheDocument();
  });

  it('verifies a row and lists its checks', async () => {
    const { fake } = start([saved('prod', '2025-01-01T00:00:00Z')], {
      'setup:verify': () => ({ ok: true, checks: [{ id: 'table.key', ok: true, detail: 'LockID (S)' }] }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Verify prod' }));
    expect(await screen.findByText('All 1 checks passed')).toBeInTheDocument();
    expect(screen.getByLabelText('table.key: ok')).toHaveTextContent('LockID (S)');
    expect(fake.requestsOn('setup:verify')).toEqual([{ name: 'prod' }]);
  });

  it('deletes only after the name is typed and shows deleted and kept', async () => {
    const { fake } = start([saved('prod', '2025-01-01T00:00:00Z')], {
      'setup:destroy': () => ({ deleted: ['policy', 'role', 'table'], kept: [{ resource: 'bucket', reason: 'It holds 2 objects.' }] }),
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
    expect(fake.requestsOn('setup:destroy')).toEqual([{ name: 'prod', confirmation: 'prod' }]);
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
    expect(fake.requestsOn('configs:forget')).toEqual([{ name: 'a' }]);
    expect(fake.requestsOn('setup:destroy')).toEqual([]);
  });

  it('offers a new setup when the list is empty', async () => {
    const { onNewSetup } = start([]);
    expect(await screen.findByText('No configurations yet')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'New setup' }));
    expect(onNewSetup).toHaveBeenCalled();
  });
});
