import { Anchor, Button, Group, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionInfo } from '../../../../shared/contract/session';
import type { AppErrorShape } from '../../../../shared/errors';
import { isSupportedRegion } from '../../../../shared/regions';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { outcomeOf, waitForRun } from '../../components/runs';
import { formFromAlarm, type AlarmForm } from '../alarm-wizard';
import { AlarmsTable } from './AlarmsTable';
import type { DeleteChoice } from './DeleteAlarmModal';
import { alarmsOf, ago, DEFAULT_REFRESH_MS, deleteSummary, quotaNotes, refreshOptions, stateChanges, type RegionAlarm, type RegionSummary } from './model';
import { announceChanges } from './notify';
import { RegionCard } from './RegionCard';
import { useAutoRefresh } from './use-auto-refresh';
import { UsageCostCard } from './UsageCostCard';
import { NotConnectedAlert } from '../../components/NotConnectedAlert';

/** The home screen once connected: usage per region, the alarms, and usage cost; refreshed on an interval. */
export function DashboardScreen({
  session,
  onGoConnect,
  onNewAlarm,
  onEditAlarm,
  lastAlarm = null,
  onShowAlarmResult,
}: {
  session: SessionInfo | null;
  onGoConnect: () => void;
  onNewAlarm: () => void;
  onEditAlarm: (form: AlarmForm) => void;
  /** The last alarm create that finished this session, whose result stays reachable from here. */
  lastAlarm?: { id: string; alarmName: string; regions: string[] } | null;
  onShowAlarmResult?: () => void;
}) {
  const [regions, setRegions] = useState<RegionSummary[] | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [loading, setLoading] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [intervalMs, setIntervalMs] = useState(DEFAULT_REFRESH_MS);
  const [refreshCount, setRefreshCount] = useState(0);
  const [price, setPrice] = useState(0.05);
  const previous = useRef<RegionAlarm[] | null>(null);

  const refresh = useCallback(async () => {
    setLoading(true);
    const r = await call(() => api().dashboard.summary({}));
    setLoading(false);
    setNow(Date.now());
    if (!r.ok) return setError(r.error);
    setError(null);
    const alarms = alarmsOf(r.value.regions);
    const changes = stateChanges(previous.current, alarms);
    previous.current = alarms;
    if (changes.length > 0) {
      // Main's watcher notifies the desktop while it watches (and is not paused): the window then only shows them inside.
      void call(() => api().watch.status({})).then((watch) => announceChanges(changes, { desktop: !(watch.ok && watch.value.watching && watch.value.pausedUntil === null) }));
    }
    setRegions(r.value.regions);
    setUpdatedAt(r.value.generatedAt);
    setRefreshCount((n) => n + 1);
  }, []);

  // Once on opening, and again when an alarm create finishes while the dashboard is open, so the
  // "you created …" line never sits above an alarms list that does not have it yet.
  const createdKey = lastAlarm ? `${lastAlarm.alarmName}|${lastAlarm.id}` : null;
  useEffect(() => {
    if (session) void refresh();
  }, [session, refresh, createdKey]);
  // The refresh interval and price start from the saved settings (defaults when they cannot be read).
  useEffect(() => {
    void call(() => api().settings.get({})).then((r) => {
      if (!r.ok) return;
      setIntervalMs(r.value.refreshIntervalSeconds * 1000);
      setPrice(r.value.pricePerVcpuHour);
    });
  }, []);
  const saveInterval = (ms: number) => {
    setIntervalMs(ms);
    void call(() => api().settings.update({ refreshIntervalSeconds: Math.round(ms / 1000) }));
  };
  const savePrice = (value: number) => void call(() => api().settings.update({ pricePerVcpuHour: value }));
  useAutoRefresh(() => {
    if (session) void refresh();
  }, intervalMs);
  // Keep "last updated … ago" current between refreshes.
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);

  async function remove(a: RegionAlarm, choice: DeleteChoice): Promise<boolean> {
    if (choice.regions.length === 0) return false;
    const started = await call(() => api().alarms.delete({ regions: choice.regions, name: a.alarmName, deleteTopic: choice.deleteTopic }));
    // The delete is a (short) run: its outcome is the run's.
    const ended = started.ok ? await waitForRun(started.value.runId, 'alarm-delete') : started;
    const r = ended.ok ? outcomeOf(ended.value) : ended;
    if (!r.ok) {
      notifications.show({ color: 'red', title: `Could not delete ${a.alarmName}`, message: r.error.message });
      return false;
    }
    const said = deleteSummary(r.value);
    notifications.show({ color: said.ok ? 'teal' : 'orange', title: said.title, message: `${a.alarmName}: ${said.message}` });
    await refresh();
    return true;
  }

  async function test(a: RegionAlarm): Promise<boolean> {
    const region = a.region;
    if (!isSupportedRegion(region)) return false;
    const r = await call(() => api().alarms.testNotification({ region, name: a.alarmName }));
    if (!r.ok) {
      notifications.show({ color: 'red', title: `Could not test ${a.alarmName}`, message: r.error.message });
      return false;
    }
    notifications.show({ color: 'orange', title: 'Test notification sent', message: `${a.alarmName} was set to ALARM; subscribers will get an email.` });
    await refresh();
    return true;
  }

  function edit(a: RegionAlarm) {
    if (!isSupportedRegion(a.region)) return;
    onEditAlarm(formFromAlarm(a, a.region));
  }

  if (!session) {
    return (
      <Stack>
        <Title order={1} size="h2">Monitoring</Title>
        <NotConnectedAlert purpose="to see vCPU usage and alarms." onGoConnect={onGoConnect} />
      </Stack>
    );
  }

  const okRegions = (regions ?? []).filter((r) => r.ok).map((r) => r.region);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">Monitoring</Title>
        <Group gap="sm" align="flex-end">
          <Text size="sm" c="dimmed" aria-label="Last updated">
            {updatedAt ? `Last updated ${ago(updatedAt, now)} (${new Date(updatedAt).toLocaleTimeString()})` : 'Loading…'}
          </Text>
          <Select
            aria-label="Refresh interval"
            data={refreshOptions(intervalMs)}
            value={String(intervalMs)}
            onChange={(v) => v && saveInterval(Number(v))}
            allowDeselect={false}
            w={170}
            size="xs"
          />
          <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} loading={loading} onClick={() => void refresh()}>
            Refresh
          </Button>
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={onNewAlarm}>
            New alarm
          </Button>
        </Group>
      </Group>
      {lastAlarm && onShowAlarmResult && (
        <Group gap="xs" aria-label="Last alarm created">
          <Text size="sm">
            You created {lastAlarm.alarmName} in {lastAlarm.regions.join(', ')} this session.
          </Text>
          <Anchor component="button" type="button" size="sm" fw={600} onClick={onShowAlarmResult}>
            Show its result
          </Anchor>
        </Group>
      )}
      {error && <ErrorAlert error={error} />}
      {!regions && !error && <Skeleton height={140} />}
      {regions && (
        <>
          <Text size="sm" c="dimmed">
            EC2 vCPUs of all usage classes the account publishes (On-Demand and Spot, added up), with each class that ran in the last 24 hours.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            {regions.map((r) => (
              <RegionCard key={r.region} summary={r} />
            ))}
          </SimpleGrid>
          {quotaNotes(regions).map((n) => (
            <Text key={n} size="xs" c="dimmed" aria-label="Quota note">
              Quotas: {n}
            </Text>
          ))}
          <Title order={2} size="h4">Alarms</Title>
          <AlarmsTable alarms={alarmsOf(regions)} now={now} onEdit={edit} onDelete={remove} onTest={test} />
          {okRegions.length > 0 && <UsageCostCard regions={okRegions} refreshKey={refreshCount} price={price} onPriceChange={setPrice} onPriceCommit={savePrice} />}
        </>
      )}
    </Stack>
  );
}
