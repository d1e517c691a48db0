/**
 * Integration: the readiness check against a real moto server (through a request-counting proxy
 * where a fault must be injected). moto creates one default VPC per region, answers the VPC quota
 * from Service Quotas, has no EC2 quotas (so Elastic IP and vCPU quotas fall back to AWS's defaults)
 * and no iam:SimulatePrincipalPolicy (so the preflight reports checked: false).
 */
import { ANY_RESOURCE_NOTE } from '../../../main/core/readiness/permissions';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AllocateAddressCommand,
  CreateNatGatewayCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  RunInstancesCommand,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import { useMoto, useRequestCounter } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';
import { iamError, type CannedResponse, type SeenRequest } from '../../helpers/request-counter';
import { contextForProfile, openSession } from '../../../main/core/profiles/session';
import { checkReadiness } from '../../../main/core/readiness';
import { createHandlers, createSessionHolder } from '../../../main/handlers';
import { dispatch } from '../../../main/handlers/dispatch';
import { ConfigurationStore } from '../../../main/core/store/configurations';
import { ReadinessReportSchema, type ReadinessReport } from '../../../shared/contract/readiness';
import { SETUP_ACTIONS } from '../../../shared/readiness/setup-actions';
import { ec2Error, fillRegion, observerEc2, regionOf, simulatedActions, simulationAnswer } from './fixtures';
import { reportPasses } from '../../../shared/readiness/verdict';

const ACCOUNT = '123456789012';

const region = (report: ReadinessReport, name: string) => report.regions.find((r) => r.region === name)!;

