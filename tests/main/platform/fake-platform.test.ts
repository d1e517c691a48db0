/**
 * The fake platform (tests/helpers/fake-bodo-platform.ts) is only worth testing against if it is
 * strict: these check that it refuses what the documented API would not accept.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useFakePlatform } from '../../helpers/fixtures';

describe('the fake Bodo Platform is strict', () => {
  const fake = useFakePlatform();
  let token: string;
  const api = (path: string, init: RequestInit = {}) => fetch(`${fake.apiUrl}${path}`, init);
  const authed = (extra: Record<string, string> = {}) => ({ Authorization: `Bearer ${token}`, 'SDK-Version': '2.3.2', ...extra });
  const body = { name: 'x', providerData: { provider: 'AWS', tfBackendRegion: 'us-east-1', roleArn: 'arn:aws:iam::123456789012:role/r' } };

  beforeAll(async () => {
    const res = await fetch(`${fake.authUrl}/identity/resources/auth/v2/api-token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ clientId: fake.clientId, secret: fake.secret }),
    });
    expect(res.status).toBe(200);
    token = ((await res.json()) as { access_token: string }).access_token;
  });

  it('auth: wrong secret 401, extra body key 400, no JSON content type 400, v1 not served by default, API paths not on the auth host', async () => {
    const post = (b: unknown, headers: Record<string, string> = { 'Content-Type': 'application/json' }, path = '/identity/resources/auth/v2/api-token') =>
      fetch(`${fake.authUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(b) });
    expect((await post({ clientId: fake.clientId, secret: 'nope' })).status).toBe(401);
    expect((await post({ clientId: fake.clientId, secret: fake.secret, grant: 'x' })).status).toBe(400);
    expect((await post({ clientId: fake.clientId, secret: fake.secret }, { 'Content-Type': 'text/plain' })).status).toBe(400);
    expect((await post({ clientId: fake.clientId, secret: fake.secret }, undefined, '/identity/resources/auth/v1/api-token')).status).toBe(404);
    expect((await fetch(`${fake.authUrl}/api/v1/cloud-configs`)).status).toBe(404);
  });

  it('api: no token 401, no SDK-Version 400, unknown path 404 with a NestJS body', async () => {
    expect((await api('/v1/cloud-configs')).status).toBe(401);
    expect((await api('/v1/cloud-configs', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(400);
    const legacy = await api('/cloudConfig', { headers: authed() });
    expect(legacy.status).toBe(404);
    expect(await legacy.json()).toEqual({ statusCode: 404, message: 'Cannot GET /api/cloudConfig', error: 'Not Found' });
  });

  it('create: refuses unknown fields, nulls, a table field, a non-JSON content type, a bad role ARN; 409 on a duplicate name', async () => {
    const post = (b: unknown, type = 'application/json') => api('/v1/cloud-configs', { method: 'POST', headers: authed({ 'Content-Type': type }), body: JSON.stringify(b) });
    expect((await post({ ...body, cloudProvider: 'AWS' })).status).toBe(400);
    expect((await post({ ...body, providerData: { ...body.providerData, tfDynamoDbTableName: 't' } })).status).toBe(400);
    expect((await post({ ...body, providerData: { ...body.providerData, externalId: null } })).status).toBe(400);
    expect((await post(body, 'text/plain')).status).toBe(415);
    const bad = await post({ ...body, providerData: { ...body.providerData, roleArn: 'role/r' } });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ statusCode: 422, message: ['providerData.roleArn must be an IAM role ARN'] });
    expect((await post(body)).status).toBe(201);
    const dup = await post(body);
    expect(dup.status).toBe(409);
    expect(await dup.json()).toMatchObject({ statusCode: 409, error: 'Conflict' });
  });

  it('list: {data, metadata}; unknown query parameters refused', async () => {
    const res = await api('/v1/cloud-configs', { headers: authed() });
    expect(await res.json()).toMatchObject({ data: [expect.objectContaining({ name: 'x' })], metadata: { page: 0, totalItems: 1, totalPages: 1 } });
    expect((await api('/v1/cloud-configs?limit=5', { headers: authed() })).status).toBe(400);
  });
});
