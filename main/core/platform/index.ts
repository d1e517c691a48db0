import { createCloudConfigApi, type CloudConfigApi } from './cloud-configs';
import type { FetchLike } from './http';
import { TokenClient, type CredentialSource } from './token';
import type { PlatformUrls } from './urls';

export { createCloudConfigApi, type CloudConfigApi, type CloudConfigList } from './cloud-configs';
export { TokenClient, REFUSED_MESSAGE, jwtExpiry, type CredentialSource, type PlatformCredentials } from './token';
export { resolvePlatformUrls, type PlatformUrls } from './urls';
export { PlatformCredentialStore, clientIdHint, CREDENTIALS_FILE, type SecretCipher, type CredentialState } from './credential-store';
export { SDK_CONTRACT_VERSION, type CloudConfigDraft } from './adapter';
export type { FetchLike } from './http';

/** A platform client: the token cache and the Cloud Configuration API on top of it. */
export interface PlatformClient {
  tokens: TokenClient;
  configs: CloudConfigApi;
}

/** Wire the token client and the Cloud Configuration API for one set of URLs and one credential source. */
export function createPlatformClient(opts: {
  urls: Pick<PlatformUrls, 'apiUrl' | 'authUrl'>;
  credentials: CredentialSource;
  fetch?: FetchLike;
  now?: () => number;
  timeoutMs?: number;
}): PlatformClient {
  const tokens = new TokenClient({ authUrl: opts.urls.authUrl, credentials: opts.credentials, fetch: opts.fetch, now: opts.now, timeoutMs: opts.timeoutMs });
  return { tokens, configs: createCloudConfigApi({ apiUrl: opts.urls.apiUrl, tokens, fetch: opts.fetch, timeoutMs: opts.timeoutMs }) };
}
