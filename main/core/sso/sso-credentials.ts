import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { AppError } from '../../../shared/errors';
import { DEFAULT_SSO_REQUEST_MS, callJson, ServiceError, type Service } from './http';
import { createToken } from './oidc';
import { cacheKeyOf, oidcEndpoint, portalEndpoint, signInHint, type SsoProfileConfig } from './sso-config';
import { cacheTimestamp, readCachedToken, writeCachedToken, type CachedSsoToken } from './token-cache';

/** A cached access token this close to expiry is refreshed first (the JavaScript SDK's window). */
export const REFRESH_WINDOW_MS = 5 * 60_000;

/** What the SSO credential provider needs besides the profile's settings. */
export interface SsoCredentialDeps {
  env: NodeJS.ProcessEnv;
  now?: () => number;
  requestTimeoutMs?: number;
}

function expired(profile: string, why: string): AppError {
  return new AppError('SsoExpired', `The IAM Identity Center sign-in for profile "${profile}" ${why}. ${signInHint(profile)}`);
}

/**
 * The cached token, refreshed with its refresh token (SSO-OIDC CreateToken, grant `refresh_token`)
 * when it expires within REFRESH_WINDOW_MS and the cached client registration is still valid; the
 * refreshed token is written back to the cache for every other tool. Throws SsoExpired when there
 * is no usable token.
 */
export async function usableToken(deps: SsoCredentialDeps, config: SsoProfileConfig): Promise<CachedSsoToken> {
  const now = (deps.now ?? Date.now)();
  const key = cacheKeyOf(config);
  const token = await readCachedToken(deps.env, key);
  if (!token) throw expired(config.profile, 'is missing (no cached token)');
  const expiresAt = Date.parse(token.expiresAt);
  if (expiresAt - now > REFRESH_WINDOW_MS) return token;
  const registrationValid = token.registrationExpiresAt ? Date.parse(token.registrationExpiresAt) > now : false;
  if (config.sessionName !== null && token.refreshToken && token.clientId && token.clientSecret && registrationValid) {
    const service: Service = { label: 'the IAM Identity Center sign-in service', baseUrl: oidcEndpoint(deps.env, config), timeoutMs: deps.requestTimeoutMs ?? DEFAULT_SSO_REQUEST_MS };
    try {
      const fresh = await createToken(service, { grantType: 'refresh_token', clientId: token.clientId, clientSecret: token.clientSecret, refreshToken: token.refreshToken });
      const refreshed: CachedSsoToken = {
        ...token,
        startUrl: config.startUrl,
        region: config.ssoRegion,
        accessToken: fresh.accessToken,
        expiresAt: cacheTimestamp(now + fresh.expiresInSeconds * 1000),
        ...(fresh.refreshToken ? { refreshToken: fresh.refreshToken } : {}),
      };
      await writeCachedToken(deps.env, key, refreshed);
      return refreshed;
    } catch (err) {
      // A token that has not quite expired is still good for this call; otherwise sign in again.
      if (expiresAt > now) return token;
      if (err instanceof AppError && (err.code === 'Network' || err.code === 'Timeout')) throw err;
      throw expired(config.profile, 'has expired and could not be renewed');
    }
  }
  if (expiresAt > now) return token;
  throw expired(config.profile, 'has expired');
}

/** SSO portal GetRoleCredentials (`GET /federation/credentials`, bearer token in `x-amz-sso_bearer_token`). */
export async function getRoleCredentials(deps: SsoCredentialDeps, config: SsoProfileConfig, accessToken: string): Promise<AwsCredentialIdentity> {
  if (!config.accountId || !config.roleName) {
    throw new AppError(
      'CredentialsMissing',
      `Profile "${config.profile}" signs in with IAM Identity Center but names no ${config.accountId ? 'sso_role_name' : 'sso_account_id'} to use. Fix it with "aws configure sso --profile ${config.profile}".`,
      'profile',
    );
  }
  const service: Service = { label: 'the IAM Identity Center portal', baseUrl: portalEndpoint(deps.env, config), timeoutMs: deps.requestTimeoutMs ?? DEFAULT_SSO_REQUEST_MS };
  const query = new URLSearchParams({ role_name: config.roleName, account_id: config.accountId });
  let body: unknown;
  try {
    body = await callJson(service, { method: 'GET', path: `/federation/credentials?${query.toString()}`, headers: { 'x-amz-sso_bearer_token': accessToken } });
  } catch (err) {
    if (!(err instanceof ServiceError)) throw err;
    if (err.status === 401) throw expired(config.profile, 'was refused by the portal (the token is no longer valid)');
    if (err.status === 403 || err.status === 404) {
      throw new AppError('AccessDenied', `IAM Identity Center has no role "${config.roleName}" in account ${config.accountId} for you (profile "${config.profile}"). Check sso_account_id and sso_role_name.`);
    }
    if (err.status === 429) throw new AppError('Throttled', 'The IAM Identity Center portal is rate-limiting requests; wait a moment and try again.');
    throw new AppError('AwsError', err.message);
  }
  const creds = (body as { roleCredentials?: Record<string, unknown> }).roleCredentials;
  if (!creds || typeof creds.accessKeyId !== 'string' || typeof creds.secretAccessKey !== 'string') {
    throw new AppError('AwsError', 'The IAM Identity Center portal answered GetRoleCredentials without credentials.');
  }
  return {
    accessKeyId: creds.accessKeyId,
    secretAccessKey: creds.secretAccessKey,
    ...(typeof creds.sessionToken === 'string' ? { sessionToken: creds.sessionToken } : {}),
    ...(typeof creds.expiration === 'number' ? { expiration: new Date(creds.expiration) } : {}),
  };
}

/** A credential provider for an SSO profile: a usable (possibly refreshed) cached token, then the role's credentials. */
export function ssoCredentialsProvider(deps: SsoCredentialDeps, config: SsoProfileConfig): AwsCredentialIdentityProvider {
  return async () => getRoleCredentials(deps, config, (await usableToken(deps, config)).accessToken);
}
