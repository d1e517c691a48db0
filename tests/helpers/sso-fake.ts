/**
 * A small local fake of the documented IAM Identity Center APIs, which moto does not have:
 * SSO-OIDC (RegisterClient `POST /client/register`, StartDeviceAuthorization `POST /device_authorization`,
 * CreateToken `POST /token`, REST-JSON with errors as `x-amzn-errortype` + `{"error": "...",
 * "error_description": "..."}` as in botocore's sso-oidc model) and the SSO portal
 * (GetRoleCredentials `GET /federation/credentials?role_name=&account_id=` with the token in
 * `x-amz-sso_bearer_token`). Point AWS_ENDPOINT_URL_SSO_OIDC and AWS_ENDPOINT_URL_SSO at `url`.
 * `GET /device?user_code=…` stands in for the user confirming the code in the browser.
 * Loopback only; state lives in memory.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** How the fake behaves; change with `configure`. */
export interface SsoFakeOptions {
  /** Seconds between polls it asks for (StartDeviceAuthorization `interval`). */
  intervalSeconds: number;
  /** Lifetime of a device code (`expiresIn`). */
  deviceCodeSeconds: number;
  /** Lifetime of an access token. */
  accessTokenSeconds: number;
  /** Answer `slow_down` to this many polls of each device code before anything else. */
  slowDownPolls: number;
  /** Approve a device code by itself after this many pending polls (0: only approve()/the /device page do). */
  autoApproveAfterPolls: number;
  /** Override the verification page it returns (to test what Onramp refuses to open). */
  verificationUri: string | null;
  /** The role credentials GetRoleCredentials returns (moto accepts any key). */
  roleCredentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
}

/** One request the fake answered. */
export interface SsoFakeCall {
  op: 'RegisterClient' | 'StartDeviceAuthorization' | 'CreateToken' | 'GetRoleCredentials' | 'Device' | 'Unknown';
  at: number;
  body: Record<string, unknown>;
  /** The bearer token of GetRoleCredentials; role and account asked for. */
  bearer?: string;
  query?: Record<string, string>;
}

interface DeviceCode {
  clientId: string;
  userCode: string;
  expiresAt: number;
  polls: number;
  state: 'pending' | 'approved' | 'denied' | 'expired' | 'used';
}

/** A running fake. */
export interface SsoFake {
  url: string;
  calls: SsoFakeCall[];
  /** Access tokens it issued, newest last. */
  accessTokens: string[];
  configure(options: Partial<SsoFakeOptions>): void;
  /** The user confirms (or denies) a code in the browser. */
  approve(userCode: string): void;
  deny(userCode: string): void;
  /** The device code's lifetime ends now. */
  expire(userCode: string): void;
  /** Make every access token issued so far invalid at the portal (as after a sign-out). */
  revokeAll(): void;
  /** The user code of the newest device authorization. */
  lastUserCode(): string | null;
  close(): Promise<void>;
}

const DEFAULTS: SsoFakeOptions = {
  intervalSeconds: 1,
  deviceCodeSeconds: 600,
  accessTokenSeconds: 3600,
  slowDownPolls: 0,
  autoApproveAfterPolls: 0,
  verificationUri: null,
  roleCredentials: { accessKeyId: 'ASIAFAKESSOROLE00001', secretAccessKey: 'fakeSsoRoleSecretKey000000000000000000001', sessionToken: 'fake-sso-role-session-token' },
};

function send(res: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (errorType) headers['x-amzn-errortype'] = `${errorType}:http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/`;
  res.writeHead(status, headers).end(JSON.stringify(body));
}

function oauthError(res: ServerResponse, type: string, error: string, description: string): void {
  send(res, type === 'UnauthorizedException' ? 401 : 400, { error, error_description: description }, type);
}

