import type { PLATFORM_CHANNELS } from '../../shared/contract/platform.channels';
import type { PlatformStatus } from '../../shared/contract/platform';
import { AppError } from '../../shared/errors';
import { platformOverview, registerConfiguration, sourceFromSaved } from '../core/app/platform-service';
import { createPlatformClient, PlatformCredentialStore, resolvePlatformUrls, type PlatformClient, type PlatformCredentials } from '../core/platform';
import { SettingsStore } from '../core/settings/settings-store';
import { savedOrThrow } from './configs';
import type { HandlerDeps, HandlerSlice } from './types';

/** The app's message when no API token is stored. */
const NO_TOKEN =
  'No Bodo Platform API token is stored: enter the organization Client ID and Secret Key under Settings → Bodo Platform (or where you pressed Register).';

/** The Bodo Platform: its API token (kept by the credential store), registering, and what the platform sees. */
export function platformHandlers(deps: HandlerDeps): HandlerSlice<(typeof PLATFORM_CHANNELS)[number]> {
  // Without a keychain-backed store from the Electron layer (tests, the e2e harness), credentials live in memory only.
  const credentials = deps.platformCredentials ?? new PlatformCredentialStore(deps.dataDir, null, (p) => deps.logger?.warn(p));
  const now = deps.now ?? Date.now;
  // One client (and so one cached token) per pair of URLs, for the app's lifetime.
  let cached: { key: string; client: PlatformClient } | null = null;

  const urls = async () => resolvePlatformUrls(deps.env, await (deps.settings ?? new SettingsStore(deps.dataDir)).get());

  const stored = async (): Promise<PlatformCredentials> => {
    const creds = await credentials.get();
    if (!creds) throw new AppError('PlatformAuth', NO_TOKEN);
    return creds;
  };

  async function client(): Promise<PlatformClient> {
    const u = await urls();
    const key = `${u.apiUrl}\n${u.authUrl}`;
    if (cached?.key !== key) cached = { key, client: createPlatformClient({ urls: u, credentials: stored, now }) };
    return cached.client;
  }

  async function status(): Promise<PlatformStatus> {
    const u = await urls();
    return { ...(await credentials.state()), keychainAvailable: await credentials.keychainAvailable(), ...u };
  }

  return {
    'platform:status': () => status(),
    'platform:save-credentials': async ({ clientId, secret, remember }) => {
      // Checked with the token endpoint first: a refused token is never stored.
      await (await client()).tokens.check({ clientId, secret });
      await credentials.save({ clientId, secret }, remember);
      return status();
    },
    'platform:forget-credentials': async () => {
      await credentials.clear();
      cached = null;
      return status();
    },
    'platform:register': async (ref) => {
      const saved = await savedOrThrow(deps, ref);
      const c = await client();
      return registerConfiguration({ api: c.configs, store: deps.store, now }, sourceFromSaved(saved));
    },
    'platform:list': async () => platformOverview({ api: (await client()).configs, store: deps.store, now }),
  };
}
