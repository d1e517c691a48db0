/**
 * The three SSO-OIDC operations of the OAuth device flow, as botocore's `sso-oidc` service model
 * (2019-06-10, REST-JSON, no signature) defines them: RegisterClient `POST /client/register`,
 * StartDeviceAuthorization `POST /device_authorization`, CreateToken `POST /token`.
 */
import { AppError } from '../../../shared/errors';
import { callJson, type Service } from './http';

/** The OAuth grant type of the device flow (RFC 8628). */
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** A registered public client. Holds a secret. */
export interface ClientRegistration {
  clientId: string;
  clientSecret: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** What StartDeviceAuthorization returns. `deviceCode` is a secret; the user code is meant to be shown. */
export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete: string;
  expiresInSeconds: number;
  intervalSeconds: number;
}

/** What CreateToken returns. Holds secrets. */
export interface OidcToken {
  accessToken: string;
  expiresInSeconds: number;
  refreshToken?: string;
}

function str(body: unknown, key: string, what: string): string {
  const v = (body as Record<string, unknown>)[key];
  if (typeof v !== 'string' || v === '') throw new AppError('AwsError', `The sign-in service's ${what} answer has no ${key}.`);
  return v;
}

function num(body: unknown, key: string, fallback?: number): number {
  const v = (body as Record<string, unknown>)[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (fallback !== undefined) return fallback;
  throw new AppError('AwsError', `The sign-in service's answer has no ${key}.`);
}

/** RegisterClient: a public client for this app, with scopes for sso-session profiles (so refresh tokens are issued). */
export async function registerClient(service: Service, request: { clientName: string; scopes: string[] }, signal?: AbortSignal): Promise<ClientRegistration> {
  const body = await callJson(
    service,
    { method: 'POST', path: '/client/register', body: { clientName: request.clientName, clientType: 'public', ...(request.scopes.length ? { scopes: request.scopes } : {}) } },
    signal,
  );
  return { clientId: str(body, 'clientId', 'RegisterClient'), clientSecret: str(body, 'clientSecret', 'RegisterClient'), expiresAt: num(body, 'clientSecretExpiresAt') * 1000 };
}

/** StartDeviceAuthorization: the user code and the page to confirm it on. The interval defaults to 5 s (RFC 8628). */
export async function startDeviceAuthorization(
  service: Service,
  request: { clientId: string; clientSecret: string; startUrl: string },
  signal?: AbortSignal,
): Promise<DeviceAuthorization> {
  const body = await callJson(service, { method: 'POST', path: '/device_authorization', body: request }, signal);
  const verificationUri = str(body, 'verificationUri', 'StartDeviceAuthorization');
  return {
    deviceCode: str(body, 'deviceCode', 'StartDeviceAuthorization'),
    userCode: str(body, 'userCode', 'StartDeviceAuthorization'),
    verificationUri,
    verificationUriComplete: typeof (body as { verificationUriComplete?: unknown }).verificationUriComplete === 'string' ? (body as { verificationUriComplete: string }).verificationUriComplete : verificationUri,
    expiresInSeconds: num(body, 'expiresIn', 600),
    intervalSeconds: num(body, 'interval', 5),
  };
}

/** CreateToken with the device code (while polling) or a refresh token (to renew an expired access token). */
export async function createToken(
  service: Service,
  request:
    | { grantType: typeof DEVICE_CODE_GRANT; clientId: string; clientSecret: string; deviceCode: string }
    | { grantType: 'refresh_token'; clientId: string; clientSecret: string; refreshToken: string },
  signal?: AbortSignal,
): Promise<OidcToken> {
  const body = await callJson(service, { method: 'POST', path: '/token', body: request }, signal);
  const refreshToken = (body as { refreshToken?: unknown }).refreshToken;
  return {
    accessToken: str(body, 'accessToken', 'CreateToken'),
    expiresInSeconds: num(body, 'expiresIn'),
    ...(typeof refreshToken === 'string' && refreshToken ? { refreshToken } : {}),
  };
}
