import { AppError } from '../../../shared/errors';
import { cancelledError } from '../run/checkpoint';
import { pollForToken, initialPollState, REAL_CLOCK, type Attempt, type PollClock } from './device-flow';
import { DEFAULT_SSO_REQUEST_MS, ServiceError, type Service } from './http';
import { createToken, DEVICE_CODE_GRANT, registerClient, startDeviceAuthorization, type ClientRegistration, type DeviceAuthorization, type OidcToken } from './oidc';
import { cacheKeyOf, loadSsoConfig, oidcEndpoint, type SsoProfileConfig } from './sso-config';
import { cacheTimestamp, readCachedToken, writeCachedToken } from './token-cache';

/** What a sign-in needs besides the profile. */
export interface SignInDeps {
  env: NodeJS.ProcessEnv;
  clock?: PollClock;
  requestTimeoutMs?: number;
}

/** A started sign-in: what to show the user, and the promise of the cached token. */
export interface PendingSignIn {
  profile: string;
  /** The code the user confirms in the browser (not a secret: it is meant to be shown). */
  userCode: string;
  verificationUri: string;
  /** The verification page with the code filled in: the one to open. */
  verificationUriComplete: string;
  /** When the code expires (epoch ms). */
  expiresAt: number;
  /** Resolves once the token is in the cache; rejects with an AppError (denied, expired, unreachable, or Cancelled by the signal). */
  done: Promise<SignInResult>;
}

/** A finished sign-in. */
export interface SignInResult {
  profile: string;
  /** The cache file written (~/.aws/sso/cache/<sha1>.json). */
  cacheFile: string;
  /** When the access token expires (ISO-8601). */
  expiresAt: string;
}

/** What a sign-in stopped by its signal fails with. */
const cancelled = () => cancelledError('The sign-in was cancelled.');

/** Registrations reused from the cache must stay valid at least this long (a sign-in takes minutes). */
const REGISTRATION_MARGIN_MS = 60 * 60_000;

/**
 * True when `url` may be opened in the user's browser: https, or http only to a loopback host (a
 * local test endpoint); no user name or password in it. The URL is always the one the SSO-OIDC
 * service returned, never one the renderer supplies.
 */
export function isSafeVerificationUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (parsed.protocol === 'https:') return true;
  return parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
}

function oidcService(deps: SignInDeps, config: SsoProfileConfig): Service {
  return { label: 'the IAM Identity Center sign-in service', baseUrl: oidcEndpoint(deps.env, config), timeoutMs: deps.requestTimeoutMs ?? DEFAULT_SSO_REQUEST_MS };
}

/** A still-valid client registration from the cached token of the same start URL and region, else a new one. */
async function registration(deps: SignInDeps, config: SsoProfileConfig, service: Service, now: number, signal: AbortSignal): Promise<ClientRegistration> {
  const cached = await readCachedToken(deps.env, cacheKeyOf(config)).catch(() => null);
  const expiresAt = cached?.registrationExpiresAt ? Date.parse(cached.registrationExpiresAt) : NaN;
  if (cached?.clientId && cached.clientSecret && cached.startUrl === config.startUrl && cached.region === config.ssoRegion && expiresAt - now > REGISTRATION_MARGIN_MS) {
    return { clientId: cached.clientId, clientSecret: cached.clientSecret, expiresAt };
  }
  return registerClient(service, { clientName: `onramp-${config.sessionName ?? 'legacy'}`, scopes: config.registrationScopes }, signal);
}

/** The message for a sign-in that could not finish. */
function failure(profile: string, end: { kind: 'denied' } | { kind: 'expired' } | { kind: 'failed'; error: unknown }, userCode: string): AppError {
  switch (end.kind) {
    case 'denied':
      return new AppError('AccessDenied', `Sign-in for profile "${profile}" was denied in the browser (code ${userCode}). Nothing was saved; sign in again to retry.`);
    case 'expired':
      return new AppError('Timeout', `The sign-in code ${userCode} for profile "${profile}" expired before it was confirmed in the browser. Start the sign-in again.`);
    case 'failed':
      if (end.error instanceof AppError) return end.error;
      return new AppError('AwsError', `Sign-in for profile "${profile}" failed: ${(end.error as Error).message}`);
  }
}

/**
 * Start IAM Identity Center sign-in for an SSO profile: register a client (or reuse the cached
 * registration), StartDeviceAuthorization, then poll CreateToken in the background. On success the
 * token is written to the standard cache with the same fields the AWS CLI writes, so the AWS CLI
 * and SDKs share the sign-in. Errors before the user has anything to do (not an SSO profile, the
 * service unreachable) reject this call itself. `signal` (the run's) stops it at any point: requests
 * in flight are aborted and polling ends with a Cancelled error.
 */
export async function startSsoSignIn(deps: SignInDeps, profile: string, signal: AbortSignal = new AbortController().signal): Promise<PendingSignIn> {
  const clock = deps.clock ?? REAL_CLOCK;
  const config = await loadSsoConfig(deps.env, profile);
  const service = oidcService(deps, config);
  let client: ClientRegistration;
  let auth: DeviceAuthorization;
  try {
    client = await registration(deps, config, service, clock.now(), signal);
    auth = await startDeviceAuthorization(service, { clientId: client.clientId, clientSecret: client.clientSecret, startUrl: config.startUrl }, signal);
  } catch (err) {
    if (signal.aborted) throw cancelled();
    throw err instanceof ServiceError ? new AppError('AwsError', `Could not start the sign-in for profile "${profile}": ${err.message}`) : err;
  }
  if (!isSafeVerificationUrl(auth.verificationUriComplete) || !isSafeVerificationUrl(auth.verificationUri)) {
    throw new AppError('AwsError', `The sign-in service at ${service.baseUrl} returned a verification address that is not https; Onramp will not open or show it.`);
  }
  const started = clock.now();
  const attempt = async (): Promise<Attempt<OidcToken>> => {
    try {
      const token = await createToken(
        service,
        { grantType: DEVICE_CODE_GRANT, clientId: client.clientId, clientSecret: client.clientSecret, deviceCode: auth.deviceCode },
        signal,
      );
      return { ok: true, token };
    } catch (err) {
      if (signal.aborted) throw cancelled();
      return { ok: false, code: err instanceof ServiceError ? err.code : 'error', error: err };
    }
  };
  const done = (async (): Promise<SignInResult> => {
    let outcome;
    try {
      outcome = await pollForToken(attempt, initialPollState(started, auth.intervalSeconds, auth.expiresInSeconds), clock, signal);
    } catch (err) {
      if (signal.aborted) throw cancelled();
      throw err;
    }
    if (!('token' in outcome)) throw failure(profile, outcome, auth.userCode);
    const now = clock.now();
    const expiresAt = cacheTimestamp(now + outcome.token.expiresInSeconds * 1000);
    const cacheFile = await writeCachedToken(deps.env, cacheKeyOf(config), {
      startUrl: config.startUrl,
      region: config.ssoRegion,
      accessToken: outcome.token.accessToken,
      expiresAt,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      registrationExpiresAt: cacheTimestamp(client.expiresAt),
      ...(outcome.token.refreshToken ? { refreshToken: outcome.token.refreshToken } : {}),
    });
    return { profile, cacheFile, expiresAt };
  })();
  // Callers may attach their handler later (after showing the code); never an unhandled rejection meanwhile.
  done.catch(() => undefined);
  return {
    profile,
    userCode: auth.userCode,
    verificationUri: auth.verificationUri,
    verificationUriComplete: auth.verificationUriComplete,
    expiresAt: started + auth.expiresInSeconds * 1000,
    done,
  };
}
