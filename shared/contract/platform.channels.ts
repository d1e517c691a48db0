/** Channels of the Bodo Platform domain: its API token, registering Cloud Configurations, and what the platform sees. */
export const PLATFORM_CHANNELS = [
  'platform:status',
  'platform:save-credentials',
  'platform:forget-credentials',
  'platform:register',
  'platform:list',
] as const;
