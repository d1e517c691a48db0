// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SettingsScreen } from '../../../../renderer/src/features/settings/SettingsScreen';
import { DEFAULT_SETTINGS } from '../../../../shared/contract/settings';
import { type Diagnostics } from '../../../../shared/contract/diagnostics';
import { renderUi } from '../../helpers/dom';
import { createFakeApi } from '../../helpers/fake-api';

const DIAG: Diagnostics = {
  app: { name: 'Onramp', version: '0.1.0' },
  versions: { electron: null, chrome: null, node: '20.0.0' },
  os: { platform: 'linux', release: '6', arch: 'x64' },
  settings: DEFAULT_SETTINGS,
  endpointUrl: null,
  recentErrors: [],
  text: 'Onramp 0.1.0\nEndpoint override: none (real AWS)',
};

describe('SettingsScreen', () => {
  it('loads the settings, refuses an invalid interval, saves a valid one', async () => {
    const fake = createFakeApi({
      'settings:get': () => DEFAULT_SETTINGS,
      'settings:update': (patch) => ({ ...DEFAULT_SETTINGS, ...patch }),
    }).install();
    renderUi(<SettingsScreen />);
    const interval = await screen.findByLabelText(/Dashboard refresh interval/);
    expect(interval).toHaveValue('300');
    fireEvent.change(interval, { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Refresh interval must be at least 30 seconds.')).toBeInTheDocument();
    expect(fake.requestsOn('settings:update')).toEqual([]);
    fireEvent.change(interval, { target: { value: '120' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.requestsOn('settings:update')).toEqual([{ refreshIntervalSeconds: 120 }]));
    expect(await screen.findByRole('status')).toHaveTextContent('Settings saved.');
  });

  it('confirms a save beside the Save button, clears it on the next edit, and says when nothing changed', async () => {
    createFakeApi({ 'settings:get': () => DEFAULT_SETTINGS, 'settings:update': (patch) => ({ ...DEFAULT_SETTINGS, ...patch }) }).install();
    renderUi(<SettingsScreen />);
    const interval = await screen.findByLabelText(/Dashboard refresh interval/);
    const saveButton = screen.getByRole('button', { name: 'Save' });
    fireEvent.click(saveButton);
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Nothing changed: the settings were already saved.');
    // Beside the button, not at the bottom of the page.
    expect(status.parentElement).toBe(saveButton.parentElement);
    fireEvent.change(interval, { target: { value: '600' } });
    expect(screen.queryByRole('status')).toBeNull();
    fireEvent.click(saveButton);
    expect(await screen.findByRole('status')).toHaveTextContent('Settings saved.');
  });

  it('saves the theme when it is switched', async () => {
    const fake = createFakeApi({ 'settings:get': () => DEFAULT_SETTINGS, 'settings:update': (p) => ({ ...DEFAULT_SETTINGS, ...p }) }).install();
    renderUi(<SettingsScreen />);
    await screen.findByLabelText(/Dashboard refresh interval/);
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    await waitFor(() => expect(fake.requestsOn('settings:update')).toEqual([{ theme: 'dark' }]));
  });

  it('shows the diagnostics report when copying it', async () => {
    createFakeApi({ 'settings:get': () => DEFAULT_SETTINGS, 'diagnostics:get': () => DIAG }).install();
    renderUi(<SettingsScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Copy diagnostics' }));
    expect(await screen.findByLabelText('Diagnostics report')).toHaveTextContent('Onramp 0.1.0');
  });
});
