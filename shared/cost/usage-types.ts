/**
 * What an EC2 usage type is, from its name. Cost Explorer reports EC2 under two services —
 * "Amazon Elastic Compute Cloud - Compute" (instance hours) and "EC2 - Other" (EBS, NAT gateways,
 * data transfer, Elastic IPs) — and, since February 2024, public IPv4 addresses under "Amazon
 * Virtual Private Cloud". Usage type names carry a region prefix ("USE1-") and follow the patterns
 * AWS documents in "Understanding your usage types"
 * (https://docs.aws.amazon.com/cur/latest/userguide/ec2-usage-types.html,
 * https://aws.amazon.com/blogs/aws/new-aws-public-ipv4-address-charge-public-ip-insights/).
 */

/** The services whose usage types the cost report lists (the platform's EC2 footprint). */
export const EC2_SERVICES = ['Amazon Elastic Compute Cloud - Compute', 'EC2 - Other', 'Amazon Virtual Private Cloud'] as const;

/** The EC2 instance-hours service (what the vCPU-hour estimate is compared with). */
export const EC2_COMPUTE_SERVICE = EC2_SERVICES[0];

/** Kinds of EC2 usage a user can act on. */
export const USAGE_KINDS = ['instances', 'nat-gateway', 'ebs', 'data-transfer', 'public-ip', 'other'] as const;
/** One kind. */
export type UsageKind = (typeof USAGE_KINDS)[number];

/** Human labels of the kinds. */
export const USAGE_KIND_LABELS: Record<UsageKind, string> = {
  instances: 'Instances',
  'nat-gateway': 'NAT gateway',
  ebs: 'EBS volumes and snapshots',
  'data-transfer': 'Data transfer',
  'public-ip': 'Elastic IP / public IPv4',
  other: 'Other',
};

/** The kind of a usage type ("USE1-NatGateway-Hours" is a NAT gateway, "BoxUsage:m5.xlarge" instances). */
export function usageKind(usageType: string): UsageKind {
  const u = usageType.replace(/^[A-Z]{2,4}\d?-/, '');
  if (/NatGateway/i.test(u)) return 'nat-gateway';
  if (/^(BoxUsage|SpotUsage|DedicatedUsage|HostUsage|HostBoxUsage|UnusedBox|ReservedHostUsage|HeavyUsage|DedicatedRes)/i.test(u)) return 'instances';
  if (/^EBS:|^EBSOptimized|VolumeUsage|SnapshotUsage|VolumeP-IOPS|VolumeIOUsage|VolumeP-Throughput/i.test(u)) return 'ebs';
  if (/ElasticIP|PublicIPv4|IdleAddress|InUseAddress/i.test(u)) return 'public-ip';
  if (/DataTransfer|-Bytes$|-In-Bytes|-Out-Bytes|AWS-In|AWS-Out/i.test(u)) return 'data-transfer';
  return 'other';
}
