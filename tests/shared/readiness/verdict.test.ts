import { describe, expect, it } from 'vitest';
import { ReadinessReportSchema } from '../../../shared/contract/readiness';
import {
  DEFAULT_WORKSPACE_VCPUS,
  judgeRegion,
  missingPermissions,
  PLATFORM_RESOURCES,
  QUOTAS,
  quotaConsoleUrl,
  regionProblems,
  regionVerdict,
  reportPasses,
  reportVerdict,
  SETUP_ACTIONS,
  unknownQuotaGroups,
  vcpuHeadroom,
  type RegionMeasurement,
} from '../../../shared/readiness';

function measured(over: Partial<RegionMeasurement> = {}): RegionMeasurement {
  return {
    region: 'us-west-1',
    vpcs: { used: 1, limit: 5, source: 'account' },
    elasticIps: { used: 0, limit: 5, source: 'account' },
    natGateways: { used: 0 },
    vcpus: { used: 0, limit: 64, source: 'account' },
    unreadable: {},
    notes: [],
    ...over,
  };
}

describe('regionProblems', () => {
  it('passes a region with room for one more workspace', () => {
    // 4 of 5 VPCs, 4 of 5 Elastic IPs, 56 of 64 vCPUs leaves exactly 8 for an 8-vCPU workspace.
    const m = measured({
      vpcs: { used: 4, limit: 5, source: 'account' },
      elasticIps: { used: 4, limit: 5, source: 'default' },
      vcpus: { used: 56, limit: 64, source: 'account' },
    });
    expect(regionProblems(m, 8)).toEqual([]);
    expect(judgeRegion(m, 8).ok).toBe(true);
  });

  it('flags a full VPC quota with what to do and the console link', () => {
    const [p, ...rest] = regionProblems(measured({ vpcs: { used: 5, limit: 5, source: 'account' } }), 8);
    expect(rest).toEqual([]);
    expect(p).toContain('No VPC left in us-west-1: 5 in use of 5');
    expect(p).toContain('Delete a VPC');
    expect(p).toContain('request a higher "VPCs per Region" quota');
    expect(p).toContain('https://us-west-1.console.aws.amazon.com/servicequotas/home/services/vpc/quotas/L-F678F1CE');
    expect(p).toContain('choose another region');
  });

  it('flags usage above the quota (a lowered quota) the same way', () => {
    expect(regionProblems(measured({ vpcs: { used: 7, limit: 5, source: 'account' } }), 0)).toHaveLength(1);
  });

  it('flags no Elastic IP left when the quota was read', () => {
    const [p] = regionProblems(measured({ elasticIps: { used: 5, limit: 5, source: 'account' } }), 8);
    expect(p).toContain('No Elastic IP left in us-west-1: 5 allocated of 5, and');
    expect(p).toContain('Release an Elastic IP');
    expect(p).toContain('/services/ec2/quotas/L-0263D0A3');
  });

  it('a limit Service Quotas could not give is a warning with the default and how to check it, never a problem', () => {
    const m = measured({
      elasticIps: { used: 5, limit: 5, source: 'default' },
      vcpus: { used: 0, limit: 5, source: 'default' },
      unreadableQuotas: { elasticIps: 'NoSuchResourceException', vcpus: 'AccessDenied (AccessDeniedException)' },
    });
    expect(regionProblems(m, 8)).toEqual([]);
    const r = judgeRegion(m, 8);
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([
      "EC2-VPC Elastic IPs in us-west-1: quota unknown (Service Quotas did not answer: NoSuchResourceException). AWS's default is 5; this account's may be higher. At the default there is no room (5 in use, 1 needed). Check it at https://us-west-1.console.aws.amazon.com/servicequotas/home/services/ec2/quotas/L-0263D0A3 or with: aws service-quotas get-service-quota --service-code ec2 --quota-code L-0263D0A3 --region us-west-1",
      "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances in us-west-1: quota unknown (Service Quotas did not answer: AccessDenied (AccessDeniedException)). AWS's default is 5; this account's may be higher. At the default there is no room (0 in use, 8 needed). Check it at https://us-west-1.console.aws.amazon.com/servicequotas/home/services/ec2/quotas/L-1216C47A or with: aws service-quotas get-service-quota --service-code ec2 --quota-code L-1216C47A --region us-west-1",
    ]);
    expect(r.unknownQuotas).toEqual([
      { quota: 'elasticIps', reason: 'NoSuchResourceException', roomAtDefault: false },
      { quota: 'vcpus', reason: 'AccessDenied (AccessDeniedException)', roomAtDefault: false },
    ]);
    expect(reportPasses({ permissions: { checked: true, missing: [], note: null }, regions: [r] })).toBe(true);
    // the default would be enough: said so
    expect(judgeRegion(measured({ vcpus: { used: 0, limit: 5, source: 'default' } }), 2).warnings[0]).toContain('The default would leave room for a workspace.');
  });

  it('flags vCPU headroom below the workspace size, and not at exactly the size', () => {
    const m = measured({ vcpus: { used: 60, limit: 64, source: 'account' } });
    expect(regionProblems(m, 4)).toEqual([]);
    const [p] = regionProblems(m, 5);
    expect(p).toContain('a workspace needs 5, but only 4 of the 64 Standard On-Demand vCPUs are free (60 in use)');
    expect(p).toContain('/services/ec2/quotas/L-1216C47A');
    expect(p).toContain('stop instances');
  });

  it('treats usage above the vCPU quota as zero headroom', () => {
    const vcpus = { used: 70, limit: 64, source: 'account' as const };
    expect(vcpuHeadroom(vcpus)).toBe(0);
    expect(regionProblems(measured({ vcpus }), 0)).toEqual([]);
    expect(regionProblems(measured({ vcpus }), 1)[0]).toContain('only 0 of the 64');
  });

  it('lists every problem of a region at once, in a stable order', () => {
    const m = measured({
      vpcs: { used: 5, limit: 5, source: 'account' },
      elasticIps: { used: 5, limit: 5, source: 'account' },
      vcpus: { used: 0, limit: 5, source: 'account' },
    });
    const problems = regionProblems(m, DEFAULT_WORKSPACE_VCPUS);
    expect(problems.map((p) => p.split(':')[0])).toEqual(['No VPC left in us-west-1', 'No Elastic IP left in us-west-1', 'Not enough vCPUs in us-west-1']);
  });

  it('makes an unreadable count a problem that names the permission, never a silent pass', () => {
    const m = measured({ vpcs: { used: null, limit: 5, source: 'account' }, unreadable: { vpcs: 'AccessDenied (UnauthorizedOperation)' } });
    const [p] = regionProblems(m, 8);
    expect(p).toBe(
      'Could not count VPCs in us-west-1 (AccessDenied (UnauthorizedOperation)). Allow ec2:DescribeVpcs for this identity, or check the network, then run the check again.',
    );
    expect(judgeRegion(m, 8).ok).toBe(false);
  });

  it('notes an unreadable NAT gateway count without failing the region', () => {
    const r = judgeRegion(measured({ natGateways: { used: null }, unreadable: { natGateways: 'no answer within 30 s' } }), 8);
    expect(r.ok).toBe(true);
    expect(r.notes).toEqual(['Could not count NAT gateways in us-west-1 (no answer within 30 s); this does not block the check.']);
  });
});

