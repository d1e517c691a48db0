/**
 * The Cloud Configuration API client against the fake platform: the exact create body of the
 * current contract, list paging, get, and each class of error with the platform's own message.
 */
import { describe, expect, it } from 'vitest';
import { createPlatformClient, type CloudConfigDraft } from '../../../main/core/platform';
import { type FakePlatformOptions } from '../../helpers/fake-bodo-platform';
import { useFakePlatformPerTest } from '../../helpers/fixtures';
import type { AppError } from '../../../shared/errors';

const startFakePlatform = useFakePlatformPerTest();

const DRAFT: CloudConfigDraft = {
  name: 'analytics',
  roleArn: 'arn:aws:iam::123456789012:role/BodoPlatformUser',
  externalId: 'ext-0123456789abcdef',
  accountId: '123456789012',
  bucketName: 'acme-bodo-state',
  region: 'us-east-2',
};

async function setup(opts: FakePlatformOptions = {}) {
  const f = await startFakePlatform(opts);
  return { fake: f, client: createPlatformClient({ urls: f, credentials: async () => ({ clientId: f.clientId, secret: f.secret }) }) };
}

async function caught(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a rejection');
}

describe('Cloud Configuration API client', () => {
  it('create POSTs exactly name + providerData (provider AWS, roleArn, externalId, accountId, tfBucketName, tfBackendRegion) and no table', async () => {
    const { fake, client } = await setup();
    const created = await client.configs.create(DRAFT);
    const post = fake.apiRequests().find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/api/v1/cloud-configs');
    expect(post.headers['content-type']).toMatch(/^application\/json/);
    expect(post.headers.authorization).toMatch(/^Bearer \S+\.\S+\.\S+$/);
    expect(JSON.parse(post.body)).toEqual({
      name: 'analytics',
      providerData: {
        provider: 'AWS',
        roleArn: DRAFT.roleArn,
        externalId: DRAFT.externalId,
        accountId: DRAFT.accountId,
        tfBucketName: DRAFT.bucketName,
        tfBackendRegion: DRAFT.region,
      },
    });
    expect(created).toEqual({
      uuid: fake.configs[0]!.uuid,
      name: 'analytics',
      status: 'ACTIVE',
      provider: 'AWS',
      roleArn: DRAFT.roleArn,
      externalId: DRAFT.externalId,
      accountId: DRAFT.accountId,
      bucketName: DRAFT.bucketName,
      tableName: null,
      region: DRAFT.region,
    });
  });

  it('create reloads (GET by UUID) when the answer carries only the UUID', async () => {
    const { fake, client } = await setup();
    const seeded = fake.seed({ name: 'analytics', providerData: { roleArn: DRAFT.roleArn, tfBucketName: DRAFT.bucketName, tfBackendRegion: DRAFT.region } });
    fake.failNext({ server: 'api', method: 'POST', status: 201, body: { uuid: seeded.uuid, name: 'analytics', status: 'INCOMPLETE' } });
    const created = await client.configs.create(DRAFT);
    expect(fake.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/v1/cloud-configs', `GET /api/v1/cloud-configs/${seeded.uuid}`]);
    expect(created).toMatchObject({ uuid: seeded.uuid, roleArn: DRAFT.roleArn, bucketName: DRAFT.bucketName });
  });

  it('list reads {data, metadata} and follows pages when the platform says there are more', async () => {
    const { fake, client } = await setup({ pageSize: 2 });
    for (let i = 0; i < 5; i++) fake.seed({ name: `c${i}`, providerData: { tfBackendRegion: 'us-east-1' } });
    const listed = await client.configs.list();
    expect(listed.items.map((c) => c.name)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(listed).toMatchObject({ complete: true, totalItems: 5 });
    expect(fake.apiRequests().map((r) => r.query.toString())).toEqual(['', 'page=1&size=2', 'page=2&size=2']);
  });

  it('list says it is incomplete when the platform ignores paging', async () => {
    const { fake, client } = await setup({ pageSize: 2, honoursPaging: false });
    for (let i = 0; i < 3; i++) fake.seed({ name: `c${i}`, providerData: {} });
    const listed = await client.configs.list();
    expect(listed).toMatchObject({ complete: false, totalItems: 3 });
    expect(listed.items).toHaveLength(2);
  });

  it('list accepts the older bare-array answer', async () => {
    const { fake, client } = await setup();
    fake.failNext({
      server: 'api',
      method: 'GET',
      status: 200,
      body: [{ cloudProvider: 'AWS', uuid: 'u-1', name: 'old', status: 'ACTIVE', id: 3, awsProviderData: { roleArn: 'arn:aws:iam::1:role/r', tfBucketName: 'b', tfDynamoDbTableName: 't', tfBackendRegion: 'us-west-1', externalId: 'e', accountId: '1' } }],
    });
    const listed = await client.configs.list();
    expect(listed.items).toEqual([{ uuid: 'u-1', name: 'old', status: 'ACTIVE', provider: 'AWS', roleArn: 'arn:aws:iam::1:role/r', externalId: 'e', accountId: '1', bucketName: 'b', tableName: 't', region: 'us-west-1' }]);
    expect(listed.complete).toBe(true);
  });

  it('get answers the configuration, or null on 404', async () => {
    const { fake, client } = await setup();
    const seeded = fake.seed({ name: 'x', providerData: { tfBucketName: 'b' } });
    expect(await client.configs.get(seeded.uuid)).toMatchObject({ uuid: seeded.uuid, bucketName: 'b' });
    expect(await client.configs.get('00000000-0000-0000-0000-000000000000')).toBeNull();
  });

  it.each([
    [409, { statusCode: 409, message: 'Cloud config with name analytics already exists', error: 'Conflict' }, /HTTP 409 Conflict\): Cloud config with name analytics already exists/],
    [422, { statusCode: 422, message: ['providerData.roleArn must be an IAM role ARN', 'name should not be empty'], error: 'Unprocessable Entity' }, /HTTP 422 Unprocessable Entity\): providerData\.roleArn must be an IAM role ARN; name should not be empty/],
    [404, { statusCode: 404, message: 'Cannot POST /api/v1/cloud-configs', error: 'Not Found' }, /HTTP 404 Not Found\): Cannot POST/],
    [400, 'plain text reason', /HTTP 400 Bad Request\): plain text reason/],
  ])('create answered %i → PlatformRejected with the platform’s own message', async (status, body, message) => {
    const { fake, client } = await setup();
    fake.failNext({ server: 'api', method: 'POST', status, body });
    const err = await caught(client.configs.create(DRAFT));
    expect(err.code).toBe('PlatformRejected');
    expect(err.message).toMatch(message);
    expect(err.message).toContain('create the Cloud Configuration "analytics"');
  });

  it('a real 422 and 409 from the fake carry its own words', async () => {
    const { client } = await setup();
    const bad = await caught(client.configs.create({ ...DRAFT, roleArn: 'not-an-arn' }));
    expect(bad.message).toContain('providerData.roleArn must be an IAM role ARN');
    await client.configs.create(DRAFT);
    const dup = await caught(client.configs.create(DRAFT));
    expect(dup).toMatchObject({ code: 'PlatformRejected' });
    expect(dup.message).toContain('Cloud config with name analytics already exists');
  });

  it.each([500, 502, 503])('%i → PlatformUnavailable', async (status) => {
    const { fake, client } = await setup();
    fake.failNext({ server: 'api', status, body: { statusCode: status, message: 'upstream down' } });
    const err = await caught(client.configs.list());
    expect(err.code).toBe('PlatformUnavailable');
    expect(err.message).toMatch(/Try again later/);
  });

  it('an answer of an unknown shape is reported, not guessed at', async () => {
    const { fake, client } = await setup();
    fake.failNext({ server: 'api', method: 'GET', status: 200, body: { items: [] } });
    const err = await caught(client.configs.list());
    expect(err.code).toBe('PlatformRejected');
    expect(err.message).toMatch(/API may have changed/);
  });

  it('a message echoing the secret or the token is scrubbed', async () => {
    const { fake, client } = await setup();
    fake.failNext({ server: 'api', method: 'POST', status: 422, body: { statusCode: 422, message: `bad secret ${fake.secret} for token` } });
    const err = await caught(client.configs.create(DRAFT));
    expect(err.message).not.toContain(fake.secret);
    expect(err.message).toContain('[redacted]');
  });
});
