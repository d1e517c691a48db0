/**
 * A strict local fake of the Bodo Platform's documented API (docs/platform-api.md, bodosdk's later 2.x line):
 * an auth server (`POST /identity/resources/auth/v2/api-token`, `{clientId, secret}` → `{access_token}`,
 * a JWT with `exp`) and an API server (`/api/v1/cloud-configs`: create, list, get — plus update and
 * delete, which Onramp must never call). Each listens on its own loopback port, so a client that
 * mixes up the two base URLs fails. Strict where the documentation is specific — paths, methods,
 * the Authorization and SDK-Version headers, the JSON content type, the exact body field names,
 * no nulls (`exclude_none`) — and answering with the documented shapes: `{data, metadata}` lists
 * and NestJS-style `{statusCode, message, error}` error bodies. What the documentation leaves open
 * (whether a client-chosen External ID is kept, paging, the initial status) is an option, so tests
 * can try each answer the real server might give.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The fake's test token; tests scan every output for the secret and must never find it. */
export const FAKE_CLIENT_ID = 'onramp-test-client-0b7f4c2e';
export const FAKE_SECRET = 'bodoFakeSecret-7f3a9c1e5b2d4f6a8c0e1b3d5f7a9c1e';

/** Keys the current CloudConfigAPIModel accepts at the top level and in `providerData` (§4a). */
const TOP_KEYS = new Set(['uuid', 'status', 'organizationUUID', 'name', 'providerData']);
const AWS_KEYS = new Set(['provider', 'tfBucketName', 'roleArn', 'externalId', 'accountId', 'tfBackendRegion', 'secretAccessKey', 'accessKeyId']);
const LIST_QUERY = new Set(['provider', 'status', 'uuid', 'page', 'size']);

/** One stored Cloud Configuration, as the API answers it. */
export interface FakeCloudConfig {
  uuid: string;
  name: string;
  status: string;
  organizationUUID: string;
  providerData: Record<string, string>;
}

