// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DeleteConfigurationModal } from '../../../../renderer/src/features/configurations/DeleteConfigurationModal';
import type { DestroyResult } from '../../../../shared/contract/setup';
import { renderUi } from '../../helpers/dom';
import { createFakeApi } from '../../helpers/fake-api';
import { runOf } from '../../helpers/runs';

/** A destroy run that goes on until "Stop" reaches main, then ends as main's does: cancelled, with what was done. */
function stoppableDestroy() {
  let finished: DestroyResult | null = null;
  const fake = createFakeApi({
    'setup:destroy': () => ({ runId: 'destroy-1' }),
    'runs:progress': ({ runId }) => runOf('setup-destroy', runId, 'prod', finished ? { state: 'succeeded', result: finished } : {}),
    'runs:cancel': () => {
      finished = { deleted: ['inline policy Bodo-Platform-User-Policy'], kept: [], notes: [], cancelled: true };
      return { cancelled: true };
    },
  }).install();
  return fake;
}

describe('DeleteConfigurationModal: Stop during a destroy', () => {
  it('offers Stop only while the destroy runs, cancels that very run, and says what is still in place', async () => {
    const fake = stoppableDestroy();
    const onClose = vi.fn();
    renderUi(<DeleteConfigurationModal target={{ name: "prod", accountId: "123456789012" }} onClose={onClose} />);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByRole('button', { name: 'Stop' })).toBeNull();
    fireEvent.change(within(dialog).getByLabelText('Type "prod" to confirm'), { target: { value: 'prod' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete in AWS' }));

    const stop = await within(dialog).findByRole('button', { name: 'Stop' });
    // While it runs the dialog cannot be dismissed: Cancel is disabled.
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeDisabled();
    fireEvent.click(stop);

    await within(dialog).findByText('Stopped before finishing: what is not listed as deleted is still in place.');
    expect(fake.requestsOn('setup:destroy')).toEqual([{ name: 'prod', accountId: '123456789012', confirmation: 'prod' }]);
    expect(fake.requestsOn('runs:cancel')).toEqual([{ runId: 'destroy-1' }]);
    expect(new Set(fake.requestsOn('runs:progress').map((r) => r.runId))).toEqual(new Set(['destroy-1']));
    expect(within(dialog).getByRole('list', { name: 'Deleted resources' })).toHaveTextContent('inline policy Bodo-Platform-User-Policy');
    await waitFor(() => expect(within(dialog).queryByRole('button', { name: 'Stop' })).toBeNull());
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledWith(true);
  });
});

describe('DeleteConfigurationModal: a destroy run that fails', () => {
  it('shows the run\'s error in the dialog and lets it close without a change', async () => {
    createFakeApi({
      'setup:destroy': () => ({ runId: 'destroy-2' }),
      'runs:progress': ({ runId }) =>
        runOf('setup-destroy', runId, 'prod', {
          state: 'failed',
          error: { code: 'WrongAccount', message: 'This configuration belongs to account 999999999999; you are connected to 123456789012.' },
        }),
    }).install();
    const onClose = vi.fn();
    renderUi(<DeleteConfigurationModal target={{ name: "prod", accountId: "123456789012" }} onClose={onClose} />);
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Type "prod" to confirm'), { target: { value: 'prod' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete in AWS' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('belongs to account 999999999999');
    expect(within(dialog).queryByRole('button', { name: 'Stop' })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledWith(false);
  });
});
