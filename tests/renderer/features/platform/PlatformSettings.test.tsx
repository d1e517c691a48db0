// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PlatformSettings } from '../../../../renderer/src/features/platform/PlatformSettings';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/contract/settings';
import type { PlatformStatus } from '../../../../shared/contract/platform';
import { renderUi } from '../../helpers/dom';
import { createFakeApi } from '../../helpers/fake-api';
import { NO_PLATFORM_TOKEN } from '../../helpers/platform-status';

function start(status: PlatformStatus, settings: Settings = DEFAULT_SETTINGS) {
  let current = status;
  let saved = { ...settings };
  const fake = createFakeApi({
    'platform:status': () => current,
    'platform:forget-credentials': () => (current = { ...current, credentials: 'none', clientIdHint: null }),
    'settings:get': () => saved,
    'settings:update': (patch) => (saved = { ...saved, ...(patch as Partial<Settings>) }),
  }).install();
  renderUi(<PlatformSettings />);
  return fake;
}

describe('Settings → Bodo Platform', () => {
  it('URL overrides: checked before sending, empty means the default', async () => {
    const fake = start(NO_PLATFORM_TOKEN);
    expect(await screen.findByRole('status', { name: 'Platform API token' })).toHaveTextContent('No platform API token is stored yet.');
    const apiUrl = await screen.findByLabelText('Platform API URL');
    fireEvent.change(apiUrl, { target: { value: 'http://api.example.com/api' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save platform URLs' }));
    expect(await screen.findByText(/must use https/)).toBeInTheDocument();
    expect(fake.requestsOn('settings:update')).toEqual([]);
    fireEvent.change(apiUrl, { target: { value: 'https://api.staging.example/api/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save platform URLs' }));
    await waitFor(() => expect(fake.requestsOn('settings:update')).toEqual([{ platformApiUrl: 'https://api.staging.example/api', platformAuthUrl: null }]));
    expect(await screen.findByText('Platform URLs saved.')).toBeInTheDocument();
  });

  it('says when the environment overrides a URL', async () => {
    start({ ...NO_PLATFORM_TOKEN, apiUrl: 'http://127.0.0.1:4000/api', apiUrlSource: 'env' });
    expect(await screen.findByText('Set by ONRAMP_PLATFORM_API_URL, which overrides this field.')).toBeInTheDocument();
    expect(screen.getByText(/In use: http:\/\/127\.0\.0\.1:4000\/api/)).toBeInTheDocument();
  });

  it('a stored token shows only its hint, and can be forgotten', async () => {
    const fake = start({ ...NO_PLATFORM_TOKEN, credentials: 'keychain', clientIdHint: 'abcd…wxyz' });
    expect(await screen.findByRole('status', { name: 'Platform API token' })).toHaveTextContent('API token abcd…wxyz is stored, encrypted with the OS keychain.');
    expect(screen.getByLabelText('Secret key')).toHaveValue('');
    fireEvent.click(screen.getByRole('button', { name: 'Forget API token' }));
    await waitFor(() => expect(screen.getByRole('status', { name: 'Platform API token' })).toHaveTextContent('No platform API token is stored yet.'));
    expect(fake.requestsOn('platform:forget-credentials')).toEqual([{}]);
  });
});
