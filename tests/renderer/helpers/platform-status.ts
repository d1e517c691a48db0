import type { PlatformStatus } from '../../../shared/contract/platform';

/** `platform:status` before any API token was entered (for fakes of screens that show the Platform panel). */
export const NO_PLATFORM_TOKEN: PlatformStatus = {
  credentials: 'none',
  clientIdHint: null,
  keychainAvailable: true,
  apiUrl: 'https://api.bodo.ai/api',
  authUrl: 'https://auth.bodo.ai',
  apiUrlSource: 'default',
  authUrlSource: 'default',
};
