import { AppError } from '../../../shared/errors';
import { tokenFromResponse, tokenRequestBody, TOKEN_PATHS } from './adapter';
import { DEFAULT_TIMEOUT_MS, originOf, send, statusText, type FetchLike, type RequestContext } from './http';

/** An organization API token as the platform issues it. */
export interface PlatformCredentials {
  clientId: string;
  secret: string;
}

/** Where the token client gets the credentials from (the keychain-backed store, or the CLI's environment). Throws when there are none. */
export type CredentialSource = () => Promise<PlatformCredentials>;


/** The message for a refused client ID and secret. */
export const REFUSED_MESSAGE =
  "Sign-in to the Bodo Platform failed: the platform refused this client ID and secret. Check the organization API token's Client ID and Secret Key (Settings → Bodo Platform; CLI: BODO_ORG_CLIENT_ID and BODO_ORG_SECRET_KEY).";

export interface TokenClientOptions {
  authUrl: string;
  credentials: CredentialSource;
  fetch?: FetchLike;
  now?: () => number;
  timeoutMs?: number;
}

/** The `exp` claim of a JWT in milliseconds, read without checking the signature (as the SDK does), or null. */
export function jwtExpiry(token: string): number | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' && Number.isFinite(payload.exp) ? payload.exp * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * Client ID + secret → bearer token, from the platform's token endpoint. The token is cached in
 * memory until its `exp`, with no margin, as the SDK does; an expired one, or one the API refused
 * (`invalidate`: a token that expired in flight), is replaced by logging in again — there is no
 * refresh token (docs/platform-api.md#authentication).
 */
export class TokenClient {
  private readonly fetchFn: FetchLike;
  private readonly now: () => number;
  private readonly timeoutMs: number;
  private cached: { token: string; expiresAt: number | null; creds: PlatformCredentials } | null = null;
  private inFlight: Promise<string> | null = null;
  private pathIndex = 0;
  private lastCreds: PlatformCredentials | null = null;

  constructor(private readonly opts: TokenClientOptions) {
    this.fetchFn = opts.fetch ?? ((url, init) => fetch(url, init));
    this.now = opts.now ?? Date.now;
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** A valid bearer token, logging in when none is cached or it has (nearly) expired. */
  async token(): Promise<string> {
    const creds = await this.opts.credentials();
    this.lastCreds = creds;
    const c = this.cached;
    if (c && c.creds.clientId === creds.clientId && c.creds.secret === creds.secret && c.expiresAt !== null && this.now() < c.expiresAt) {
      return c.token;
    }
    this.inFlight ??= this.login(creds).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Forget the cached token (the API answered 401/403 with it). */
  invalidate(): void {
    this.cached = null;
  }

  /** The values no message may contain: the secret and the current token. */
  secrets(): string[] {
    return [this.lastCreds?.secret, this.cached?.token].filter((s): s is string => typeof s === 'string');
  }

  /** Log in with these credentials, without caching anything (to check a token before it is stored). */
  async check(creds: PlatformCredentials): Promise<void> {
    this.lastCreds = creds;
    await this.exchange(creds);
  }

  private async login(creds: PlatformCredentials): Promise<string> {
    const { token, expiresAt } = await this.exchange(creds);
    // No exp and no expires_in: use the token for this call only, as the SDK does when it cannot decode it.
    this.cached = { token, expiresAt, creds };
    return token;
  }

  private async exchange(creds: PlatformCredentials): Promise<{ token: string; expiresAt: number | null }> {
    const ctx: RequestContext = { what: 'sign in to the platform', timeoutMs: this.timeoutMs, secrets: () => [creds.secret] };
    for (;;) {
      const url = `${this.opts.authUrl}${TOKEN_PATHS[this.pathIndex]}`;
      const answer = await send(
        this.fetchFn,
        url,
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: tokenRequestBody(creds.clientId, creds.secret) },
        ctx,
      );
      // An older auth service has only the v1 endpoint: fall back once, and remember.
      if (answer.status === 404 && this.pathIndex < TOKEN_PATHS.length - 1) {
        this.pathIndex++;
        continue;
      }
      if (answer.status === 404) {
        throw new AppError(
          'PlatformRejected',
          `The platform's auth service at ${originOf(url)} has no API-token endpoint (${statusText(404)} for ${TOKEN_PATHS.join(' and ')}): check the platform auth URL (Settings → Bodo Platform, ONRAMP_PLATFORM_AUTH_URL).`,
        );
      }
      if (answer.status >= 500) {
        throw new AppError('PlatformUnavailable', `The platform's auth service could not sign in (${statusText(answer.status)}). Try again later; nothing was changed in AWS.`);
      }
      // Success is strictly 200 (docs/platform-api.md#authentication); anything else means the token was refused.
      if (answer.status !== 200) throw new AppError('PlatformAuth', REFUSED_MESSAGE);
      const parsed = tokenFromResponse(answer.body);
      if (!parsed) {
        throw new AppError('PlatformRejected', "The platform's auth service answered 200 without an access token (neither access_token nor accessToken).");
      }
      const exp = jwtExpiry(parsed.token);
      const expiresAt = exp ?? (parsed.expiresInSeconds !== null ? this.now() + parsed.expiresInSeconds * 1000 : null);
      return { token: parsed.token, expiresAt };
    }
  }
}
