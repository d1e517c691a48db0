import { Button, Checkbox, Group, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { WatchStatus, WatchUpdate } from '../../../../shared/contract/watch';
import type { AppErrorShape } from '../../../../shared/errors';
import { WATCH_EVENT_KINDS, type WatchEventKind } from '../../../../shared/watch/events';
import { api, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';

/** What each kind of change is called in Settings. */
export const KIND_LABELS: Record<WatchEventKind, string> = {
  'alarm-state': 'An alarm changes state (ALARM, OK, insufficient data)',
  usage: 'EC2 vCPUs pass an alarm threshold',
  subscription: 'An alarm email subscription is still unconfirmed after a day',
  credentials: 'AWS credentials expire within a day, or have expired',
  spend: 'Spend or its forecast passes a budget',
  drift: 'A saved configuration fails its daily verify',
};

const clock = (t: number) => new Date(t).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });

/** Settings' "Background watching": on/off, which changes notify, quiet hours, start at login, pause, and the last pass. */
export function WatchCard() {
  const [status, setStatus] = useState<WatchStatus | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [quiet, setQuiet] = useState({ start: '22:00', end: '07:00' });

  const take = (r: Awaited<ReturnType<typeof call<WatchStatus>>>) => {
    if (!r.ok) return setError(r.error);
    setError(null);
    setStatus(r.value);
    if (r.value.settings.quietHours) setQuiet(r.value.settings.quietHours);
  };
  useEffect(() => {
    let mounted = true;
    void call(() => api().watch.status({})).then((r) => mounted && take(r));
    return () => {
      mounted = false;
    };
  }, []);
  const update = (patch: WatchUpdate) => void call(() => api().watch.update(patch)).then(take);
  const pause = (what: 'hour' | 'tomorrow' | 'resume') => void call(() => api().watch.pause({ for: what })).then(take);

  const s = status?.settings;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-watching">
      <Stack gap="sm">
        <Title order={2} size="h4" id="settings-watching">
          Background watching
        </Title>
        {error && <ErrorAlert error={error} />}
        {status && s && (
          <>
            <Text size="sm" role="status" aria-label="Watching status">
              {status.reason}
              {status.pausedUntil !== null ? ` Paused until ${clock(status.pausedUntil)}.` : ''}
            </Text>
            {status.last && (
              <Text size="sm" c="dimmed">
                Last pass {clock(status.last.at)}: {status.last.regions.map((r) => `${r.region} ${r.vcpus ?? '–'} vCPUs${r.inAlarm.length ? ` (${r.inAlarm.join(', ')} in ALARM)` : ''}`).join('; ')}
                {status.nextAt !== null ? `. Next ${clock(status.nextAt)}.` : '.'}
              </Text>
            )}
            <Switch
              label="Keep watching with the window closed (Onramp stays in the tray)"
              checked={status.watching}
              onChange={(e) => update({ enabled: e.currentTarget.checked })}
            />
            {status.watching && (
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => pause('hour')}>
                  Pause for 1 hour
                </Button>
                <Button size="xs" variant="default" onClick={() => pause('tomorrow')}>
                  Pause until tomorrow
                </Button>
                <Button size="xs" variant="default" disabled={status.pausedUntil === null} onClick={() => pause('resume')}>
                  Resume
                </Button>
              </Group>
            )}
            <Checkbox.Group label="Desktop notifications when" value={WATCH_EVENT_KINDS.filter((k) => s.kinds[k])}>
              <Stack gap={4} mt={4}>
                {WATCH_EVENT_KINDS.map((k) => (
                  <Checkbox key={k} value={k} label={KIND_LABELS[k]} onChange={(e) => update({ kinds: { ...s.kinds, [k]: e.currentTarget.checked } })} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Switch label="Quiet hours (no desktop notifications)" checked={s.quietHours !== null} onChange={(e) => update({ quietHours: e.currentTarget.checked ? quiet : null })} />
            {s.quietHours && (
              <Group gap="sm">
                <TextInput type="time" label="From" value={quiet.start} onChange={(e) => setQuiet({ ...quiet, start: e.currentTarget.value })} onBlur={() => update({ quietHours: quiet })} w={120} />
                <TextInput type="time" label="To" value={quiet.end} onChange={(e) => setQuiet({ ...quiet, end: e.currentTarget.value })} onBlur={() => update({ quietHours: quiet })} w={120} />
              </Group>
            )}
            <Switch label="Start Onramp at login (in the tray, without a window)" checked={s.startAtLogin} onChange={(e) => update({ startAtLogin: e.currentTarget.checked })} />
            {status.startAtLogin?.note && (
              <Text size="sm" c="orange">
                {status.startAtLogin.note}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