/** Start the fake on a free loopback port. */
export async function startSsoFake(options: Partial<SsoFakeOptions> = {}): Promise<SsoFake> {
  let opts: SsoFakeOptions = { ...DEFAULTS, ...options };
  let counter = 0;
  const clients = new Map<string, { secret: string; scopes: string[] }>();
  const devices = new Map<string, DeviceCode>();
  const tokens = new Map<string, { expiresAt: number }>();
  const refreshTokens = new Map<string, string>(); // refresh token -> client id
  const calls: SsoFakeCall[] = [];
  const accessTokens: string[] = [];
  let url = '';

  const byUserCode = (userCode: string) => [...devices.values()].find((d) => d.userCode === userCode);

  const issueToken = (clientId: string): Record<string, unknown> => {
    const accessToken = `fake-access-token-${++counter}`;
    tokens.set(accessToken, { expiresAt: Date.now() + opts.accessTokenSeconds * 1000 });
    accessTokens.push(accessToken);
    const body: Record<string, unknown> = { accessToken, tokenType: 'Bearer', expiresIn: opts.accessTokenSeconds };
    // Refresh tokens only for clients registered with scopes (sso-session profiles), as AWS does.
    if ((clients.get(clientId)?.scopes.length ?? 0) > 0) {
      const refreshToken = `fake-refresh-token-${++counter}`;
      refreshTokens.set(refreshToken, clientId);
      body.refreshToken = refreshToken;
    }
    return body;
  };

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const u = new URL(req.url ?? '/', 'http://fake');
    let body: Record<string, unknown> = {};
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return send(res, 400, { message: 'not JSON' }, 'InvalidRequestException');
    }
    const call = (op: SsoFakeCall['op'], extra: Partial<SsoFakeCall> = {}) => calls.push({ op, at: Date.now(), body, ...extra });
    const authClient = () => {
      const c = clients.get(String(body.clientId));
      return c && c.secret === body.clientSecret ? c : null;
    };

    if (req.method === 'POST' && u.pathname === '/client/register') {
      call('RegisterClient');
      if (body.clientType !== 'public' || typeof body.clientName !== 'string') return oauthError(res, 'InvalidRequestException', 'invalid_request', 'clientName and clientType public are required');
      const clientId = `fake-client-${++counter}`;
      const clientSecret = `fake-client-secret-${counter}`;
      clients.set(clientId, { secret: clientSecret, scopes: Array.isArray(body.scopes) ? (body.scopes as string[]) : [] });
      const now = Math.floor(Date.now() / 1000);
      return send(res, 200, { clientId, clientSecret, clientIdIssuedAt: now, clientSecretExpiresAt: now + 90 * 86400 });
    }
    if (req.method === 'POST' && u.pathname === '/device_authorization') {
      call('StartDeviceAuthorization');
      const client = authClient();
      if (!client) return oauthError(res, 'InvalidClientException', 'invalid_client', 'unknown client');
      if (typeof body.startUrl !== 'string') return oauthError(res, 'InvalidRequestException', 'invalid_request', 'startUrl is required');
      const deviceCode = `fake-device-code-${++counter}`;
      const userCode = `FAKE-${String(counter).padStart(4, '0')}`;
      devices.set(deviceCode, { clientId: String(body.clientId), userCode, expiresAt: Date.now() + opts.deviceCodeSeconds * 1000, polls: 0, state: 'pending' });
      const page = opts.verificationUri ?? `${url}/device`;
      return send(res, 200, {
        deviceCode,
        userCode,
        verificationUri: page,
        verificationUriComplete: `${page}?user_code=${userCode}`,
        expiresIn: opts.deviceCodeSeconds,
        interval: opts.intervalSeconds,
      });
    }
    if (req.method === 'POST' && u.pathname === '/token') {
      call('CreateToken');
      const client = authClient();
      if (!client) return oauthError(res, 'InvalidClientException', 'invalid_client', 'unknown client');
      if (body.grantType === 'refresh_token') {
        const owner = refreshTokens.get(String(body.refreshToken));
        if (owner === undefined || owner !== body.clientId) return oauthError(res, 'InvalidGrantException', 'invalid_grant', 'unknown refresh token');
        refreshTokens.delete(String(body.refreshToken));
        return send(res, 200, issueToken(owner));
      }
      if (body.grantType !== 'urn:ietf:params:oauth:grant-type:device_code') return oauthError(res, 'UnsupportedGrantTypeException', 'unsupported_grant_type', 'grant type');
      const device = devices.get(String(body.deviceCode));
      if (!device || device.clientId !== body.clientId || device.state === 'used') return oauthError(res, 'InvalidGrantException', 'invalid_grant', 'unknown device code');
      device.polls++;
      if (device.state === 'expired' || Date.now() > device.expiresAt) {
        device.state = 'expired';
        return oauthError(res, 'ExpiredTokenException', 'expired_token', 'the device code has expired');
      }
      if (device.state === 'denied') return oauthError(res, 'AccessDeniedException', 'access_denied', 'the user denied the request');
      if (device.polls <= opts.slowDownPolls) return oauthError(res, 'SlowDownException', 'slow_down', 'polling too fast');
      if (device.state === 'pending' && opts.autoApproveAfterPolls > 0 && device.polls - opts.slowDownPolls > opts.autoApproveAfterPolls) device.state = 'approved';
      if (device.state === 'pending') return oauthError(res, 'AuthorizationPendingException', 'authorization_pending', 'waiting for the user');
      device.state = 'used';
      return send(res, 200, issueToken(device.clientId));
    }
    if (req.method === 'GET' && u.pathname === '/device') {
      call('Device', { query: Object.fromEntries(u.searchParams) });
      const device = byUserCode(u.searchParams.get('user_code') ?? '');
      if (device && device.state === 'pending') device.state = 'approved';
      res.writeHead(device ? 200 : 404, { 'content-type': 'text/html' }).end(device ? '<p>Request approved</p>' : '<p>Unknown code</p>');
      return;
    }
    if (req.method === 'GET' && u.pathname === '/federation/credentials') {
      const bearer = String(req.headers['x-amz-sso_bearer_token'] ?? '');
      call('GetRoleCredentials', { bearer, query: Object.fromEntries(u.searchParams) });
      const token = tokens.get(bearer);
      if (!token || token.expiresAt < Date.now()) return send(res, 401, { message: 'Session token not found or invalid' }, 'UnauthorizedException');
      if (!u.searchParams.get('role_name') || !u.searchParams.get('account_id')) return send(res, 400, { message: 'role_name and account_id are required' }, 'InvalidRequestException');
      return send(res, 200, { roleCredentials: { ...opts.roleCredentials, expiration: Date.now() + 3600_000 } });
    }
    call('Unknown');
    send(res, 404, { message: `no such operation: ${req.method} ${u.pathname}` }, 'ResourceNotFoundException');
  };

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => handle(req, res, raw));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;

  const setState = (userCode: string, state: DeviceCode['state']) => {
    const d = byUserCode(userCode);
    if (!d) throw new Error(`The SSO fake issued no user code ${userCode}.`);
    if (state === 'expired') d.expiresAt = 0;
    d.state = state;
  };

  return {
    url,
    calls,
    accessTokens,
    configure: (o) => {
      opts = { ...opts, ...o };
    },
    approve: (c) => setState(c, 'approved'),
    deny: (c) => setState(c, 'denied'),
    expire: (c) => setState(c, 'expired'),
    revokeAll: () => tokens.clear(),
    lastUserCode: () => [...devices.values()].at(-1)?.userCode ?? null,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections?.();
        server.close(() => r());
      }),
  };
}