describe('missingPermissions (a simulated denial list)', () => {
  const allowedAll = SETUP_ACTIONS.map((a) => ({ action: a.action, decision: 'allowed' }));

  it('is empty when IAM allows every action', () => {
    expect(missingPermissions(allowedAll)).toEqual([]);
  });

  it('lists denied actions in setup order with what they block', () => {
    const decisions = allowedAll.map((d) =>
      d.action === 'iam:PutRolePolicy' ? { ...d, decision: 'explicitDeny' } : d.action === 's3:CreateBucket' ? { ...d, decision: 'implicitDeny' } : d,
    );
    expect(missingPermissions(decisions.reverse())).toEqual([
      { action: 's3:CreateBucket', blocks: 'creating the bucket' },
      { action: 'iam:PutRolePolicy', blocks: "putting the platform's inline policy on the role" },
    ]);
  });

  it('matches action names case-insensitively, as IAM does', () => {
    const decisions = allowedAll.map((d) => ({ ...d, action: d.action.toUpperCase() }));
    expect(missingPermissions(decisions)).toEqual([]);
  });

  it('counts an action the simulation did not mention as missing', () => {
    const decisions = allowedAll.filter((d) => d.action !== 'dynamodb:TagResource');
    expect(missingPermissions(decisions)).toEqual([{ action: 'dynamodb:TagResource', blocks: 'tagging the table (CreateTable with tags needs it)' }]);
  });
});

