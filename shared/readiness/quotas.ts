/**
 * The account limits the platform's workspaces run into, with AWS's documented defaults.
 *
 * Defaults (shown, marked `source: "default"`, only when the account's own value cannot be read):
 * - VPCs per Region (Service Quotas `vpc` L-F678F1CE): 5, per the Amazon VPC quotas page and the
 *   platform's own onboarding notes.
 * - EC2-VPC Elastic IPs (`ec2` L-0263D0A3): 5 per region, per the Amazon EC2 Elastic IP docs and the
 *   platform's notes.
 * - Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances (`ec2` L-1216C47A): 5 vCPUs,
 *   the value `aws service-quotas get-aws-default-service-quota --service-code ec2 --quota-code
 *   L-1216C47A` shows in the AWS CLI User Guide. Established accounts usually have far more, which is
 *   why the account's applied value is always tried first.
 * - All Standard (A, C, D, H, I, M, R, T, Z) Spot Instance Requests (`ec2` L-34B43A08): 5 vCPUs, the
 *   default the Amazon EC2 User Guide's "Spot Instance quotas" page gives for new accounts
 *   (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-spot-limits.html), which links this
 *   quota's Service Quotas page. Informational only: it never changes a verdict (`verdict.ts`).
 */
import type { QuotaKey, VerdictQuotaKey } from '../contract/readiness';
import type { SupportedRegion } from '../regions';

/** A resource whose limit the readiness check compares against usage (declared once, in the contract). */
export type { QuotaKey, VerdictQuotaKey };

/** One Service Quotas quota: where to read it and what AWS documents as its default. */
export interface QuotaDefinition {
  serviceCode: string;
  quotaCode: string;
  /** The quota's name as the Service Quotas console shows it. */
  name: string;
  /** AWS's documented default, used when the account's value cannot be read. */
  defaultValue: number;
  /** What the resource is called in a short line or a table row. */
  shortName: string;
}

/** The quotas the readiness check reads, by resource. */
export const QUOTAS: Record<QuotaKey, QuotaDefinition> = {
  vpcs: { serviceCode: 'vpc', quotaCode: 'L-F678F1CE', name: 'VPCs per Region', defaultValue: 5, shortName: 'VPCs' },
  elasticIps: { serviceCode: 'ec2', quotaCode: 'L-0263D0A3', name: 'EC2-VPC Elastic IPs', defaultValue: 5, shortName: 'Elastic IPs' },
  vcpus: {
    serviceCode: 'ec2',
    quotaCode: 'L-1216C47A',
    name: 'Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances',
    defaultValue: 5,
    shortName: 'Standard On-Demand vCPUs',
  },
  spotVcpus: {
    serviceCode: 'ec2',
    quotaCode: 'L-34B43A08',
    name: 'All Standard (A, C, D, H, I, M, R, T, Z) Spot Instance Requests',
    defaultValue: 5,
    shortName: 'Standard Spot vCPUs',
  },
};

/** The quotas that decide a region's verdict, in the order they are reported. */
export const VERDICT_QUOTA_KEYS: readonly VerdictQuotaKey[] = ['vpcs', 'elasticIps', 'vcpus'];

/**
 * vCPUs a workspace is assumed to need when the user does not say: 8, one 8-vCPU node (a
 * c5.2xlarge or m5.2xlarge), the smallest useful cluster. Pass the planned cluster's total instead.
 */
export const DEFAULT_WORKSPACE_VCPUS = 8;

/** VPCs and Elastic IPs one new workspace takes: its own VPC, and one address for its NAT gateway. */
export const WORKSPACE_NEEDS = { vpcs: 1, elasticIps: 1 } as const;

/** The Service Quotas console page of one quota in one region, where an increase is requested. */
export function quotaConsoleUrl(region: SupportedRegion, key: QuotaKey): string {
  const q = QUOTAS[key];
  return `https://${region}.console.aws.amazon.com/servicequotas/home/services/${q.serviceCode}/quotas/${q.quotaCode}`;
}

/** The AWS CLI command that reads one quota in one region (the check's own request, for the user to repeat). */
export function quotaCliCommand(key: QuotaKey, region: string): string {
  const q = QUOTAS[key];
  return `aws service-quotas get-service-quota --service-code ${q.serviceCode} --quota-code ${q.quotaCode} --region ${region}`;
}
