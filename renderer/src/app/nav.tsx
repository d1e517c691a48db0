import { IconAlarmPlus, IconChartLine, IconCoin, IconGauge, IconListDetails, IconPlugConnected, IconSettings, IconSitemap, IconWand } from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import type { SessionInfo } from '../../../shared/contract/session';
import type { AlarmForm } from '../features/alarm-wizard/form';
import { ConnectScreen } from '../features/connect/ConnectScreen';
import { LazyAlarmResultScreen, LazyAlarmWizard } from '../features/alarm-wizard/LazyAlarmWizard';
import { ALARM_RESULT_SCREEN } from '../features/alarm-wizard/alarm-run';
import { LazyDashboardScreen } from '../features/dashboard/LazyDashboardScreen';
import { lazyScreen } from './lazy-screen';

// Connect is the first screen; every other one loads when it is first opened.
const SetupWizard = lazyScreen(() => import('../features/setup-wizard/SetupWizard').then((m) => m.SetupWizard), 'setup wizard');
const ReadinessScreen = lazyScreen(() => import('../features/readiness/ReadinessScreen').then((m) => m.ReadinessScreen), 'readiness');
const ConfigurationsScreen = lazyScreen(() => import('../features/configurations/ConfigurationsScreen').then((m) => m.ConfigurationsScreen), 'configurations');
const CostScreen = lazyScreen(() => import('../features/cost/CostScreen').then((m) => m.CostScreen), 'the Cost screen');
const OrgScreen = lazyScreen(() => import('../features/organization/OrgScreen').then((m) => m.OrgScreen), 'organization');
const SettingsScreen = lazyScreen(() => import('../features/settings/SettingsScreen').then((m) => m.SettingsScreen), 'settings');

/** What a screen gets from the shell. */
export interface ScreenContext {
  session: SessionInfo | null;
  setSession: (session: SessionInfo | null) => void;
  navigate: (id: string) => void;
  /** The alarm the dashboard's Edit opened the wizard on, or null for a new one. */
  alarmToEdit: AlarmForm | null;
  /** Open the alarm wizard on an existing alarm's form. */
  editAlarm: (form: AlarmForm) => void;
  /** The last alarm create that finished this session (its result stays reachable from Monitoring), or null. */
  lastAlarm: { id: string; alarmName: string; regions: string[] } | null;
}

/** One navbar entry and the screen it shows. Add a feature by appending an item. */
export interface NavItem {
  id: string;
  label: string;
  icon: ComponentType<{ size?: number }>;
  render: (ctx: ScreenContext) => ReactNode;
  /** A screen reached from within the app (a notice, another screen), not listed in the navbar. */
  hidden?: boolean;
  /** The navbar entry to mark as current while a hidden screen is shown. */
  within?: string;
}

/** The navbar, in order. */
export const NAV_ITEMS: NavItem[] = [
  {
    id: 'connect',
    label: 'Connect',
    icon: IconPlugConnected,
    render: (ctx) => <ConnectScreen session={ctx.session} onConnected={ctx.setSession} />,
  },
  {
    id: 'monitoring',
    label: 'Monitoring',
    icon: IconChartLine,
    render: (ctx) => (
      <LazyDashboardScreen
        session={ctx.session}
        onGoConnect={() => ctx.navigate('connect')}
        onNewAlarm={() => ctx.navigate('new-alarm')}
        onEditAlarm={ctx.editAlarm}
        lastAlarm={ctx.lastAlarm}
        onShowAlarmResult={() => ctx.navigate(ALARM_RESULT_SCREEN)}
      />
    ),
  },
  {
    id: 'cost',
    label: 'Cost',
    icon: IconCoin,
    render: (ctx) => <CostScreen session={ctx.session} onGoConnect={() => ctx.navigate('connect')} />,
  },
  {
    id: 'new-alarm',
    label: 'New alarm',
    icon: IconAlarmPlus,
    render: (ctx) => (
      <LazyAlarmWizard
        session={ctx.session}
        initialForm={ctx.alarmToEdit}
        onGoConnect={() => ctx.navigate('connect')}
        onOpenDashboard={() => ctx.navigate('monitoring')}
      />
    ),
  },
  {
    id: 'setup',
    label: 'New setup',
    icon: IconWand,
    render: (ctx) => (
      <SetupWizard session={ctx.session} onGoConnect={() => ctx.navigate('connect')} onShowReadiness={() => ctx.navigate('readiness')} />
    ),
  },
  {
    id: 'readiness',
    label: 'Readiness',
    icon: IconGauge,
    render: (ctx) => <ReadinessScreen session={ctx.session} onGoConnect={() => ctx.navigate('connect')} />,
  },
  {
    id: 'configurations',
    label: 'Configurations',
    icon: IconListDetails,
    render: (ctx) => <ConfigurationsScreen session={ctx.session} onNewSetup={() => ctx.navigate('setup')} onOpenSetup={() => ctx.navigate('setup')} />,
  },
  {
    id: 'organization',
    label: 'Organization',
    icon: IconSitemap,
    render: (ctx) => <OrgScreen session={ctx.session} onGoConnect={() => ctx.navigate('connect')} />,
  },
  { id: 'settings', label: 'Settings', icon: IconSettings, render: () => <SettingsScreen /> },
  {
    id: ALARM_RESULT_SCREEN,
    label: 'Alarm result',
    icon: IconAlarmPlus,
    hidden: true,
    within: 'monitoring',
    render: (ctx) => <LazyAlarmResultScreen onOpenDashboard={() => ctx.navigate('monitoring')} onNewAlarm={() => ctx.navigate('new-alarm')} onEdit={ctx.editAlarm} />,
  },
];