describe('verdicts (issue 21.1): ready, unknown or blocked, one answer for summary, cards and doctor', () => {
  const unknownVcpus = { vcpus: { used: 0, limit: 5, source: 'default' as const }, unreadableQuotas: { vcpus: 'NoSuchResourceException' } };
  const checked = { checked: true, missing: [], note: null };

  it.each([
    ['every limit read, with room', measured(), 8, 'ready'],
    ['a quota unknown whose default leaves room (2 of the default 5 vCPUs)', measured(unknownVcpus), 2, 'ready'],
    ['a quota unknown whose default leaves no room (8 of the default 5 vCPUs)', measured(unknownVcpus), 8, 'unknown'],
    ['an unknown quota with no room at its default (Elastic IPs 5 of 5)', measured({ elasticIps: { used: 5, limit: 5, source: 'default' } }), 8, 'unknown'],
    ['a read quota that is too small', measured({ vcpus: { used: 0, limit: 4, source: 'account' } }), 8, 'blocked'],
    ['a read quota too small beside an unknown one', measured({ ...unknownVcpus, vpcs: { used: 5, limit: 5, source: 'account' } }), 8, 'blocked'],
    ['a count that could not be made', measured({ vpcs: { used: null, limit: 5, source: 'account' }, unreadable: { vpcs: 'AccessDenied' } }), 8, 'blocked'],
  ] as const)('%s: %s', (_label, m, vcpus, verdict) => {
    const judged = judgeRegion(m, vcpus);
    expect(judged.verdict).toBe(verdict);
    expect(regionVerdict(judged)).toBe(verdict);
    // `ok` says only "not blocked": an unknown limit never fails the check.
    expect(judged.ok).toBe(verdict !== 'blocked');
  });

  it.each([
    ['read and too small', { used: 0, limit: 4, source: 'account' as const }, undefined],
    ['over its quota', { used: 9, limit: 5, source: 'account' as const }, undefined],
    ['unknown, no room at the default', { used: 3, limit: 5, source: 'default' as const }, 'NoSuchResourceException'],
    ['not counted', { used: null, limit: 5, source: 'account' as const }, undefined],
  ])('the Standard Spot vCPUs (%s) are informational: never a problem, a warning or an unknown quota', (_label, spotVcpus, reason) => {
    const judged = judgeRegion(measured({ spotVcpus, unreadableQuotas: reason ? { spotVcpus: reason } : {} }), 8);
    expect(judged).toMatchObject({ verdict: 'ready', ok: true, problems: [], warnings: [], unknownQuotas: [] });
    expect(judged.spotVcpus).toMatchObject({ ...spotVcpus, quotaReason: reason ?? null });
    expect(judged.spotVcpus!.note).toMatch(/^Standard Spot vCPUs: informational, it matters only when clusters use Spot instances and never changes the verdict\./);
    expect(reportVerdict({ permissions: checked, regions: [judged] })).toBe('ready');
  });

  it('the Spot note says when a workspace on Spot would not fit, with the quota page', () => {
    const note = judgeRegion(measured({ spotVcpus: { used: 2, limit: 5, source: 'account' } }), 8).spotVcpus!.note;
    expect(note).toBe(
      'Standard Spot vCPUs: informational, it matters only when clusters use Spot instances and never changes the verdict. 2 in use of 5. ' +
        `A workspace of 8 vCPUs on Spot instances would not fit (3 free): request a higher "All Standard (A, C, D, H, I, M, R, T, Z) Spot Instance Requests" quota at ${quotaConsoleUrl('us-west-1', 'spotVcpus')} if its clusters use Spot.`,
    );
    expect(judgeRegion(measured({ spotVcpus: { used: 2, limit: 64, source: 'account' } }), 8).spotVcpus!.note).toMatch(/2 in use of 64\. Quota: https:\/\/us-west-1\.console/);
  });

  it('the report: blocked beats unknown beats ready; missing permissions block, unchecked ones are unknown', () => {
    const ready = judgeRegion(measured(), 8);
    const unknown = judgeRegion(measured(unknownVcpus), 8);
    const blocked = judgeRegion(measured({ vcpus: { used: 0, limit: 4, source: 'account' } }), 8);
    expect(reportVerdict({ permissions: checked, regions: [ready, ready] })).toBe('ready');
    expect(reportVerdict({ permissions: checked, regions: [ready, unknown] })).toBe('unknown');
    expect(reportVerdict({ permissions: checked, regions: [unknown, blocked] })).toBe('blocked');
    expect(reportVerdict({ permissions: { checked: false, missing: [], note: 'x' }, regions: [ready] })).toBe('unknown');
    expect(reportVerdict({ permissions: { checked: true, missing: [{ action: 's3:CreateBucket', blocks: 'x' }], note: null }, regions: [ready] })).toBe('blocked');
    // Only blocked fails the doctor.
    expect(reportPasses({ permissions: checked, regions: [unknown] })).toBe(true);
    expect(reportPasses({ permissions: checked, regions: [blocked] })).toBe(false);
  });
});