/** One request either server received. */
export interface FakeRequest {
  server: 'auth' | 'api';
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakePlatformOptions {
  clientId?: string;
  secret?: string;
  /** The clock tokens are issued and checked by, in ms (share it with the client to test expiry). */
  now?: () => number;
  /** Lifetime of an issued token (JWT `exp` − now), seconds. */
  tokenTtlSeconds?: number;
  /** Whether a client-chosen `externalId` is kept on create (unverified on the real server, §6). */
  acceptsExternalId?: boolean;
  /** Token endpoint versions served: `v2` (2.x, `access_token`) and/or `v1` (≤1.5.1, `accessToken`). */
  authVersions?: ('v1' | 'v2')[];
  /** Items per list page when the client sends no `size` (the SDK sends none). */
  pageSize?: number;
  /** Whether `page`/`size` query parameters are honoured (assumed from the workspace list, §4a). */
  honoursPaging?: boolean;
  /** Status of a newly created configuration. */
  initialStatus?: string;
}

/** A fault for the next matching request. */
export interface Fault {
  server?: 'auth' | 'api';
  method?: string;
  path?: RegExp;
  /** Answer with this status and body… */
  status?: number;
  body?: unknown;
  /** …or never answer (the client's timeout must end the wait). */
  hang?: boolean;
}

export interface FakePlatform {
  apiUrl: string;
  authUrl: string;
  clientId: string;
  secret: string;
  organizationUUID: string;
  /** Every request, both servers, in order. */
  readonly requests: FakeRequest[];
  /** The stored configurations (tests may inspect or edit them). */
  readonly configs: FakeCloudConfig[];
  /** Store a configuration as if made on the platform's own form. */
  seed(c: { name: string; providerData: Record<string, string>; status?: string; uuid?: string }): FakeCloudConfig;
  /** Forget every issued token: the next API call with one answers 401. */
  revokeTokens(): void;
  /** Apply a fault to the next matching request. */
  failNext(fault: Fault): void;
  /** Requests to the token endpoint so far. */
  tokenRequests(): FakeRequest[];
  /** Requests to the API so far. */
  apiRequests(): FakeRequest[];
  /** The environment pointing Onramp at this fake. */
  env(): { ONRAMP_PLATFORM_API_URL: string; ONRAMP_PLATFORM_AUTH_URL: string };
  stop(): Promise<void>;
}

const b64url = (v: string | Buffer) => Buffer.from(v).toString('base64url');

function nestError(res: ServerResponse, status: number, message: string | string[], error: string): void {
  json(res, status, { statusCode: status, message, error });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function isJson(headers: IncomingHttpHeaders): boolean {
  return /^application\/json(\s*;.*)?$/i.test(String(headers['content-type'] ?? ''));
}

/** Null values anywhere: the SDK serialises with exclude_none, so the fake refuses them. */
function nullPaths(v: unknown, path = ''): string[] {
  if (v === null) return [path || '(body)'];
  if (typeof v !== 'object' || v === undefined) return [];
  return Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => nullPaths(x, path ? `${path}.${k}` : k));
}

/** Start the fake (two loopback servers). */
export async function startFakePlatform(options: FakePlatformOptions = {}): Promise<FakePlatform> {
  const clientId = options.clientId ?? FAKE_CLIENT_ID;
  const secret = options.secret ?? FAKE_SECRET;
  const now = options.now ?? Date.now;
  const ttl = options.tokenTtlSeconds ?? 3600;
  const versions = new Set(options.authVersions ?? ['v2']);
  const pageSize = options.pageSize ?? 10;
  const honoursPaging = options.honoursPaging ?? true;
  const organizationUUID = randomUUID();
  const signingKey = randomUUID();
  const issued = new Map<string, number>(); // token → exp (ms)
  const requests: FakeRequest[] = [];
  const configs: FakeCloudConfig[] = [];
  const faults: Fault[] = [];
  const hanging = new Set<ServerResponse>();

  const issue = (): { token: string; exp: number } => {
    const exp = Math.floor(now() / 1000) + ttl;
    const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = b64url(JSON.stringify({ sub: clientId, tenantId: organizationUUID, iat: Math.floor(now() / 1000), exp, jti: randomUUID() }));
    const sig = createHmac('sha256', signingKey).update(`${head}.${payload}`).digest('base64url');
    const token = `${head}.${payload}.${sig}`;
    issued.set(token, exp * 1000);
    return { token, exp };
  };

  /** Take the first fault matching this request, if any; true when it was answered (or left hanging). */
  const fault = (req: FakeRequest, res: ServerResponse): boolean => {
    const i = faults.findIndex((f) => (!f.server || f.server === req.server) && (!f.method || f.method === req.method) && (!f.path || f.path.test(req.path)));
    if (i < 0) return false;
    const [f] = faults.splice(i, 1);
    if (f!.hang) {
      hanging.add(res);
      return true;
    }
    const body = f!.body ?? { statusCode: f!.status, message: 'Injected failure', error: 'Error' };
    if (typeof body === 'string') {
      res.writeHead(f!.status ?? 500, { 'content-type': 'text/plain' });
      res.end(body);
    } else json(res, f!.status ?? 500, body);
    return true;
  };

  function authHandler(req: FakeRequest, res: ServerResponse): void {
    if (fault(req, res)) return;
    const m = /^\/identity\/resources\/auth\/(v1|v2)\/api-token$/.exec(req.path);
    if (!m || !versions.has(m[1] as 'v1' | 'v2')) return nestError(res, 404, `Cannot ${req.method} ${req.path}`, 'Not Found');
    if (req.method !== 'POST') return nestError(res, 404, `Cannot ${req.method} ${req.path}`, 'Not Found');
    if (!isJson(req.headers)) return nestError(res, 400, 'Content-Type must be application/json', 'Bad Request');
    let body: unknown;
    try {
      body = JSON.parse(req.body);
    } catch {
      return nestError(res, 400, 'Body is not JSON', 'Bad Request');
    }
    const keys = body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body).sort() : [];
    if (keys.join(',') !== 'clientId,secret') return nestError(res, 400, 'Body must have exactly clientId and secret', 'Bad Request');
    const b = body as { clientId: unknown; secret: unknown };
    if (b.clientId !== clientId || b.secret !== secret) return json(res, 401, { errors: ['Invalid authentication'] });
    const { token } = issue();
    return m[1] === 'v2' ? json(res, 200, { access_token: token, token_type: 'Bearer', expires_in: ttl }) : json(res, 200, { accessToken: token, expiresIn: ttl });
  }

