// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { WatchCard } from '../../../../renderer/src/features/settings/WatchCard';
import type { WatchStatus, WatchUpdate } from '../../../../shared/contract/watch';
import { DEFAULT_WATCH_SETTINGS } from '../../../../shared/watch/settings';
import { renderUi } from '../../helpers/dom';
import { createFakeApi } from '../../helpers/fake-api';

function fakeMain() {
  let status: WatchStatus = {
    watching: true,
    reason: 'Watching profile dev (on by default since there is a saved configuration).',
    profile: 'dev',
    pausedUntil: null,
    nextAt: null,
    last: { at: Date.UTC(2026, 11, 7, 2), regions: [{ region: 'us-east-1', vcpus: 140, inAlarm: ['vcpus-high'] }], spend: null, problems: [] },
    runId: null,
    settings: DEFAULT_WATCH_SETTINGS,
    startAtLogin: null,
  };
  const fake = createFakeApi({
    'watch:status': () => status,
    'watch:update': (patch: WatchUpdate) => {
      status = { ...status, settings: { ...status.settings, ...patch }, watching: patch.enabled ?? status.watching };
      if (patch.startAtLogin) status = { ...status, startAtLogin: { method: 'login-items', note: 'macOS asks you to allow Onramp in System Settings → General → Login Items.' } };
      return status;
    },
    'watch:pause': (r) => (status = { ...status, pausedUntil: r.for === 'resume' ? null : Date.now() + 3_600_000 }),
  }).install();
  return fake;
}

describe('Settings: background watching', () => {
  it('shows why it watches and the last pass; turns a kind off, sets quiet hours and start at login, pauses and resumes', async () => {
    const fake = fakeMain();
    renderUi(<WatchCard />);
    expect(await screen.findByRole('status', { name: 'Watching status' })).toHaveTextContent('on by default since there is a saved configuration');
    expect(screen.getByText(/us-east-1 140 vCPUs \(vcpus-high in ALARM\)/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Spend or its forecast passes a budget' }));
    await waitFor(() => expect(fake.requestsOn('watch:update').at(-1)).toEqual({ kinds: { ...DEFAULT_WATCH_SETTINGS.kinds, spend: false } }));
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Spend or its forecast passes a budget' })).not.toBeChecked());

    fireEvent.click(screen.getByRole('switch', { name: 'Quiet hours (no desktop notifications)' }));
    await waitFor(() => expect(fake.requestsOn('watch:update').at(-1)).toEqual({ quietHours: { start: '22:00', end: '07:00' } }));
    expect(await screen.findByLabelText('From')).toHaveValue('22:00');

    fireEvent.click(screen.getByRole('switch', { name: 'Start Onramp at login (in the tray, without a window)' }));
    await waitFor(() => expect(fake.requestsOn('watch:update').at(-1)).toEqual({ startAtLogin: true }));
    expect(await screen.findByText(/System Settings → General → Login Items/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Pause for 1 hour' }));
    await waitFor(() => expect(screen.getByRole('status', { name: 'Watching status' })).toHaveTextContent('Paused until'));
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(fake.requestsOn('watch:pause')).toEqual([{ for: 'hour' }, { for: 'resume' }]));

    fireEvent.click(screen.getByRole('switch', { name: 'Keep watching with the window closed (Onramp stays in the tray)' }));
    await waitFor(() => expect(fake.requestsOn('watch:update').at(-1)).toEqual({ enabled: false }));
  });
});
