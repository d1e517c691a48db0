// @vitest-environment jsdom
/**
 * The one renderer hook for long operations: useRun keeps a screen's place and its run in the app's
 * RunsProvider, so the screen can go and come back; the provider follows the run while the screen is
 * gone and says once when it ended; cancel reaches main by the run's id; after a window reload,
 * runs:list hands a running run back to the place that shows it.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RunsProvider, useRun, useRunsInFlight } from '../../../renderer/src/components/runs';
import type { RunProgress } from '../../../shared/contract/runs';
import { renderUi } from '../helpers/dom';
import { createFakeApi } from '../helpers/fake-api';
import { runOf } from '../helpers/runs';

interface Place {
  typed: string;
}

/** A screen with a kept text field, a Start button that starts a run in "main", and Cancel. */
function Screen({ start }: { start: () => string }) {
  const place = useRun<Place>('demo', () => ({ typed: '' }), {
    notice: (run) => ({ title: `Demo ${run.state}`, message: run.subject, color: 'teal' }),
    adopt: (run, value) => (run.kind === 'setup-destroy' ? { ...value, typed: `adopted ${run.subject}` } : null),
  })!;
  return (
    <div>
      <input aria-label="Typed" value={place.value.typed} onChange={(e) => place.set((p) => ({ ...p, typed: e.target.value }))} />
      <button type="button" onClick={() => place.track(start())}>
        Start
      </button>
      <button type="button" onClick={() => void place.cancel()}>
        Cancel run
      </button>
      <p>state: {place.run?.state ?? 'none'}</p>
      <p>{place.cancelling ? 'cancelling' : 'not cancelling'}</p>
    </div>
  );
}

function InFlight() {
  const inFlight = useRunsInFlight();
  return <p>in flight: {inFlight.map((p) => p.name).join(',') || 'none'}</p>;
}

function Shell({ start }: { start: () => string }) {
  const [shown, setShown] = useState(true);
  return (
    <RunsProvider>
      <button type="button" onClick={() => setShown((v) => !v)}>
        toggle
      </button>
      <InFlight />
      {shown ? <Screen start={start} /> : <p>elsewhere</p>}
    </RunsProvider>
  );
}

describe('useRun', () => {
  it('keeps the place and its run across navigation, follows the run while away, and says once when it ended', async () => {
    let run: RunProgress = runOf('setup-destroy', 'r-1', 'prod');
    const fake = createFakeApi({ 'runs:list': () => [], 'runs:progress': () => run }).install();
    const show = vi.spyOn(notifications, 'show');
    renderUi(<Shell start={() => 'r-1'} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Typed' }), { target: { value: 'kept text' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    expect(await screen.findByText('state: running')).toBeInTheDocument();
    expect(screen.getByText('in flight: demo')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'toggle' }));
    expect(screen.getByText('elsewhere')).toBeInTheDocument();
    run = runOf('setup-destroy', 'r-1', 'prod', { state: 'succeeded', result: { deleted: ['bucket b'], kept: [], notes: [], cancelled: false } });
    await waitFor(() => expect(show).toHaveBeenCalledWith(expect.objectContaining({ title: 'Demo succeeded', message: 'prod' })));
    await waitFor(() => expect(screen.getByText('in flight: none')).toBeInTheDocument());

    fireEvent.click(screen.getByRole('button', { name: 'toggle' }));
    expect(screen.getByRole('textbox', { name: 'Typed' })).toHaveValue('kept text');
    expect(screen.getByText('state: succeeded')).toBeInTheDocument();
    // Said once, and nothing is polled after the end.
    const polls = fake.requestsOn('runs:progress').length;
    await act(() => new Promise((r) => setTimeout(r, 700)));
    expect(fake.requestsOn('runs:progress')).toHaveLength(polls);
    expect(show.mock.calls.filter(([n]) => n.title === 'Demo succeeded')).toHaveLength(1);
    show.mockRestore();
  });

  it('Cancel shows at once and reaches main with the run\'s id', async () => {
    let cancelled = false;
    const fake = createFakeApi({
      'runs:list': () => [],
      'runs:progress': ({ runId }) => runOf('setup-destroy', runId, 'prod', { cancelling: cancelled }),
      'runs:cancel': () => {
        cancelled = true;
        return { cancelled: true };
      },
    }).install();
    renderUi(<Shell start={() => 'r-2'} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    await screen.findByText('state: running');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel run' }));
    expect(await screen.findByText('cancelling')).toBeInTheDocument();
    expect(fake.requestsOn('runs:cancel')).toEqual([{ runId: 'r-2' }]);
  });

  it('after a reload, picks up a run main still runs (runs:list) and follows it; others are left alone', async () => {
    const running = runOf('setup-destroy', 'r-old', 'legacy');
    const fake = createFakeApi({
      'runs:list': () => [runOf('alarm-create', 'r-alarm', 'vcpu'), running, runOf('setup-destroy', 'r-done', 'gone', { state: 'succeeded' })],
      'runs:progress': ({ runId }) => (runId === 'r-old' ? running : runOf('alarm-create', runId, 'vcpu')),
    }).install();
    renderUi(<Shell start={() => 'never'} />);
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Typed' })).toHaveValue('adopted legacy'));
    expect(await screen.findByText('state: running')).toBeInTheDocument();
    await waitFor(() => expect(fake.requestsOn('runs:progress')).toContainEqual({ runId: 'r-old' }));
    expect(fake.requestsOn('runs:progress').every((r) => r.runId === 'r-old')).toBe(true);
  });

  it('is null outside a RunsProvider (a screen then brings its own)', () => {
    createFakeApi({}).install();
    let seen: unknown = 'unset';
    function Probe() {
      seen = useRun('x', () => 1);
      return null;
    }
    renderUi(<Probe />);
    expect(seen).toBeNull();
  });
});