describe.skipIf(!HAS_MOTO)('readiness against moto', () => {
  const moto = useMoto();
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    env = moto.env();
  });
  beforeEach(async () => {
    await moto.reset();
  });

  it('reports the counts, flags the full region and not the others, and falls back to defaults', async () => {
    await fillRegion(moto.url, 'us-west-1', 4, 5); // 5 VPCs with the default one, 5 Elastic IPs
    const aws = await contextForProfile({ profile: 'default', env });
    const report = await checkReadiness(aws, { workspaceVcpus: 4 });
    expect(ReadinessReportSchema.parse(report)).toEqual(report);

    expect(report.identity).toEqual({ account: ACCOUNT, arn: expect.stringContaining(ACCOUNT) });
    expect(report.workspaceVcpus).toBe(4);
    expect(report.regions.map((r) => r.region)).toEqual(['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2']);

    const full = region(report, 'us-west-1');
    expect(full.ok).toBe(false);
    expect(full.vpcs).toEqual({ used: 5, limit: 5, source: 'account' }); // moto answers the VPC quota
    expect(full.elasticIps).toEqual({ used: 5, limit: 5, source: 'default' }); // moto has no EC2 quotas
    expect(full.vcpus).toEqual({ used: 0, limit: 5, source: 'default' });
    expect(full.natGateways).toEqual({ used: 0 });
    // The VPC quota was read: a real problem. The Elastic IP quota was not: a warning, not a problem.
    expect(full.problems).toHaveLength(1);
    expect(full.problems[0]).toMatch(/^No VPC left in us-west-1: 5 in use of 5, .*quotas\/L-F678F1CE.*choose another region\.$/);
    expect(full.warnings[0]).toMatch(/^EC2-VPC Elastic IPs in us-west-1: quota unknown \(Service Quotas did not answer: NoSuchResourceException\)\. AWS's default is 5;.*no room.*--quota-code L-0263D0A3 --region us-west-1$/);
    expect(full.warnings[1]).toMatch(/^Running On-Demand Standard .* in us-west-1: quota unknown/);

    for (const name of ['us-east-1', 'us-east-2', 'us-west-2']) {
      const r = region(report, name);
      expect(r).toMatchObject({ ok: true, problems: [], vpcs: { used: 1, limit: 5, source: 'account' }, elasticIps: { used: 0, source: 'default' } });
    }

    expect(report.permissions.checked).toBe(false);
    expect(report.permissions.missing).toEqual([]);
    expect(report.permissions.note).toMatch(/policy simulation is not available at this endpoint \(HTTP 500\)\. The setup permissions were not checked in advance/);
  });

  it('checks one region only when asked; AWS\'s default vCPU quota (Service Quotas cannot answer) is a warning, not a failure', async () => {
    const aws = await contextForProfile({ profile: 'default', env });
    const report = await checkReadiness(aws, { region: 'us-east-2' });
    expect(report.regions.map((r) => r.region)).toEqual(['us-east-2']);
    expect(report.workspaceVcpus).toBe(8);
    const r = report.regions[0]!;
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Running On-Demand Standard .* in us-east-2: quota unknown .*AWS's default is 5;.*At the default there is no room \(0 in use, 8 needed\)/)]),
    );
  });

  it('counts running and pending Standard On-Demand vCPUs only (not spot, stopped or other families)', async () => {
    const ec2 = observerEc2(moto.url, 'us-east-2');
    const run = (InstanceType: string, count = 1, spot = false) =>
      ec2.send(
        new RunInstancesCommand({ ImageId: 'ami-12c6146b', InstanceType: InstanceType as never, MinCount: count, MaxCount: count, ...(spot ? { InstanceMarketOptions: { MarketType: 'spot' } } : {}) }),
      );
    await run('m5.xlarge', 2); // 2 × 4 vCPUs
    await run('t3.micro'); // 2 vCPUs
    await run('c5.large', 1, true); // spot: its own quota
    await run('p3.2xlarge'); // P family: its own quota
    const stopped = await run('r5.large');
    await ec2.send(new StopInstancesCommand({ InstanceIds: [stopped.Instances![0]!.InstanceId!] }));

    const aws = await contextForProfile({ profile: 'default', env });
    const report = await checkReadiness(aws, { region: 'us-east-2', workspaceVcpus: 0 });
    expect(report.regions[0]!.vcpus).toEqual({ used: 10, limit: 5, source: 'default' });
    // The Spot instance counts against the Standard Spot quota (moto has no ec2 quotas: AWS's default of 5).
    expect(report.regions[0]!.spotVcpus).toEqual({
      used: 2,
      limit: 5,
      source: 'default',
      quotaReason: 'NoSuchResourceException',
      note: expect.stringMatching(/^Standard Spot vCPUs: informational, it matters only when clusters use Spot instances and never changes the verdict\. 2 in use of 5 \(AWS's default/),
    });
    expect(report.regions[0]!.ok).toBe(true); // a 0-vCPU workspace always fits
    const again = await checkReadiness(aws, { region: 'us-east-2', workspaceVcpus: 1 });
    expect(again.regions[0]!.problems).toEqual([]); // the account's quota is unknown (it runs 10 on a "default" of 5)
    expect(again.regions[0]!.warnings.join(' ')).toContain('(10 in use, 1 needed)');
  });

  it('counts NAT gateways and the Elastic IPs they hold', async () => {
    const ec2 = observerEc2(moto.url, 'us-east-1');
    const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16' }));
    const subnet = await ec2.send(new CreateSubnetCommand({ VpcId: vpc.Vpc!.VpcId!, CidrBlock: '10.1.1.0/24' }));
    const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    await ec2.send(new CreateNatGatewayCommand({ SubnetId: subnet.Subnet!.SubnetId!, AllocationId: eip.AllocationId! }));
    const aws = await contextForProfile({ profile: 'default', env });
    const r = (await checkReadiness(aws, { region: 'us-east-1', workspaceVcpus: 2 })).regions[0]!;
    expect(r).toMatchObject({ ok: true, vpcs: { used: 2 }, elasticIps: { used: 1 }, natGateways: { used: 1 } });
  });

  describe('through a proxy that injects faults', () => {
    const proxy = useRequestCounter({ upstream: moto, intercept: (req) => intercept(req) });
    let intercept: (req: SeenRequest) => CannedResponse | undefined = () => undefined;


    it("keeps a region's denial and timeout to that region", async () => {
      intercept = (req) => {
        if (req.action === 'DescribeVpcs' && regionOf(req) === 'us-east-2') return ec2Error('UnauthorizedOperation');
        if (req.action === 'DescribeAddresses' && regionOf(req) === 'us-west-2') return { status: 0, delayMs: 6_000 };
        if (req.action === 'SimulatePrincipalPolicy') return { status: 403, body: iamError('AccessDenied', 'not allowed to simulate') };
        return undefined;
      };
      // moto builds each region's backend on first use (slowly); warm them so only the injected delay is slow.
      await checkReadiness(await contextForProfile({ profile: 'default', env }), { workspaceVcpus: 2 });
      const aws = await contextForProfile({ profile: 'default', env: { ...env, AWS_ENDPOINT_URL: proxy.url } });
      const started = Date.now();
      const report = await checkReadiness(aws, { workspaceVcpus: 2, timeoutMs: 2_000 });
      expect(Date.now() - started).toBeLessThan(5_500);

      const denied = region(report, 'us-east-2');
      expect(denied.ok).toBe(false);
      expect(denied.vpcs.used).toBeNull();
      expect(denied.problems).toEqual([
        'Could not count VPCs in us-east-2 (AccessDenied (UnauthorizedOperation)). Allow ec2:DescribeVpcs for this identity, or check the network, then run the check again.',
      ]);
      expect(denied.elasticIps.used).toBe(0);

      const slow = region(report, 'us-west-2');
      expect(slow.ok).toBe(false);
      expect(slow.elasticIps.used).toBeNull();
      expect(slow.problems).toEqual([expect.stringMatching(/^Could not count Elastic IPs in us-west-2 \(no answer within 2 s\)/)]);
      expect(slow.vpcs.used).toBe(1);

      expect(region(report, 'us-east-1').ok).toBe(true);
      expect(region(report, 'us-west-1').ok).toBe(true);
      expect(report.permissions).toMatchObject({ checked: false, missing: [] });
      expect(report.permissions.note).toMatch(/may not run IAM's policy simulation \(iam:SimulatePrincipalPolicy was refused: AccessDenied\)/);
    });

    it('a vCPU quota that was read and is too small still fails the region', async () => {
      intercept = (req) =>
        req.action === 'GetServiceQuota' && req.body.includes('L-1216C47A')
          ? { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ Quota: { ServiceCode: 'ec2', QuotaCode: 'L-1216C47A', Value: 4 } }) }
          : undefined;
      const aws = await contextForProfile({ profile: 'default', env: { ...env, AWS_ENDPOINT_URL: proxy.url } });
      const r = (await checkReadiness(aws, { region: 'us-west-1', workspaceVcpus: 8 })).regions[0]!;
      expect(r.vcpus).toEqual({ used: 0, limit: 4, source: 'account' });
      expect(r.ok).toBe(false);
      expect(r.problems).toEqual([expect.stringMatching(/^Not enough vCPUs in us-west-1: a workspace needs 8, but only 4 of the 4 Standard On-Demand vCPUs are free/)]);
    });

    it('reads the Standard Spot vCPU quota with one extra request per region; a Spot shortfall never blocks', async () => {
      const quota = (code: string, Value: number) => ({
        status: 200,
        headers: { 'content-type': 'application/x-amz-json-1.1' },
        body: JSON.stringify({ Quota: { ServiceCode: 'ec2', QuotaCode: code, Value } }),
      });
      intercept = (req) => {
        if (req.action !== 'GetServiceQuota') return undefined;
        if (req.body.includes('L-1216C47A')) return quota('L-1216C47A', 64);
        if (req.body.includes('L-34B43A08')) return quota('L-34B43A08', 4);
        return undefined;
      };
      await observerEc2(moto.url, 'us-west-1').send(
        new RunInstancesCommand({ ImageId: 'ami-12c6146b', InstanceType: 'c5.large', MinCount: 1, MaxCount: 1, InstanceMarketOptions: { MarketType: 'spot' } }),
      );
      const aws = await contextForProfile({ profile: 'default', env: { ...env, AWS_ENDPOINT_URL: proxy.url } });
      const before = proxy.requests.length;
      const report = await checkReadiness(aws, { region: 'us-west-1', workspaceVcpus: 8 });
      const r = report.regions[0]!;
      expect(r.vcpus).toEqual({ used: 0, limit: 64, source: 'account' });
      expect(r.spotVcpus).toMatchObject({ used: 2, limit: 4, source: 'account', quotaReason: null });
      expect(r.spotVcpus!.note).toMatch(/2 in use of 4\. A workspace of 8 vCPUs on Spot instances would not fit \(2 free\)/);
      expect(r.spotVcpus!.note).toContain('https://us-west-1.console.aws.amazon.com/servicequotas/home/services/ec2/quotas/L-34B43A08');
      // Only 2 Spot vCPUs free for an 8-vCPU workspace, yet the region and the report are not blocked.
      expect(r).toMatchObject({ verdict: 'ready', ok: true, problems: [] });
      expect(r.warnings.join(' ')).not.toMatch(/Spot|L-34B43A08/); // only the Elastic IP quota moto does not give
      expect(r.unknownQuotas.map((u) => u.quota)).not.toContain('spotVcpus');
      expect(report.verdict).toBe('unknown'); // only because moto cannot simulate the permissions
      const quotaReads = proxy.requests.slice(before).filter((q) => q.action === 'GetServiceQuota');
      expect(quotaReads.map((q) => JSON.parse(q.body).QuotaCode).sort()).toEqual(['L-0263D0A3', 'L-1216C47A', 'L-34B43A08', 'L-F678F1CE']);
    });

    it('reports missing setup actions when the simulation answers', async () => {
      intercept = (req) => (req.action === 'SimulatePrincipalPolicy' ? simulationAnswer(req, ['iam:PutRolePolicy', 'dynamodb:CreateTable']) : undefined);
      const aws = await contextForProfile({ profile: 'default', env: { ...env, AWS_ENDPOINT_URL: proxy.url } });
      const report = await checkReadiness(aws, { region: 'us-west-1', workspaceVcpus: 2 });
      expect(report.permissions).toEqual({
        checked: true,
        missing: [
          { action: 'dynamodb:CreateTable', blocks: 'creating the table' },
          { action: 'iam:PutRolePolicy', blocks: "putting the platform's inline policy on the role" },
        ],
        note: ANY_RESOURCE_NOTE,
      });
      const sim = proxy.requests.filter((r) => r.action === 'SimulatePrincipalPolicy').at(-1)!;
      const params = new URLSearchParams(sim.body);
      expect(params.get('PolicySourceArn')).toBe(`arn:aws:iam::${ACCOUNT}:user/moto`);
      expect(params.get(`ActionNames.member.${SETUP_ACTIONS.length}`)).toBe(SETUP_ACTIONS.at(-1)!.action);
    });
    it('lists the cost features\' missing permissions apart, without failing the verdict', async () => {
      intercept = (req) => (req.action === 'SimulatePrincipalPolicy' ? simulationAnswer(req, ['ce:GetCostForecast', 'budgets:ModifyBudget']) : undefined);
      const aws = await contextForProfile({ profile: 'default', env: { ...env, AWS_ENDPOINT_URL: proxy.url } });
      const report = await checkReadiness(aws, { region: 'us-west-1', workspaceVcpus: 2 });
      expect(report.permissions).toEqual({ checked: true, missing: [], note: null });
      expect(report.costPermissions).toEqual({
        checked: true,
        missing: [
          { action: 'ce:GetCostForecast', blocks: "Cost Explorer's month-end forecast (Onramp then shows its own labelled estimate)" },
          { action: 'budgets:ModifyBudget', blocks: 'creating and deleting budgets' },
        ],
        note: null,
      });
      expect(reportPasses(report)).toBe(true);
      const sim = proxy.requests.filter((r) => r.action === 'SimulatePrincipalPolicy').at(-1)!;
      expect(simulatedActions(sim)).toEqual(expect.arrayContaining(['ce:GetCostAndUsage', 'ce:GetCostForecast', 'budgets:ViewBudget', 'budgets:ModifyBudget', 'sns:SetTopicAttributes']));
    });
  });

  /** A readiness channel of the real handler table, with or without a connected session. */
  async function channelInvoker(channel: 'readiness:check' | 'readiness:permissions', connected: boolean) {
    const session = createSessionHolder();
    if (connected) session.set(await openSession({ profile: 'default', env }));
    const dataDir = String(env.ONRAMP_DATA_DIR);
    const table = createHandlers({ env, dataDir, store: new ConfigurationStore(dataDir), session });
    return (payload: unknown) => dispatch(table, channel, payload);
  }

  describe('readiness:check handler', () => {
    const invoker = (connected: boolean) => channelInvoker('readiness:check', connected);

    it('answers the same report shape for the connected session', async () => {
      await fillRegion(moto.url, 'us-west-1', 4, 0);
      const check = await invoker(true);
      const res = await check({ workspaceVcpus: 2 });
      if (!res.ok) throw new Error(res.error.message);
      const report = ReadinessReportSchema.parse(res.value);
      expect(report.identity.account).toBe(ACCOUNT);
      expect(report.regions.filter((r) => !r.ok).map((r) => r.region)).toEqual(['us-west-1']);
      const one = await check({ region: 'us-east-1' });
      expect(one.ok && one.value).toMatchObject({ workspaceVcpus: 8, regions: [{ region: 'us-east-1' }] });
    });

    it.each([
      [{ region: 'eu-west-1' }, 'region'],
      [{ workspaceVcpus: -1 }, 'workspaceVcpus'],
      [{ workspaceVcpus: 1.5 }, 'workspaceVcpus'],
      [{ workspaceVcpus: '4' }, 'workspaceVcpus'],
      [{ admin: true }, undefined],
    ])('refuses %j as invalid input', async (payload, field) => {
      const res = await (await invoker(true))(payload);
      expect(res).toMatchObject({ ok: false, error: { code: 'InvalidInput', ...(field ? { field } : {}) } });
    });

    it('needs a connected profile', async () => {
      expect(await (await invoker(false))({})).toMatchObject({ ok: false, error: { code: 'NotConnected' } });
    });
  });

  describe('readiness:permissions handler (the plan step\'s preflight on the exact names)', () => {
    const invoker = (connected: boolean) => channelInvoker('readiness:permissions', connected);
    const NAMES = { region: 'us-east-2', bucketName: 'acme-state', tableName: 'acme-lock', roleName: 'BodoPlatformUser' };

    it('says plainly that moto cannot simulate, without failing', async () => {
      const res = await (await invoker(true))(NAMES);
      expect(res).toMatchObject({ ok: true, value: { checked: false, missing: [], note: expect.stringMatching(/not available at this endpoint/) } });
    });

    it.each([
      [{ ...NAMES, region: 'eu-west-1' }, 'region'],
      [{ ...NAMES, bucketName: '192.168.0.1' }, 'bucketName'],
      [{ ...NAMES, tableName: 'a' }, 'tableName'],
      [{ ...NAMES, roleName: 'has space' }, 'roleName'],
      [{ ...NAMES, externalId: 'x' }, undefined],
      [{ region: 'us-east-2' }, undefined],
    ])('refuses %j as invalid input', async (payload, field) => {
      const res = await (await invoker(true))(payload);
      expect(res).toMatchObject({ ok: false, error: { code: 'InvalidInput', ...(field ? { field } : {}) } });
    });

    it('needs a connected profile', async () => {
      expect(await (await invoker(false))(NAMES)).toMatchObject({ ok: false, error: { code: 'NotConnected' } });
    });
  });
});
