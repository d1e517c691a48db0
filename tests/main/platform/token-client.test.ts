/**
 * The token client against the fake platform: client ID + secret → bearer token, cached in memory
 * until `exp`, renewed by logging in again on expiry or when the API refuses the token.
 */
import { describe, expect, it } from 'vitest';
import { createPlatformClient, jwtExpiry } from '../../../main/core/platform';
import { FAKE_SECRET, type FakePlatformOptions } from '../../helpers/fake-bodo-platform';
import { useFakePlatformPerTest } from '../../helpers/fixtures';
import { freePort } from '../../helpers/moto';
import { AppError } from '../../../shared/errors';

const startFakePlatform = useFakePlatformPerTest();

/** A clock both the fake and the client read, moved by the test. */
function clock(start = Date.UTC(2026, 0, 1)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

async function setup(opts: FakePlatformOptions = {}, creds = { clientId: 'onramp-test-client-0b7f4c2e', secret: FAKE_SECRET }) {
  const c = clock();
  const fake = await startFakePlatform({ now: c.now, ...opts });
  const client = createPlatformClient({ urls: { apiUrl: fake.apiUrl, authUrl: fake.authUrl }, credentials: async () => creds, now: c.now });
  return { fake, client, clock: c };
}

async function caught(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a rejection');
}

describe('token client', () => {
  it('POSTs exactly {clientId, secret} as JSON to the v2 endpoint and caches the token until exp', async () => {
    const { fake, client, clock } = await setup({ tokenTtlSeconds: 3600 });
    await client.configs.list();
    await client.configs.list();
    const tokens = fake.tokenRequests();
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.path).toBe('/identity/resources/auth/v2/api-token');
    expect(tokens[0]!.headers['content-type']).toBe('application/json');
    expect(tokens[0]!.headers.authorization).toBeUndefined();
    expect(JSON.parse(tokens[0]!.body)).toEqual({ clientId: fake.clientId, secret: fake.secret });
    const calls = fake.apiRequests();
    expect(calls).toHaveLength(2);
    expect(calls[0]!.headers.authorization).toBe(calls[1]!.headers.authorization);
    expect(calls[0]!.headers['sdk-version']).toBe('2.3.2');
    expect(calls[0]!.headers['content-type']).toBeUndefined();

    // Still valid a second before exp: no new login.
    clock.advance(3600_000 - 1_000);
    await client.configs.list();
    expect(fake.tokenRequests()).toHaveLength(1);
    // At exp: logs in again before calling, and the API accepts the new token.
    clock.advance(1_000);
    await client.configs.list();
    expect(fake.tokenRequests()).toHaveLength(2);
    const last = fake.apiRequests().at(-1)!;
    expect(last.headers.authorization).not.toBe(calls[0]!.headers.authorization);
  });

  it('a token the API refuses (401) is dropped: one new login, the call retried once and answered', async () => {
    const { fake, client } = await setup();
    await client.configs.list();
    fake.revokeTokens();
    const listed = await client.configs.list();
    expect(listed.items).toEqual([]);
    expect(fake.tokenRequests()).toHaveLength(2);
    expect(fake.apiRequests().map((r) => r.headers.authorization)).toHaveLength(3);
  });

  it('a wrong secret: "the platform refused this client ID and secret", no API call, the secret in no message', async () => {
    const { fake, client } = await setup({}, { clientId: 'onramp-test-client-0b7f4c2e', secret: 'wrongSecret-0000000000000000' });
    const err = await caught(client.configs.list());
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('PlatformAuth');
    expect(err.message).toMatch(/the platform refused this client ID and secret/);
    expect(err.message).not.toContain('wrongSecret');
    expect(fake.apiRequests()).toHaveLength(0);
  });

  it('an API that keeps refusing a fresh token (401 twice) ends as PlatformAuth after one re-login', async () => {
    const { fake, client } = await setup();
    fake.failNext({ server: 'api', status: 401, body: { statusCode: 401, message: 'Unauthorized' } });
    fake.failNext({ server: 'api', status: 401, body: { statusCode: 401, message: 'Unauthorized' } });
    const err = await caught(client.configs.list());
    expect(err.code).toBe('PlatformAuth');
    expect(err.message).toMatch(/refused this client ID and secret/);
    expect(fake.tokenRequests()).toHaveLength(2);
    expect(fake.apiRequests()).toHaveLength(2);
  });

  it('403 says an organization token is needed', async () => {
    const { fake, client } = await setup();
    fake.failNext({ server: 'api', status: 403, body: { statusCode: 403, message: 'Forbidden' } });
    fake.failNext({ server: 'api', status: 403, body: { statusCode: 403, message: 'Forbidden' } });
    const err = await caught(client.configs.list());
    expect(err.code).toBe('PlatformAuth');
    expect(err.message).toMatch(/organization API token/);
  });

  it('falls back to the v1 endpoint (accessToken) when v2 is 404, and remembers it', async () => {
    const { fake, client, clock } = await setup({ authVersions: ['v1'], tokenTtlSeconds: 60 });
    await client.configs.list();
    clock.advance(120_000);
    await client.configs.list();
    expect(fake.tokenRequests().map((r) => r.path)).toEqual([
      '/identity/resources/auth/v2/api-token',
      '/identity/resources/auth/v1/api-token',
      '/identity/resources/auth/v1/api-token',
    ]);
  });

  it('no token endpoint at all is reported as a wrong auth URL, not as a refused secret', async () => {
    const { client } = await setup({ authVersions: [] });
    const err = await caught(client.configs.list());
    expect(err.code).toBe('PlatformRejected');
    expect(err.message).toMatch(/auth URL/);
  });

  it('an auth service error (503) is PlatformUnavailable', async () => {
    const { fake, client } = await setup();
    fake.failNext({ server: 'auth', status: 503 });
    expect((await caught(client.configs.list())).code).toBe('PlatformUnavailable');
  });

  it('an unreachable auth host is Network with the offline hint', async () => {
    const port = await freePort();
    const client = createPlatformClient({
      urls: { apiUrl: `http://127.0.0.1:${port}/api`, authUrl: `http://127.0.0.1:${port}` },
      credentials: async () => ({ clientId: 'c', secret: FAKE_SECRET }),
    });
    const err = await caught(client.configs.list());
    expect(err.code).toBe('Network');
    expect(err.message).toMatch(/Could not reach the Bodo Platform at http:\/\/127\.0\.0\.1:\d+/);
    expect(err.message).toMatch(/offline/);
    expect(err.message).not.toContain(FAKE_SECRET);
  });

  it('a hanging token endpoint ends with Timeout', async () => {
    const c = clock();
    const fake = await startFakePlatform({ now: c.now });
    fake.failNext({ server: 'auth', hang: true });
    const client = createPlatformClient({ urls: fake, credentials: async () => ({ clientId: fake!.clientId, secret: fake!.secret }), timeoutMs: 300 });
    const err = await caught(client.configs.list());
    expect(err.code).toBe('Timeout');
    expect(err.message).toMatch(/did not answer within/);
  });

  it('check() logs in without caching; a token without exp or expires_in is used for one call only', async () => {
    let served = 0;
    const fetchFn = async (url: string, init: RequestInit) => {
      if (url.endsWith('/api-token')) {
        served++;
        return new Response(JSON.stringify({ access_token: `opaque-token-${served}` }), { status: 200 });
      }
      expect((init.headers as Record<string, string>).Authorization).toBe(`Bearer opaque-token-${served}`);
      return new Response(JSON.stringify({ data: [], metadata: { page: 0, size: 10, totalPages: 1, totalItems: 0 } }), { status: 200 });
    };
    const client = createPlatformClient({ urls: { apiUrl: 'https://api.example/api', authUrl: 'https://auth.example' }, credentials: async () => ({ clientId: 'c', secret: 's3cret' }), fetch: fetchFn });
    await client.tokens.check({ clientId: 'c', secret: 's3cret' });
    await client.configs.list();
    await client.configs.list();
    expect(served).toBe(3);
  });

  it('reads exp from a JWT without checking its signature', () => {
    const payload = Buffer.from(JSON.stringify({ exp: 1_900_000_000 })).toString('base64url');
    expect(jwtExpiry(`e30.${payload}.sig`)).toBe(1_900_000_000_000);
    expect(jwtExpiry('not-a-jwt')).toBeNull();
    expect(jwtExpiry('a.!!!.c')).toBeNull();
  });
});
