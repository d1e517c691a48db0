import { AppShell, Button, Group, Modal, NavLink, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconStairsUp } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { SessionInfo } from '../../../shared/contract/session';
import type { AlarmForm } from '../features/alarm-wizard/form';
import { api, call } from '../api';
import { RunsProvider, useRunsInFlight } from '../components/runs';
import { useInterruptedRunsNotice } from '../features/setup-wizard';
import { NAV_ITEMS, type NavItem, type ScreenContext } from './nav';
import { SessionExpiredModal } from './SessionExpiredModal';
import { SessionHeader } from './SessionHeader';
import { ThemeToggle, useThemePreference } from './ThemeToggle';

/** The application shell: header with the connected identity, a navbar of features, and the active screen. */
export function App({ navItems = NAV_ITEMS }: { navItems?: NavItem[] }) {
  // The wizards' places and runs live above the screens: leaving one and coming back shows the same run.
  return (
    <RunsProvider>
      <Shell navItems={navItems} />
    </RunsProvider>
  );
}

/** What the disconnect question calls a place's run, and the screen that shows it. */
const RUN_PLACES: Record<string, { what: string; screen: string }> = {
  setup: { what: 'A setup run', screen: 'setup' },
  alarm: { what: 'An alarm create', screen: 'new-alarm' },
};

function Shell({ navItems }: { navItems: NavItem[] }) {
  const [active, setActive] = useState(navItems[0].id);
  useInterruptedRunsNotice();
  const inFlight = useRunsInFlight();
  // A run in progress keeps going after a disconnect, but the user should choose that knowingly.
  const running: { what: string; screen: string } | null = inFlight.map((p) => RUN_PLACES[p.name]).find(Boolean) ?? null;
  const [confirmDisconnect, setConfirmDisconnect] = useState(false);
  const [session, setSession] = useState<SessionInfo | null>(null);
  // An alarm handed from the dashboard's Edit to the wizard; any other navigation clears it.
  const [alarmToEdit, setAlarmToEdit] = useState<AlarmForm | null>(null);
  const go = (id: string) => {
    setAlarmToEdit(null);
    setActive(id);
  };
  const { setTheme } = useThemePreference();

  // The saved theme applies from start-up, not only once Settings is opened.
  useEffect(() => {
    let mounted = true;
    void call(() => api().settings.get({})).then((r) => {
      if (mounted && r.ok) setTheme(r.value.theme);
    });
    return () => {
      mounted = false;
    };
  }, [setTheme]);

  useEffect(() => {
    void call(() => api().session.current({})).then((r) => {
      if (r.ok) setSession((s) => s ?? r.value);
      // Once connected, the monitoring dashboard is home (when the app has one).
      if (r.ok && r.value && navItems.some((n) => n.id === 'monitoring')) setActive((a) => (a === navItems[0].id ? 'monitoring' : a));
    });
  }, []); // once, at start-up

  const ctx: ScreenContext = {
    session,
    setSession,
    navigate: go,
    alarmToEdit,
    editAlarm: (form) => {
      setAlarmToEdit(form);
      setActive('new-alarm');
    },
  };
  const disconnect = () => {
    setConfirmDisconnect(false);
    void call(() => api().session.disconnect({}));
    setSession(null);
    go('connect');
  };
  const current = navItems.find((n) => n.id === active) ?? navItems[0];

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <ThemeIcon size="lg" radius="md" aria-hidden>
              <IconStairsUp size={20} />
            </ThemeIcon>
            <Text fw={700} size="lg">
              Onramp
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
            <SessionHeader
              session={session}
              onDisconnect={() => (running ? setConfirmDisconnect(true) : disconnect())}
            />
            <ThemeToggle onChange={(theme) => void call(() => api().settings.update({ theme }))} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        {navItems.map((item) => (
          <NavLink
            key={item.id}
            label={item.label}
            leftSection={<item.icon size={18} />}
            active={item.id === current.id}
            aria-current={item.id === current.id ? 'page' : undefined}
            onClick={() => go(item.id)}
            component="button"
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <div key={alarmToEdit ? `${current.id}:edit:${alarmToEdit.name}` : current.id}>{current.render(ctx)}</div>
      </AppShell.Main>
      <Modal opened={confirmDisconnect} onClose={() => setConfirmDisconnect(false)} title={`${running?.what ?? 'A run'} is in progress`}>
        <Stack>
          <Text size="sm">
            Disconnecting does not stop it: the run finishes (or undoes itself) with the credentials it started with. To stop it, cancel it on its screen.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmDisconnect(false)}>
              Stay connected
            </Button>
            <Button
              variant="light"
              onClick={() => {
                setConfirmDisconnect(false);
                go(running?.screen ?? 'setup');
              }}
            >
              Show the run
            </Button>
            <Button color="red" onClick={disconnect}>
              Disconnect anyway
            </Button>
          </Group>
        </Stack>
      </Modal>
      <SessionExpiredModal
        connected={session !== null}
        onReconnect={() => {
          void call(() => api().session.disconnect({}));
          setSession(null);
          go('connect');
        }}
      />
    </AppShell>
  );
}
