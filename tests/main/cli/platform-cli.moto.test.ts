/**
 * `onramp platform register|list` as real child processes: AWS is moto (behind a request counter),
 * the Bodo Platform is the strict local fake. Invalid input exits 2 with no request anywhere;
 * platform and auth errors exit 3; the secret never appears in any output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, type Run } from '../../helpers/cli';
import { useMoto, useRequestCounter, useFakePlatform } from '../../helpers/fixtures';
import { setupFlags as setupNameFlags, uniqueSetupNames, type SetupNames } from '../../helpers/setup-names';
import { freePort, HAS_MOTO } from '../../helpers/moto';

const ACCOUNT = '123456789012';

const names = () => uniqueSetupNames('plat', (id) => ({ table: `onramp-plat-locks-${id}`, role: `BodoPlatformUser-${id}`, externalId: `ext-${id}-0123` }));
const setupFlags = (n: SetupNames, region = 'us-east-2') => setupNameFlags(n, { region, json: false });

describe.skipIf(!HAS_MOTO)('onramp platform (moto + fake platform)', () => {
  const moto = useMoto();
  const counter = useRequestCounter({ upstream: moto });
  const fake = useFakePlatform();
  let env: NodeJS.ProcessEnv;
  const runs: Run[] = [];
  const run = async (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => {
    const r = await cli(args, { ...env, ...extraEnv });
    runs.push(r);
    return r;
  };
  const n = names();

  beforeAll(async () => {
    env = { ...moto.env(), AWS_ENDPOINT_URL: counter.url, ...fake.env(), BODO_ORG_CLIENT_ID: fake.clientId, BODO_ORG_SECRET_KEY: fake.secret };
    const applied = await cli(['setup', 'apply', ...setupFlags(n), '--json'], env);
    expect(applied.code, applied.stderr).toBe(0);
  }, 120_000);


  describe('invalid input exits 2 and sends nothing to AWS or the platform', () => {
    const bad: [string, string[], NodeJS.ProcessEnv, RegExp][] = [
      ['no secret key', [], { BODO_ORG_SECRET_KEY: '' }, /BODO_ORG_SECRET_KEY/],
      ['no client ID', [], { BODO_ORG_CLIENT_ID: '' }, /BODO_ORG_CLIENT_ID/],
      ['a secret with a space inside', [], { BODO_ORG_SECRET_KEY: 'two words' }, /BODO_ORG_SECRET_KEY: Secret key may contain only printable characters without spaces/],
      ['a plain-http platform URL', [], { ONRAMP_PLATFORM_API_URL: 'http://api.example.com/api' }, /ONRAMP_PLATFORM_API_URL must use https/],
      ['a bad bucket name', ['--bucket', 'Bad_Bucket'], {}, /--bucket/],
      ['an unknown flag', ['--colour', 'red'], {}, /--colour/],
    ];
    it.each(bad)('register with %s', async (_label, override, extraEnv, message) => {
      const args = [...setupFlags(n)];
      for (let i = 0; i < override.length; i += 2) {
        const at = args.indexOf(override[i]!);
        if (at >= 0) args[at + 1] = override[i + 1]!;
        else args.push(override[i]!, override[i + 1]!);
      }
      const aws = counter.count;
      const platform = fake.requests.length;
      const r = await run(['platform', 'register', ...args, '--json'], extraEnv);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.json.error.code).toBe('InvalidInput');
      expect(counter.count).toBe(aws);
      expect(fake.requests.length).toBe(platform);
    });

    it('list without the token', async () => {
      const platform = fake.requests.length;
      const r = await run(['platform', 'list', '--json'], { BODO_ORG_CLIENT_ID: '' });
      expect(r.code).toBe(2);
      expect(fake.requests.length).toBe(platform);
    });
  });

  it('register → {"uuid","status","name"}, the exact current-contract body, the UUID saved with the configuration', async () => {
    const aws = counter.count;
    const r = await run(['platform', 'register', ...setupFlags(n), '--json']);
    // The configuration setup apply saved with these flags: nothing asked of AWS.
    expect(counter.count).toBe(aws);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toEqual({ uuid: fake.configs[0]!.uuid, status: 'ACTIVE', name: n.name });
    const post = fake.apiRequests().find((q) => q.method === 'POST')!;
    expect(JSON.parse(post.body)).toEqual({
      name: n.name,
      providerData: {
        provider: 'AWS',
        roleArn: `arn:aws:iam::${ACCOUNT}:role/${n.role}`,
        externalId: n.externalId,
        accountId: ACCOUNT,
        tfBucketName: n.bucket,
        tfBackendRegion: 'us-east-2',
      },
    });
    const file = JSON.parse(readFileSync(join(env.ONRAMP_DATA_DIR!, 'configurations.json'), 'utf8')) as { configurations: { name: string; platform?: { uuid: string } }[] };
    expect(file.configurations.find((c) => c.name === n.name)?.platform?.uuid).toBe(r.json.uuid);
    const human = await run(['platform', 'register', ...setupFlags(n)]);
    expect(human.stdout).toMatch(/Already registered/);
  });

  it('register again is idempotent: same UUID, nothing created', async () => {
    const posts = fake.apiRequests().filter((q) => q.method === 'POST').length;
    const r = await run(['platform', 'register', ...setupFlags(n), '--json']);
    expect(r.code).toBe(0);
    expect(r.json).toEqual({ uuid: fake.configs[0]!.uuid, status: 'ACTIVE', name: n.name });
    expect(fake.apiRequests().filter((q) => q.method === 'POST')).toHaveLength(posts);
    expect(fake.configs).toHaveLength(1);
  });

  it('a platform entry of that name with other values: exit 3, side by side, nothing changed on the platform', async () => {
    const other = { ...n, name: `${n.name}-hand` };
    const seeded = fake.seed({ name: other.name, providerData: { roleArn: `arn:aws:iam::${ACCOUNT}:role/${n.role}`, externalId: n.externalId, accountId: ACCOUNT, tfBucketName: 'typo-bucket', tfBackendRegion: 'us-east-2' } });
    const before = JSON.stringify(fake.configs);
    const writes = fake.apiRequests().filter((q) => q.method !== 'GET').length;
    const aws = counter.requests.length;
    const r = await run(['platform', 'register', ...setupFlags(other), '--json']);
    // No saved configuration of that name: the account and role ARN were read from AWS, nothing changed there.
    expect(counter.requests.slice(aws).map((q) => q.action ?? `${q.method} ${q.service}`)).toEqual(['GetCallerIdentity', 'GetRole']);
    expect(r.code).toBe(3);
    expect(r.json).toMatchObject({ error: { code: 'Conflict' }, uuid: seeded.uuid, status: 'ACTIVE', name: other.name });
    expect(r.json.fields.find((f: { field: string }) => f.field === 'bucketName')).toEqual({ field: 'bucketName', label: 'S3 bucket', local: n.bucket, platform: 'typo-bucket', state: 'differ' });
    expect(r.stderr).toMatch(/DIFF S3 bucket\s+AWS: onramp-plat-/);
    expect(r.stderr).toMatch(/platform: typo-bucket/);
    expect(JSON.stringify(fake.configs)).toBe(before);
    expect(fake.apiRequests().filter((q) => q.method !== 'GET')).toHaveLength(writes);
  });

  it('list → every saved configuration with its platform state, and platform-only entries', async () => {
    const r = await run(['platform', 'list', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.configurations).toEqual([expect.objectContaining({ name: n.name, registered: true, status: 'ACTIVE', matches: true })]);
    expect(r.json.platformOnly).toEqual([expect.objectContaining({ name: `${n.name}-hand`, bucketName: 'typo-bucket' })]);
    const human = await run(['platform', 'list']);
    expect(human.stdout).toContain(`${n.name}`);
    expect(human.stdout).toMatch(/matches AWS/);
    expect(human.stdout).toMatch(/only on the platform/);
  });

  it('a wrong secret: exit 3, "the platform refused this client ID and secret"', async () => {
    const r = await run(['platform', 'register', ...setupFlags(n), '--json'], { BODO_ORG_SECRET_KEY: 'wrong-secret-0000000000' });
    expect(r.code).toBe(3);
    expect(r.json.error.code).toBe('PlatformAuth');
    expect(r.stderr).toMatch(/the platform refused this client ID and secret/);
    expect(`${r.stdout}${r.stderr}`).not.toContain('wrong-secret-0000000000');
  });

  it('the platform unreachable: exit 3 with the offline hint', async () => {
    const port = await freePort();
    const r = await run(['platform', 'list', '--json'], { ONRAMP_PLATFORM_API_URL: `http://127.0.0.1:${port}/api`, ONRAMP_PLATFORM_AUTH_URL: `http://127.0.0.1:${port}` });
    expect(r.code).toBe(3);
    expect(r.json.error.code).toBe('Network');
    expect(r.stderr).toMatch(/Could not reach the Bodo Platform .* You may be offline/);
  });

  it('a 422 from the platform: exit 3 with its own message', async () => {
    const m = names();
    const applied = await cli(['setup', 'apply', ...setupFlags(m, 'us-west-2'), '--json'], env);
    expect(applied.code, applied.stderr).toBe(0);
    fake.failNext({ server: 'api', method: 'POST', status: 422, body: { statusCode: 422, message: ['providerData.tfBackendRegion is not enabled for this organization'], error: 'Unprocessable Entity' } });
    const r = await run(['platform', 'register', ...setupFlags(m, 'us-west-2'), '--json']);
    expect(r.code).toBe(3);
    expect(r.json.error).toEqual({ code: 'PlatformRejected', message: expect.stringContaining('providerData.tfBackendRegion is not enabled for this organization') });
  }, 120_000);

  it('a role that does not exist in AWS: exit 3 before any platform write', async () => {
    const m = names();
    const writes = fake.apiRequests().filter((q) => q.method !== 'GET').length;
    const r = await run(['platform', 'register', ...setupFlags(m), '--json']);
    expect(r.code).toBe(3);
    expect(r.json.error.code).toBe('NotFound');
    expect(r.stderr).toMatch(/setup apply/);
    expect(fake.apiRequests().filter((q) => q.method !== 'GET')).toHaveLength(writes);
  });

  it('the secret and the bearer token never appear in any output', () => {
    expect(runs.length).toBeGreaterThan(10);
    const tokens = fake.apiRequests().map((q) => String(q.headers.authorization).replace('Bearer ', ''));
    for (const r of runs) {
      for (const s of [fake.secret, ...tokens]) {
        expect(r.stdout).not.toContain(s);
        expect(r.stderr).not.toContain(s);
      }
    }
    expect(readFileSync(join(env.ONRAMP_DATA_DIR!, 'configurations.json'), 'utf8')).not.toContain(fake.secret);
  });
});
