// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DeleteConfigurationModal } from '../../../../renderer/src/features/configurations/DeleteConfigurationModal';
import type { DestroyResult } from '../../../../shared/contract/setup';
import { renderUi } from '../../helpers/dom';
import { createFakeApi } from '../../helpers/fake-api';

/** A destroy that runs until "Stop" reaches main, then answers as main does: cancelled, with what was done. */
function stoppableDestroy() {
  let finish: (r: DestroyResult) => void = () => undefined;
  const fake = createFakeApi({
    'setup:destroy': () => new Promise<DestroyResult>((resolve) => (finish = resolve)),
    'setup:cancel': () => {
      finish({ deleted: ['inline policy Bodo-Platform-User-Policy'], kept: [], notes: [], cancelled: true });
      return null;
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
    const [destroyed] = fake.requestsOn('setup:destroy');
    expect(fake.requestsOn('setup:cancel')).toEqual([{ jobId: destroyed!.jobId }]);
    expect(within(dialog).getByRole('list', { name: 'Deleted resources' })).toHaveTextContent('inline policy Bodo-Platform-User-Policy');
    await waitFor(() => expect(within(dialog).queryByRole('button', { name: 'Stop' })).toBeNull());
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledWith(true);
  });
});
