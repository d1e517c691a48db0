import type { Settings } from '../../../shared/contract/settings';
import { AppError } from '../../../shared/errors';
import {
  DEFAULT_PLATFORM_API_URL,
  DEFAULT_PLATFORM_AUTH_URL,
  normalisePlatformUrl,
  PLATFORM_API_URL_ENV,
  PLATFORM_AUTH_URL_ENV,
  platformUrlProblem,
} from '../../../shared/platform/urls';

/** The platform's base URLs in use and where each came from. */
export interface PlatformUrls {
  apiUrl: string;
  authUrl: string;
  apiUrlSource: 'default' | 'settings' | 'env';
  authUrlSource: 'default' | 'settings' | 'env';
}

/**
 * The API and auth base URLs: the environment (ONRAMP_PLATFORM_API_URL / ONRAMP_PLATFORM_AUTH_URL)
 * over Settings over the platform's defaults. An invalid environment value is InvalidInput, before
 * any request (the settings were validated when saved).
 */
export function resolvePlatformUrls(env: NodeJS.ProcessEnv, settings?: Pick<Settings, 'platformApiUrl' | 'platformAuthUrl'> | null): PlatformUrls {
  const pick = (envName: string, saved: string | null | undefined, fallback: string, label: string) => {
    const fromEnv = env[envName]?.trim();
    if (fromEnv) {
      const value = normalisePlatformUrl(fromEnv);
      const problem = platformUrlProblem(value, `${envName}`);
      if (problem) throw new AppError('InvalidInput', problem, envName);
      return { url: value, source: 'env' as const };
    }
    if (saved) {
      const value = normalisePlatformUrl(saved);
      const problem = platformUrlProblem(value, label);
      if (problem) throw new AppError('InvalidInput', `${problem} Change it in Settings → Bodo Platform.`, label);
      return { url: value, source: 'settings' as const };
    }
    return { url: fallback, source: 'default' as const };
  };
  const api = pick(PLATFORM_API_URL_ENV, settings?.platformApiUrl, DEFAULT_PLATFORM_API_URL, 'Platform API URL');
  const auth = pick(PLATFORM_AUTH_URL_ENV, settings?.platformAuthUrl, DEFAULT_PLATFORM_AUTH_URL, 'Platform auth URL');
  return { apiUrl: api.url, authUrl: auth.url, apiUrlSource: api.source, authUrlSource: auth.source };
}