describe('reportPasses', () => {
  const ok = judgeRegion(measured(), 8);
  const bad = judgeRegion(measured({ vpcs: { used: 5, limit: 5, source: 'account' } }), 8);
  const unchecked = { checked: false, missing: [], note: 'simulation unavailable' };

  it('passes when every region is ok, even when permissions could not be checked', () => {
    expect(reportPasses({ regions: [ok, ok], permissions: unchecked })).toBe(true);
  });
  it('fails on any region with a problem', () => {
    expect(reportPasses({ regions: [ok, bad], permissions: unchecked })).toBe(false);
  });
  it('fails when a permission is missing', () => {
    expect(reportPasses({ regions: [ok], permissions: { checked: true, missing: [{ action: 's3:CreateBucket', blocks: 'x' }], note: null } })).toBe(false);
  });
  it('produces reports the contract accepts', () => {
    const report = { identity: { account: '123456789012', arn: 'arn:aws:iam::123456789012:user/a' }, verdict: reportVerdict({ permissions: unchecked, regions: [ok, bad] }), workspaceVcpus: 8, permissions: unchecked, regions: [ok, bad] };
    expect(ReadinessReportSchema.parse(report)).toEqual(report);
  });
});

describe('documented data', () => {
  it('has one entry per setup action, each IAM-shaped and saying what it blocks', () => {
    const names = SETUP_ACTIONS.map((a) => a.action);
    expect(new Set(names).size).toBe(names.length);
    for (const a of SETUP_ACTIONS) {
      expect(a.action).toMatch(/^(s3|dynamodb|iam):[A-Z][A-Za-z]+$/);
      expect(a.blocks.length).toBeGreaterThan(5);
    }
    for (const needed of ['s3:CreateBucket', 's3:PutBucketPublicAccessBlock', 's3:PutEncryptionConfiguration', 's3:PutBucketTagging', 'dynamodb:CreateTable', 'dynamodb:DescribeTable', 'dynamodb:TagResource', 'iam:CreateRole', 'iam:TagRole', 'iam:GetRole', 'iam:PutRolePolicy', 'iam:GetRolePolicy']) {
      expect(names).toContain(needed);
    }
  });

  it('uses the documented quota codes and defaults', () => {
    expect(QUOTAS.vpcs).toMatchObject({ serviceCode: 'vpc', quotaCode: 'L-F678F1CE', defaultValue: 5 });
    expect(QUOTAS.elasticIps).toMatchObject({ serviceCode: 'ec2', quotaCode: 'L-0263D0A3', defaultValue: 5 });
    expect(QUOTAS.vcpus).toMatchObject({ serviceCode: 'ec2', quotaCode: 'L-1216C47A', defaultValue: 5 });
    expect(quotaConsoleUrl('us-east-2', 'vcpus')).toBe('https://us-east-2.console.aws.amazon.com/servicequotas/home/services/ec2/quotas/L-1216C47A');
  });

  it('links every platform resource to a known limit or none', () => {
    const keys = new Set(PLATFORM_RESOURCES.map((r) => r.limit));
    expect([...keys].every((k) => k === null || ['vpcs', 'elasticIps', 'natGateways', 'vcpus'].includes(k))).toBe(true);
    for (const k of ['vpcs', 'elasticIps', 'natGateways', 'vcpus']) expect(keys.has(k as never)).toBe(true);
    expect(new Set(PLATFORM_RESOURCES.map((r) => r.id)).size).toBe(PLATFORM_RESOURCES.length);
  });
});

describe('unknownQuotaGroups: one explanation per quota, however many regions lack it', () => {
  it('groups by quota in a fixed order, lists the regions in the report\'s order, reasons once each, and where the default has no room', () => {
    const groups = unknownQuotaGroups([
      { region: 'us-east-1', unknownQuotas: [{ quota: 'vcpus', reason: 'NoSuchResourceException', roomAtDefault: true }, { quota: 'elasticIps', reason: null, roomAtDefault: true }] },
      { region: 'us-east-2', unknownQuotas: [] },
      { region: 'us-west-1', unknownQuotas: [{ quota: 'vcpus', reason: 'NoSuchResourceException', roomAtDefault: false }] },
      { region: 'us-west-2', unknownQuotas: [{ quota: 'vcpus', reason: 'AccessDenied (AccessDeniedException)', roomAtDefault: null }] },
    ]);
    expect(groups).toEqual([
      { quota: 'elasticIps', name: 'EC2-VPC Elastic IPs', defaultValue: 5, regions: ['us-east-1'], reasons: [], noRoomAtDefault: [] },
      {
        quota: 'vcpus',
        name: 'Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances',
        defaultValue: 5,
        regions: ['us-east-1', 'us-west-1', 'us-west-2'],
        reasons: ['NoSuchResourceException', 'AccessDenied (AccessDeniedException)'],
        noRoomAtDefault: ['us-west-1'],
      },
    ]);
    expect(unknownQuotaGroups([{ region: 'us-east-1', unknownQuotas: [] }])).toEqual([]);
  });
});
