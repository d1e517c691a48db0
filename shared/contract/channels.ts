/**
 * Every IPC channel, named `domain:verb`. This list is the single place channel names are
 * written; the contract (schemas), main's handler table and the preload API are all typed
 * against it, so adding or renaming a channel breaks the build until every side agrees.
 * Kept free of zod so the sandboxed preload stays tiny.
 */
import { EXPORT_CHANNELS } from './export-channels';
import { MONITORING_CHANNELS } from './monitoring-channels';
import { ORG_CHANNELS } from './org-channels';
import { PLATFORM_CHANNELS } from './platform-channels';
import { READINESS_CHANNELS } from './readiness-channels';
import { SETTINGS_CHANNELS } from './settings-channels';
import { SSO_CHANNELS } from './sso-channels';

export const CORE_CHANNELS = [
  'profiles:list',
  'session:connect',
  'session:current',
  'session:disconnect',
  'session:connect-keys',
  'session:save-profile',
  'setup:plan',
  'setup:apply',
  'setup:progress',
  'setup:verify',
  'setup:destroy',
  'setup:cancel',
  'setup:interrupted',
  'setup:resolve-interrupted',
  'configs:list',
  'configs:forget',
] as const;

/** Every channel of every domain. */
export const CHANNELS = [...CORE_CHANNELS, ...MONITORING_CHANNELS, ...READINESS_CHANNELS, ...EXPORT_CHANNELS, ...SETTINGS_CHANNELS, ...SSO_CHANNELS, ...PLATFORM_CHANNELS, ...ORG_CHANNELS] as const;

/** One IPC channel name. */
export type Channel = (typeof CHANNELS)[number];
