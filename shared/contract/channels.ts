/**
 * Every IPC channel, named `domain:verb`. Each domain (the channels' prefix) lists its channels in
 * `<domain>.channels.ts`, beside its schemas in `<domain>.ts`; this file only joins the lists. The
 * contract (schemas), main's handler table and the preload API are all typed against them, so adding
 * or renaming a channel breaks the build until every side agrees. Kept free of zod (every file it
 * imports is too) so the sandboxed preload stays tiny.
 */
import { ALARMS_CHANNELS } from './alarms.channels';
import { BUDGETS_CHANNELS } from './budgets.channels';
import { CONFIGS_CHANNELS } from './configs.channels';
import { COST_CHANNELS } from './cost.channels';
import { DASHBOARD_CHANNELS } from './dashboard.channels';
import { DIAGNOSTICS_CHANNELS } from './diagnostics.channels';
import { EXPORT_CHANNELS } from './export.channels';
import { ORG_CHANNELS } from './org.channels';
import { PLATFORM_CHANNELS } from './platform.channels';
import { PROFILES_CHANNELS } from './profiles.channels';
import { READINESS_CHANNELS } from './readiness.channels';
import { RUNS_CHANNELS } from './runs.channels';
import { SESSION_CHANNELS } from './session.channels';
import { SETTINGS_CHANNELS } from './settings.channels';
import { SETUP_CHANNELS } from './setup.channels';
import { SSO_CHANNELS } from './sso.channels';
import { TOPICS_CHANNELS } from './topics.channels';
import { USAGE_CHANNELS } from './usage.channels';
import { WATCH_CHANNELS } from './watch.channels';

/** Every channel of every domain. */
export const CHANNELS = [
  ...RUNS_CHANNELS,
  ...PROFILES_CHANNELS,
  ...SESSION_CHANNELS,
  ...SETUP_CHANNELS,
  ...CONFIGS_CHANNELS,
  ...USAGE_CHANNELS,
  ...ALARMS_CHANNELS,
  ...TOPICS_CHANNELS,
  ...DASHBOARD_CHANNELS,
  ...READINESS_CHANNELS,
  ...EXPORT_CHANNELS,
  ...SETTINGS_CHANNELS,
  ...DIAGNOSTICS_CHANNELS,
  ...SSO_CHANNELS,
  ...PLATFORM_CHANNELS,
  ...COST_CHANNELS,
  ...BUDGETS_CHANNELS,
  ...ORG_CHANNELS,
  ...WATCH_CHANNELS,
] as const;

/** One IPC channel name. */
export type Channel = (typeof CHANNELS)[number];
