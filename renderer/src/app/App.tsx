import { ActionIcon, AppShell, Group, NavLink, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconLayoutSidebarLeftCollapse, IconLayoutSidebarLeftExpand, IconStairsUp } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { SessionInfo } from '../../../shared/contract/session';
import type { AlarmForm } from '../features/alarm-wizard/form';
// entry.ts imports nothing: the wizard's model (and the schemas it validates with) stays in its own chunk.
import { newAlarmEntry, unsavedAlarm } from '../features/alarm-wizard/entry';
import { api, call } from '../api';
import { setNoticeShell, showNotice } from '../components/notice';
import { RunsProvider, useRunsInFlight } from '../components/runs';
import { useAlarmRun } from '../features/alarm-wizard/alarm-run';
import { unsavedSetup } from '../features/setup-wizard/model';
import { useInterruptedRunsNotice, useSetupRun } from '../features/setup-wizard';
import { DisconnectModal, type InProgress } from './DisconnectModal';
import { NAV_ITEMS, type NavItem, type ScreenContext } from './nav';
import { SessionExpiredModal } from './SessionExpiredModal';
import { SessionHeader } from './SessionHeader';
import { ThemeToggle, useThemePreference } from './ThemeToggle';
import { useWatchNavigation } from './watch-navigation';

/** Below this window width the navbar collapses to its icons (a toggle opens it again). */
export const NAVBAR_COLLAPSE_BELOW_PX = 1000;

/** The application shell: header with the connected identity, a navbar of features, and the active screen. */
export function App({ navItems = NAV_ITEMS }: { navItems?: NavItem[] }) {
  // The wizards' places and runs live above the screens: leaving one and coming back shows the same run.
  return (
    <RunsProvider>
      <Shell navItems={navItems} />
    </RunsProvider>
  );
}

function Shell({ navItems }: { navItems: NavItem[] }) {
  const [active, setActive] = useState(navItems[0].id);
  useInterruptedRunsNotice();
  const setupRun = useSetupRun();
  const alarmRun = useAlarmRun();
  // The Organization screen's runs (its places are named by run kind; its chunk is not loaded for this).
  const orgRun = useRunsInFlight().find((p) => p.name === 'org-apply' || p.name === 'org-destroy');
  const [session, setSession] = useState<SessionInfo | null>(null);
  // What a disconnect would interrupt: a run in progress, or a wizard with input not yet applied.
  const inProgress: InProgress | null = setupRun?.running
    ? { kind: 'run', what: 'A setup run', screen: 'setup' }
    : alarmRun?.state?.creating
      ? { kind: 'run', what: 'An alarm create', screen: 'new-alarm' }
      : orgRun
        ? { kind: 'run', what: orgRun.name === 'org-apply' ? 'An organization roll-out' : 'A roll-out removal', screen: 'organization' }
        : setupRun && unsavedSetup({ step: setupRun.step, form: setupRun.form, runId: setupRun.runId })
          ? { kind: 'draft', what: 'New setup', screen: 'setup' }
          : unsavedAlarm(alarmRun?.state ?? null)
            ? { kind: 'draft', what: 'New alarm', screen: 'new-alarm' }
            : null;
  const [confirmDisconnect, setConfirmDisconnect] = useState(false);
  // An alarm handed from the dashboard's Edit to the wizard; any other navigation clears it.
  const [alarmToEdit, setAlarmToEdit] = useState<AlarmForm | null>(null);
  const narrow = useMediaQuery(`(max-width: ${NAVBAR_COLLAPSE_BELOW_PX - 0.02}px)`) ?? false;
  const [opened, setOpened] = useState(false);
  const collapsed = narrow && !opened;
  const go = (id: string) => {
    setAlarmToEdit(null);
    // "New alarm" is new: a finished create (or an edit) gives way to a fresh wizard; a create still
    // running, or a new alarm being filled in, keeps its place (features/alarm-wizard/entry.ts).
    // Cleared, the wizard begins a new alarm with the session's region when it opens.
    if (id === 'new-alarm' && alarmRun && newAlarmEntry(alarmRun.state) === 'fresh') alarmRun.clear();
    setActive(id);
  };
  const { setTheme } = useThemePreference();
  // A desktop notification from the background watcher was clicked: open the screen it is about.
  useWatchNavigation(go);

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

  const current = navItems.find((n) => n.id === active) ?? navItems[0];
  // Notices about the screen on view are not drawn over it; their "Show" actions navigate like the navbar.
  useEffect(() => setNoticeShell(current.id, go));

  const ctx: ScreenContext = {
    session,
    setSession,
    navigate: go,
    alarmToEdit,
    editAlarm: (form) => {
      setAlarmToEdit(form);
      setActive('new-alarm');
    },
    lastAlarm: alarmRun?.finished ? { id: alarmRun.finished.runId, alarmName: alarmRun.finished.result.alarmName, regions: alarmRun.finished.result.regions.map((r) => r.region) } : null,
  };
  const disconnect = () => {
    setConfirmDisconnect(false);
    const was = session;
    void call(() => api().session.disconnect({}));
    setSession(null);
    go('connect');
    if (was) {
      showNotice({
        title: 'Disconnected',
        color: 'gray',
        message: `From account ${was.account} (${was.profile}).${inProgress?.kind === 'draft' ? ` ${inProgress.what} keeps what you typed: connect again to continue it.` : ''}`,
      });
    }
  };
  const highlighted = current.within ?? current.id;

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: collapsed ? 64 : 220, breakpoint: 0 }} padding="lg">
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
            <SessionHeader session={session} onDisconnect={() => (inProgress ? setConfirmDisconnect(true) : disconnect())} />
            <ThemeToggle onChange={(theme) => void call(() => api().settings.update({ theme }))} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        {narrow && (
          <Group justify={collapsed ? 'center' : 'flex-end'} mb={4}>
            <Tooltip label={collapsed ? 'Expand the sidebar' : 'Collapse the sidebar'} position="right">
              <ActionIcon variant="subtle" color="gray" size="lg" aria-label={collapsed ? 'Expand the sidebar' : 'Collapse the sidebar'} aria-expanded={!collapsed} onClick={() => setOpened((o) => !o)}>
                {collapsed ? <IconLayoutSidebarLeftExpand size={20} aria-hidden /> : <IconLayoutSidebarLeftCollapse size={20} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
        {navItems
          .filter((item) => !item.hidden)
          .map((item) => (
            <Tooltip key={item.id} label={item.label} position="right" disabled={!collapsed}>
              <NavLink
                label={collapsed ? undefined : item.label}
                aria-label={item.label}
                leftSection={<item.icon size={collapsed ? 20 : 18} />}
                active={item.id === highlighted}
                aria-current={item.id === highlighted ? 'page' : undefined}
                onClick={() => go(item.id)}
                component="button"
                styles={collapsed ? { section: { marginInlineEnd: 0 }, root: { justifyContent: 'center' } } : undefined}
              />
            </Tooltip>
          ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <div key={alarmToEdit ? `${current.id}:edit:${alarmToEdit.name}` : current.id}>{current.render(ctx)}</div>
      </AppShell.Main>
      <DisconnectModal
        opened={confirmDisconnect}
        inProgress={inProgress}
        onStay={() => setConfirmDisconnect(false)}
        onShow={(screen) => {
          setConfirmDisconnect(false);
          go(screen);
        }}
        onDisconnect={disconnect}
      />
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
