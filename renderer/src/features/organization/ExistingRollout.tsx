import { Button, Group, Loader, Stack } from '@mantine/core';
import { useState } from 'react';
import type { OrgDashboard, OrgRolloutSummary, OrgStatus } from '../../../../shared/contract/org';
import type { AppErrorShape } from '../../../../shared/errors';
import type { SupportedRegion } from '../../../../shared/regions';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DestroyRolloutModal } from './DestroyRolloutModal';
import { useOrgRun } from './org-run';
import { OrgDashboardView } from './OrgDashboardView';
import { OrgRunView } from './OrgRunView';
import { RolloutPicker } from './RolloutPicker';
import { StatusView } from './StatusView';

/** A roll-out that exists: its status per account (with drift and checks on demand) and its removal, or the dashboard over its accounts. */
export function ExistingRollout({ view, initialRegion }: { view: 'status' | 'dashboard'; initialRegion: SupportedRegion }) {
  const [region, setRegion] = useState<SupportedRegion>(initialRegion);
  const [picked, setPicked] = useState<OrgRolloutSummary | null>(null);
  const [status, setStatus] = useState<OrgStatus | null>(null);
  const [dashboard, setDashboard] = useState<OrgDashboard | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [removing, setRemoving] = useState<OrgRolloutSummary | null>(null);
  const destroyRun = useOrgRun('org-destroy')!;

  async function loadStatus(r: OrgRolloutSummary, opts: { drift?: boolean; verify?: boolean } = {}) {
    setBusy(opts.drift ? 'drift' : opts.verify ? 'verify' : 'status');
    setError(null);
    const res = await call(() => api().org.status({ name: r.name, region: r.region, drift: opts.drift ?? false, verify: opts.verify ?? false }));
    setBusy(null);
    if (res.ok) setStatus(res.value);
    else setError(res.error);
  }
  async function loadDashboard(r: OrgRolloutSummary) {
    setBusy('dashboard');
    setError(null);
    const res = await call(() => api().org.dashboard({ name: r.name, region: r.region }));
    setBusy(null);
    if (res.ok) setDashboard(res.value);
    else setError(res.error);
  }
  const pick = (r: OrgRolloutSummary | null) => {
    setPicked(r);
    setStatus(null);
    setDashboard(null);
    if (r) void (view === 'status' ? loadStatus(r) : loadDashboard(r));
  };

  return (
    <Stack>
      <RolloutPicker region={region} onRegion={(r) => { setRegion(r); pick(null); }} value={picked?.name ?? null} onPick={pick} />
      {picked && view === 'status' && (
        <Group>
          <Button variant="default" onClick={() => void loadStatus(picked)} loading={busy === 'status'}>
            Refresh
          </Button>
          <Button variant="light" onClick={() => void loadStatus(picked, { drift: true })} loading={busy === 'drift'}>
            Detect drift
          </Button>
          <Button variant="light" onClick={() => void loadStatus(picked, { verify: true })} loading={busy === 'verify'}>
            Check every account
          </Button>
          <Button variant="light" color="red" onClick={() => setRemoving(picked)} disabled={destroyRun.running}>
            Remove roll-out…
          </Button>
        </Group>
      )}
      {view === 'status' && destroyRun.runId && (
        <OrgRunView
          run={destroyRun.run}
          cancelling={destroyRun.cancelling}
          pollError={destroyRun.pollError}
          onCancel={() => void destroyRun.cancel()}
          onClear={() => destroyRun.clear()}
        />
      )}
      <DestroyRolloutModal target={removing} destroyRun={destroyRun} onClose={() => setRemoving(null)} />
      {picked && view === 'dashboard' && (
        <Group>
          <Button variant="default" onClick={() => void loadDashboard(picked)} loading={busy === 'dashboard'}>
            Refresh
          </Button>
        </Group>
      )}
      {busy && !status && !dashboard && <Loader size="sm" aria-label="Loading the roll-out" />}
      {error && <ErrorAlert error={error} />}
      {view === 'status' && status && <StatusView status={status} />}
      {view === 'dashboard' && dashboard && <OrgDashboardView dashboard={dashboard} />}
    </Stack>
  );
}
