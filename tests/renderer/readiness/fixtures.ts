/** Readiness reports for the renderer tests, shaped like what moto answers (one full region). */
import type { ReadinessReport, RegionReadiness } from '../../../shared/contract/readiness';
import type { SessionInfo } from '../../../shared/contract/session';
import { quotaConsoleUrl } from '../../../shared/readiness';
import type { SupportedRegion } from '../../../shared/regions';

export const SESSION: SessionInfo = {
  profile: 'default',
  account: '123456789012',
  arn: 'arn:aws:iam::123456789012:user/me',
  userId: 'AIDA',
  region: 'us-west-2',
  endpointUrl: null,
};

/** A region with room (1 VPC of 5, no Elastic IPs, 0 of 32 vCPUs), overridable. */
export function region(name: SupportedRegion, over: Partial<RegionReadiness> = {}): RegionReadiness {
  return {
    region: name,
    verdict: 'ready',
    ok: true,
    vpcs: { used: 1, limit: 5, source: 'account' },
    elasticIps: { used: 0, limit: 5, source: 'default' },
    natGateways: { used: 0 },
    vcpus: { used: 0, limit: 32, source: 'account' },
    spotVcpus: {
      used: 0,
      limit: 5,
      source: 'default',
      quotaReason: 'NoSuchResourceException',
      note: `Standard Spot vCPUs: informational, it matters only when clusters use Spot instances and never changes the verdict. 0 in use of 5 (AWS's default: Service Quotas did not answer: NoSuchResourceException; the account's own quota may be higher). Quota: ${quotaConsoleUrl(name, 'spotVcpus')}`,
    },
    problems: [],
    warnings: [
      `EC2-VPC Elastic IPs in ${name}: quota unknown (Service Quotas did not answer: NoSuchResourceException). AWS's default is 5; this account's may be higher. The default would leave room for a workspace. Check it at ${quotaConsoleUrl(name, 'elasticIps')} or with: aws service-quotas get-service-quota --service-code ec2 --quota-code L-0263D0A3 --region ${name}`,
    ],
    unknownQuotas: [{ quota: 'elasticIps', reason: 'NoSuchResourceException', roomAtDefault: true }],
    notes: [],
    ...over,
  };
}

export const FULL_REGION = region('us-west-1', {
  verdict: 'blocked',
  ok: false,
  vpcs: { used: 5, limit: 5, source: 'account' },
  elasticIps: { used: 5, limit: 5, source: 'default' },
  problems: [
    `No VPC left in us-west-1: 5 in use of 5, and each workspace needs its own VPC. Delete a VPC you no longer use, request a higher "VPCs per Region" quota at ${quotaConsoleUrl('us-west-1', 'vpcs')}, or choose another region.`,
  ],
  warnings: [
    `EC2-VPC Elastic IPs in us-west-1: quota unknown (Service Quotas did not answer: NoSuchResourceException). AWS's default is 5; this account's may be higher. At the default there is no room (5 in use, 1 needed). Check it at ${quotaConsoleUrl('us-west-1', 'elasticIps')} or with: aws service-quotas get-service-quota --service-code ec2 --quota-code L-0263D0A3 --region us-west-1`,
  ],
  unknownQuotas: [{ quota: 'elasticIps', reason: 'NoSuchResourceException', roomAtDefault: false }],
});

export const REPORT: ReadinessReport = {
  identity: { account: '123456789012', arn: 'arn:aws:iam::123456789012:user/me' },
  verdict: 'blocked',
  workspaceVcpus: 8,
  permissions: { checked: false, missing: [], note: 'IAM policy simulation is not available at this endpoint (HTTP 500).' },
  regions: [region('us-east-1'), region('us-east-2'), FULL_REGION, region('us-west-2')],
};

/**
 * A region as moto (and an account whose Service Quotas will not answer for ec2) gives it: the vCPU
 * quota unknown, AWS's default of 5 shown, and an 8-vCPU workspace that would not fit in that default.
 */
export function unknownVcpusRegion(name: SupportedRegion): RegionReadiness {
  return region(name, {
    verdict: 'unknown',
    vcpus: { used: 0, limit: 5, source: 'default' },
    warnings: [],
    unknownQuotas: [
      { quota: 'elasticIps', reason: 'NoSuchResourceException', roomAtDefault: true },
      { quota: 'vcpus', reason: 'NoSuchResourceException', roomAtDefault: false },
    ],
  });
}