  function apiHandler(req: FakeRequest, res: ServerResponse): void {
    if (fault(req, res)) return;
    const m = /^\/api\/v1\/cloud-configs(?:\/([^/]+))?$/.exec(req.path);
    if (!m) return nestError(res, 404, `Cannot ${req.method} ${req.path}`, 'Not Found');
    const auth = String(req.headers.authorization ?? '');
    const bearer = /^Bearer (\S+)$/.exec(auth);
    const exp = bearer ? issued.get(bearer[1]!) : undefined;
    if (exp === undefined || exp <= now()) return nestError(res, 401, 'Unauthorized', 'Unauthorized');
    if (!req.headers['sdk-version']) return nestError(res, 400, 'Missing SDK-Version header', 'Bad Request');
    const id = m[1] ? decodeURIComponent(m[1]) : null;
    if (req.method === 'GET' && !id) return list(req, res);
    if (req.method === 'GET' && id) {
      const c = configs.find((x) => x.uuid === id);
      return c ? json(res, 200, c) : nestError(res, 404, `Cloud config ${id} not found`, 'Not Found');
    }
    if (req.method === 'POST' && !id) return create(req, res);
    if (req.method === 'PUT' && id) return update(req, res, id);
    if (req.method === 'DELETE' && id) {
      const i = configs.findIndex((x) => x.uuid === id);
      if (i < 0) return nestError(res, 404, `Cloud config ${id} not found`, 'Not Found');
      const [gone] = configs.splice(i, 1);
      return json(res, 200, gone);
    }
    return nestError(res, 404, `Cannot ${req.method} ${req.path}`, 'Not Found');
  }

  function list(req: FakeRequest, res: ServerResponse): void {
    const unknown = [...req.query.keys()].filter((k) => !LIST_QUERY.has(k));
    if (unknown.length) return nestError(res, 400, unknown.map((k) => `property ${k} should not exist`), 'Bad Request');
    let rows = configs;
    for (const key of ['provider', 'status', 'uuid'] as const) {
      const wanted = req.query.getAll(key);
      if (wanted.length) rows = rows.filter((c) => wanted.includes(key === 'provider' ? c.providerData.provider! : c[key]));
    }
    const size = honoursPaging && req.query.has('size') ? Number(req.query.get('size')) : pageSize;
    const page = honoursPaging && req.query.has('page') ? Number(req.query.get('page')) : 0;
    if (!Number.isInteger(size) || size < 1 || !Number.isInteger(page) || page < 0) return nestError(res, 400, 'page and size must be non-negative integers', 'Bad Request');
    const totalPages = Math.max(1, Math.ceil(rows.length / size));
    json(res, 200, { data: rows.slice(page * size, page * size + size), metadata: { page, size, order: 'ASC', totalPages, totalItems: rows.length } });
  }

  /** The body checks shared by create and update: exact field names, no nulls, AWS provider data. */
  function checkBody(req: FakeRequest, res: ServerResponse): Record<string, unknown> | null {
    if (!isJson(req.headers)) {
      nestError(res, 415, 'Content-Type must be application/json', 'Unsupported Media Type');
      return null;
    }
    let body: unknown;
    try {
      body = JSON.parse(req.body);
    } catch {
      nestError(res, 400, 'Body is not JSON', 'Bad Request');
      return null;
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      nestError(res, 400, 'Body must be an object', 'Bad Request');
      return null;
    }
    const b = body as Record<string, unknown>;
    const extra = [
      ...Object.keys(b).filter((k) => !TOP_KEYS.has(k)),
      ...(b.providerData && typeof b.providerData === 'object' ? Object.keys(b.providerData).filter((k) => !AWS_KEYS.has(k)).map((k) => `providerData.${k}`) : []),
    ];
    if (extra.length) {
      nestError(res, 400, extra.map((k) => `property ${k} should not exist`), 'Bad Request');
      return null;
    }
    const nulls = nullPaths(b);
    if (nulls.length) {
      nestError(res, 400, nulls.map((k) => `${k} must not be null`), 'Bad Request');
      return null;
    }
    return b;
  }

