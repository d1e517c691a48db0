/**
 * The `onramp doctor` CLI contract, run as a real child process: its JSON shape and exit codes
 * against moto (through a proxy that can answer the policy simulation moto lacks), and invalid input
 * against a bare request counter (exit 2, nothing sent).
 */
import { ANY_RESOURCE_NOTE } from '../../../main/core/readiness/permissions';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useMoto, useRequestCounter } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';
import { type CannedResponse, type SeenRequest } from '../../helpers/request-counter';
import { fillRegion, simulationAnswer } from './fixtures';
import { cli } from '../../helpers/cli';

const keys = (o: object) => Object.keys(o).sort();

describe('onramp doctor: invalid input exits 2 and sends no request', () => {
  const counter = useRequestCounter();
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    env = counter.env();
  });

  // Nothing may reach the counter in any case, so the cases can run side by side.
  it.concurrent.each([
    [['doctor', '--json'], '--profile'],
    [['doctor', '--profile', '', '--json'], '--profile'],
    [['doctor', '--profile', 'default', '--region', 'eu-west-1', '--json'], '--region'],
    [['doctor', '--profile', 'default', '--workspace-vcpus=-1', '--json'], '--workspace-vcpus'],
    [['doctor', '--profile', 'default', '--workspace-vcpus', '1.5', '--json'], '--workspace-vcpus'],
    [['doctor', '--profile', 'default', '--workspace-vcpus', 'eight', '--json'], '--workspace-vcpus'],
    [['doctor', '--profile', 'default', '--workspace-vcpus', '', '--json'], '--workspace-vcpus'],
    [['doctor', '--profile', 'default', '--workspace-vcpus', '100001', '--json'], '--workspace-vcpus'],
    [['doctor', '--profile', 'default', '--bogus', '--json'], undefined],
    [['doctor', '--profile', 'default', 'extra', '--json'], 'extra'],
    [['doctor', '--profile', 'default', '--region', 'us-east-1', '--bucket', 'acme-state', '--json'], '--table'],
    [['doctor', '--profile', 'default', '--bucket', 'acme-state', '--table', 'lock', '--role', 'R', '--json'], '--region'],
    [['doctor', '--profile', 'default', '--region', 'us-east-1', '--bucket', 'Acme_State', '--table', 'lock', '--role', 'R', '--json'], '--bucket'],
    [['doctor', '--profile', 'default', '--region', 'us-east-1', '--bucket', 'acme-state', '--table', 'l', '--role', 'R', '--json'], '--table'],
    [['doctor', '--profile', 'default', '--region', 'us-east-1', '--bucket', 'acme-state', '--table', 'lock', '--role', 'bad role', '--json'], '--role'],
  ])('%j', async (args, field) => {
    const run = await cli(args, env);
    expect(run.code).toBe(2);
    expect(run.json).toEqual({ error: { code: 'InvalidInput', message: expect.any(String), ...(field ? { field } : {}) } });
    expect(run.stderr).toMatch(/^onramp: /m);
    expect(counter.count).toBe(0);
  });
});

describe.skipIf(!HAS_MOTO)('onramp doctor against moto', () => {
  const moto = useMoto();
  const proxy = useRequestCounter({ upstream: moto, intercept: (req) => intercept(req) });
  let env: NodeJS.ProcessEnv;
  let intercept: (req: SeenRequest) => CannedResponse | undefined = () => undefined;

  beforeAll(() => {
    env = proxy.env();
  });
  beforeEach(async () => {
    await moto.reset();
    intercept = () => undefined;
  });

  it('prints the documented shape and exits 0 when the region is ok', async () => {
    const run = await cli(['doctor', '--profile', 'default', '--region', 'us-east-1', '--workspace-vcpus', '2', '--json'], env);
    expect(run.code).toBe(0);
    const out = run.json;
    expect(keys(out)).toEqual(['costPermissions', 'identity', 'permissions', 'regions', 'verdict', 'workspaceVcpus']);
    // The region has room, but the setup permissions could not be simulated (moto): the report cannot say "ready".
    expect(out.verdict).toBe('unknown');
    // The cost features' permissions (Cost Explorer, Budgets) are listed apart and never fail the doctor.
    expect(out.costPermissions).toMatchObject({ checked: false, missing: [] });
    expect(run.stdout).not.toContain('Cost permissions');
    expect((await cli(['doctor', '--profile', 'default', '--region', 'us-east-1', '--workspace-vcpus', '2'], env)).stdout).toContain('Cost permissions (Cost Explorer, AWS Budgets): not checked, for the same reason.');
    expect(out.identity).toEqual({ account: '123456789012', arn: expect.stringContaining('123456789012') });
    expect(keys(out.permissions)).toEqual(['checked', 'missing', 'note']);
    expect(out.permissions).toMatchObject({ checked: false, missing: [], note: expect.stringMatching(/simulation is not available/) });
    expect(out.regions).toHaveLength(1);
    const r = out.regions[0];
    expect(keys(r)).toEqual(['elasticIps', 'natGateways', 'notes', 'ok', 'problems', 'region', 'spotVcpus', 'unknownQuotas', 'vcpus', 'verdict', 'vpcs', 'warnings']);
    expect(r.spotVcpus).toEqual({
      used: 0,
      limit: 5,
      source: 'default',
      quotaReason: 'NoSuchResourceException',
      note: expect.stringMatching(/^Standard Spot vCPUs: informational, it matters only when clusters use Spot instances/),
    });
    expect(r).toMatchObject({
      region: 'us-east-1',
      // The quotas Service Quotas would not give leave room even at AWS's defaults (2 of 5 vCPUs).
      verdict: 'ready',
      ok: true,
      vpcs: { used: 1, limit: 5, source: 'account' },
      elasticIps: { used: 0, limit: 5, source: 'default' },
      natGateways: { used: 0 },
      vcpus: { used: 0, limit: 5, source: 'default' },
      problems: [],
    });
  });

  it('checks all four regions and exits 3 when one is full, flagging only that one', async () => {
    await fillRegion(moto.url, 'us-west-1', 4, 5);
    const [json, human] = await Promise.all([
      cli(['doctor', '--profile', 'default', '--workspace-vcpus', '2', '--json'], env),
      cli(['doctor', '--profile', 'default', '--workspace-vcpus', '2'], env),
    ]);
    expect(json.code).toBe(3);
    expect(json.json.regions.map((r: { region: string; ok: boolean; verdict: string }) => [r.region, r.verdict, r.ok])).toEqual([
      ['us-east-1', 'ready', true],
      ['us-east-2', 'ready', true],
      ['us-west-1', 'blocked', false],
      ['us-west-2', 'ready', true],
    ]);
    expect(json.json.verdict).toBe('blocked');
    const full = json.json.regions[2];
    expect(full.vpcs).toEqual({ used: 5, limit: 5, source: 'account' });
    expect(full.elasticIps).toEqual({ used: 5, limit: 5, source: 'default' });
    expect(full.problems).toHaveLength(1); // the VPCs; the Elastic IP quota is unknown, so a warning
    expect(full.warnings.length).toBeGreaterThan(0);

    expect(human.code).toBe(3);
    expect(human.stdout).toMatch(/^us-west-1 +BLOCKED +VPCs 5\/5 +Elastic IPs 5\/5\*/m);
    expect(human.stdout).toMatch(/^us-west-1 .* vCPUs 0\/5\* +Spot vCPUs 0\/5\*$/m);
    expect(human.stdout).toMatch(/^Spot vCPUs: the "All Standard \(A, C, D, H, I, M, R, T, Z\) Spot Instance Requests" quota \(L-34B43A08\), informational: it matters only when clusters use Spot instances and never changes the verdict\.$/m);
    expect(human.stdout).toMatch(/^us-east-1 +ready /m);
    expect(human.stdout).toContain('Permissions: not checked.');
    expect(human.stdout).toMatch(/^Blocked: see the problems/m);
  });

  it('unreadable quotas (moto gives none for ec2) on the default workspace size: every region unknown, never "room"; exit 0', async () => {
    const [json, human] = await Promise.all([
      cli(['doctor', '--profile', 'default', '--json'], env),
      cli(['doctor', '--profile', 'default'], env),
    ]);
    expect(json.code, json.stderr).toBe(0);
    expect(json.json.workspaceVcpus).toBe(8);
    // AWS's default of 5 vCPUs would not fit an 8-vCPU workspace, and the account's own quota is unknown.
    expect(json.json.verdict).toBe('unknown');
    for (const r of json.json.regions) {
      expect(r).toMatchObject({ verdict: 'unknown', ok: true, problems: [] });
      expect(r.warnings.join(' ')).toMatch(/Running On-Demand Standard .* quota unknown .*aws service-quotas get-service-quota --service-code ec2 --quota-code L-1216C47A/);
    }
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^us-west-2 +UNKNOWN /m);
    for (const r of json.json.regions) expect(r.unknownQuotas).toContainEqual({ quota: 'vcpus', reason: expect.any(String), roomAtDefault: expect.any(Boolean) });
    // Each region says in a few words where the default has no room; the explanation and the command are said once.
    expect(human.stdout.match(/^ {2}\? Standard On-Demand vCPUs: no room at AWS's default of 5; this account's own quota is unknown \(see below\)$/gm)).toHaveLength(4);
    const explained = human.stdout.match(/^\? Running On-Demand Standard .*: unknown in us-east-1, us-east-2, us-west-1, us-west-2\b.*this account's may be higher.*--quota-code L-1216C47A --region <region>$/gm);
    expect(explained, human.stdout).toHaveLength(1);
    // No sentence of the explanation repeats: one per unknown quota, not one per region.
    expect(human.stdout.match(/this account's may be higher/g)).toHaveLength(human.stdout.match(/^\? /gm)!.length);
    expect(human.stdout).toMatch(/^Unknown: Cannot tell whether a workspace fits in us-east-1, us-east-2, us-west-1, us-west-2: a limit could not be read, and AWS's default alone leaves no room\. Check the quotas marked \? above/m);
    expect(human.stdout).not.toMatch(/\broom for a workspace\b|^Ready/m);
  });

  it('exits 3 when a vCPU quota that was read is too small', async () => {
    intercept = (req) =>
      req.action === 'GetServiceQuota' && req.body.includes('L-1216C47A')
        ? { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ Quota: { ServiceCode: 'ec2', QuotaCode: 'L-1216C47A', Value: 4 } }) }
        : undefined;
    const run = await cli(['doctor', '--profile', 'default', '--region', 'us-west-2', '--json'], env);
    expect(run.code).toBe(3);
    expect(run.json.verdict).toBe('blocked');
    expect(run.json.regions[0]).toMatchObject({ verdict: 'blocked', ok: false, vcpus: { used: 0, limit: 4, source: 'account' } });
    expect(run.json.regions[0].problems).toEqual([expect.stringContaining('Not enough vCPUs in us-west-2: a workspace needs 8, but only 4 of the 4')]);
  });

  it('a Spot vCPU quota too small for the workspace is shown, and changes neither the verdict nor the exit code', async () => {
    intercept = (req) => {
      if (req.action === 'SimulatePrincipalPolicy') return simulationAnswer(req, []);
      if (req.action !== 'GetServiceQuota') return undefined;
      const code = ['L-1216C47A', 'L-34B43A08'].find((c) => req.body.includes(c));
      if (!code) return undefined;
      const Value = code === 'L-1216C47A' ? 64 : 0;
      return { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ Quota: { ServiceCode: 'ec2', QuotaCode: code, Value } }) };
    };
    const args = ['doctor', '--profile', 'default', '--region', 'us-east-2', '--workspace-vcpus', '0'];
    const [json, human] = await Promise.all([cli([...args, '--json'], env), cli(args, env)]);
    // A 0-vCPU workspace always fits On-Demand; with Spot at 0 of 0 it is still ready.
    expect(json.code, json.stderr).toBe(0);
    expect(json.json.verdict).toBe('ready');
    expect(json.json.regions[0]).toMatchObject({ verdict: 'ready', ok: true, problems: [], spotVcpus: { used: 0, limit: 0, source: 'account', quotaReason: null } });
    const eightArgs = ['doctor', '--profile', 'default', '--region', 'us-east-2', '--workspace-vcpus', '8'];
    const [eight, eightHuman] = await Promise.all([cli([...eightArgs, '--json'], env), cli(eightArgs, env)]);
    expect(eight.code).toBe(0);
    expect(eightHuman.code).toBe(0);
    expect(eightHuman.stdout).toMatch(/^us-east-2 +ready .* Spot vCPUs 0\/0\n {2}- Spot: a workspace of 8 vCPUs on Spot instances would not fit \(0 free\); this matters only if its clusters use Spot\.$/m);
    expect(eightHuman.stdout).not.toMatch(/^ {2}! /m);
    expect(eight.json.verdict).toBe('ready');
    expect(eight.json.regions[0].spotVcpus.note).toMatch(/A workspace of 8 vCPUs on Spot instances would not fit \(0 free\)/);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^us-east-2 +ready .* Spot vCPUs 0\/0$/m);
    expect(human.stdout).toMatch(/^Ready/m);
  });

  it('exits 3 when the simulation finds a missing setup permission, even if every region is ok', async () => {
    intercept = (req) => (req.action === 'SimulatePrincipalPolicy' ? simulationAnswer(req, ['s3:PutBucketPublicAccessBlock']) : undefined);
    const run = await cli(['doctor', '--profile', 'default', '--region', 'us-east-2', '--workspace-vcpus', '1', '--json'], env);
    expect(run.code).toBe(3);
    expect(run.json.regions[0]).toMatchObject({ ok: true, verdict: 'ready' });
    expect(run.json.verdict).toBe('blocked');
    expect(run.json.permissions).toEqual({
      checked: true,
      missing: [{ action: 's3:PutBucketPublicAccessBlock', blocks: 'blocking public access to the bucket' }],
      note: ANY_RESOURCE_NOTE,
    });
  });

  it('with --bucket, --table and --role, simulates each action on those exact resources', async () => {
    const simulated: SeenRequest[] = [];
    intercept = (req) => {
      if (req.action !== 'SimulatePrincipalPolicy') return undefined;
      simulated.push(req);
      return simulationAnswer(req, ['iam:CreateRole']);
    };
    const args = ['doctor', '--profile', 'default', '--region', 'us-west-2', '--workspace-vcpus', '1', '--bucket', 'acme-state', '--table', 'acme-lock', '--role', 'BodoPlatformUser', '--json'];
    const run = await cli(args, env);
    expect(run.code).toBe(3);
    expect(run.json.permissions).toEqual({ checked: true, missing: [{ action: 'iam:CreateRole', blocks: 'creating the role the platform assumes' }], note: null });
    const arns = [...new Set(simulated.map((r) => new URLSearchParams(r.body).get('ResourceArns.member.1')))].sort();
    expect(arns).toEqual([
      'arn:aws:dynamodb:us-west-2:123456789012:table/acme-lock',
      'arn:aws:iam::123456789012:role/BodoPlatformUser',
      'arn:aws:s3:::acme-state',
      null, // s3:ListAllMyBuckets acts on the account, not a bucket
    ]);
    // Each request names the region it simulates (the wire form of ContextEntries).
    for (const r of simulated) expect(new URLSearchParams(r.body).get('ContextEntries.member.1.ContextKeyName')).toBe('aws:RequestedRegion');
    const human = await cli(args.filter((a) => a !== '--json'), env);
    expect(human.stdout).toContain('Permissions (on bucket acme-state, table acme-lock, role BodoPlatformUser): 1 setup action(s) not allowed:');
    expect(human.stdout).toMatch(/! iam:CreateRole +blocks creating the role/);
  });

  it('exits 0 when the simulation allows everything and the region is ok', async () => {
    intercept = (req) => (req.action === 'SimulatePrincipalPolicy' ? simulationAnswer(req, []) : undefined);
    const run = await cli(['doctor', '--profile', 'default', '--region', 'us-east-2', '--workspace-vcpus', '0'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Permissions: every setup action is allowed.');
    // Every limit that decides it leaves room (the unreadable ones even at AWS's defaults), and every permission was checked.
    expect(run.stdout).toMatch(/^us-east-2 +ready /m);
    expect(run.stdout).toMatch(/Ready: some limits could not be read \(\?\), but AWS's defaults already leave room\.\n?$/);
    const json = await cli(['doctor', '--profile', 'default', '--region', 'us-east-2', '--workspace-vcpus', '0', '--json'], env);
    expect(json.json.verdict).toBe('ready');
  });

  it('exits 3 for a profile that is not in the files, before any request', async () => {
    const before = proxy.count;
    const run = await cli(['doctor', '--profile', 'nobody', '--json'], env);
    expect(run.code).toBe(3);
    expect(run.json.error.code).toBe('ProfileNotFound');
    expect(proxy.count).toBe(before);
  });
});