  function create(req: FakeRequest, res: ServerResponse): void {
    const b = checkBody(req, res);
    if (!b) return;
    const problems: string[] = [];
    if (typeof b.name !== 'string' || !b.name.trim()) problems.push('name should not be empty');
    const pd = (b.providerData ?? {}) as Record<string, unknown>;
    if (typeof b.providerData !== 'object') problems.push('providerData must be an object');
    if (pd.provider !== 'AWS') problems.push('providerData.provider must be one of the following values: AWS, AZURE');
    if (typeof pd.tfBackendRegion !== 'string' || !/^us-(east|west)-[12]$/.test(pd.tfBackendRegion)) problems.push('providerData.tfBackendRegion must be a supported region');
    if (pd.roleArn !== undefined && (typeof pd.roleArn !== 'string' || !/^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(pd.roleArn))) problems.push('providerData.roleArn must be an IAM role ARN');
    for (const [k, v] of Object.entries(pd)) if (typeof v !== 'string') problems.push(`providerData.${k} must be a string`);
    if (problems.length) return nestError(res, 422, problems, 'Unprocessable Entity');
    if (configs.some((c) => c.name === b.name)) return nestError(res, 409, `Cloud config with name ${String(b.name)} already exists`, 'Conflict');
    const providerData = { ...(pd as Record<string, string>) };
    delete providerData.secretAccessKey;
    delete providerData.accessKeyId;
    if (options.acceptsExternalId === false || !providerData.externalId) providerData.externalId = randomUUID();
    const c: FakeCloudConfig = { uuid: randomUUID(), name: b.name as string, status: options.initialStatus ?? 'ACTIVE', organizationUUID, providerData };
    configs.push(c);
    json(res, 201, c);
  }

  function update(req: FakeRequest, res: ServerResponse, id: string): void {
    const c = configs.find((x) => x.uuid === id);
    if (!c) return nestError(res, 404, `Cloud config ${id} not found`, 'Not Found');
    const b = checkBody(req, res);
    if (!b) return;
    if (typeof b.name === 'string') c.name = b.name;
    if (b.providerData && typeof b.providerData === 'object') Object.assign(c.providerData, b.providerData);
    json(res, 200, c);
  }

  const start = (kind: 'auth' | 'api', handler: (r: FakeRequest, res: ServerResponse) => void) =>
    new Promise<Server>((resolve) => {
      const server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (d: Buffer) => chunks.push(d));
        req.on('end', () => {
          const url = new URL(req.url ?? '/', 'http://fake');
          const seen: FakeRequest = { server: kind, method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
          requests.push(seen);
          handler(seen, res);
        });
      });
      server.listen(0, '127.0.0.1', () => resolve(server));
    });
  const auth = await start('auth', authHandler);
  const api = await start('api', apiHandler);
  const port = (s: Server) => (s.address() as AddressInfo).port;
  const apiUrl = `http://127.0.0.1:${port(api)}/api`;
  const authUrl = `http://127.0.0.1:${port(auth)}`;

  return {
    apiUrl,
    authUrl,
    clientId,
    secret,
    organizationUUID,
    requests,
    configs,
    seed(c) {
      const stored: FakeCloudConfig = { uuid: c.uuid ?? randomUUID(), name: c.name, status: c.status ?? 'ACTIVE', organizationUUID, providerData: { provider: 'AWS', ...c.providerData } };
      configs.push(stored);
      return stored;
    },
    revokeTokens: () => issued.clear(),
    failNext: (f) => void faults.push(f),
    tokenRequests: () => requests.filter((r) => r.server === 'auth'),
    apiRequests: () => requests.filter((r) => r.server === 'api'),
    env: () => ({ ONRAMP_PLATFORM_API_URL: apiUrl, ONRAMP_PLATFORM_AUTH_URL: authUrl }),
    async stop() {
      for (const res of hanging) res.destroy();
      await Promise.all(
        [auth, api].map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      );
    },
  };
}
