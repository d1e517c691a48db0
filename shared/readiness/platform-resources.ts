/**
 * What the platform creates in the account after onboarding (docs/platform-api.md#onboarding, "What the platform creates later"), for the
 * "What the platform will create" page. `limit` links an entry to the readiness figure it uses.
 */

/** The readiness figure a resource counts against, or null when Onramp does not check one. */
export type ResourceLimitKey = 'vpcs' | 'elasticIps' | 'natGateways' | 'vcpus' | 'spotVcpus' | null;

/** One kind of resource the platform creates, and why. */
export interface PlatformResource {
  id: string;
  name: string;
  why: string;
  limit: ResourceLimitKey;
}

/** The resources, network first, then compute, storage and security. */
export const PLATFORM_RESOURCES: readonly PlatformResource[] = [
  { id: 'vpc', name: 'A VPC with subnets and security groups', why: "Each workspace gets its own network, isolated from the account's other VPCs.", limit: 'vpcs' },
  { id: 'nat-gateway', name: 'A NAT gateway', why: 'Lets cluster instances in private subnets reach the internet and the platform.', limit: 'natGateways' },
  { id: 'elastic-ip', name: 'Elastic IP addresses', why: 'Give the NAT gateway a fixed public address.', limit: 'elasticIps' },
  { id: 'ec2', name: 'EC2 instances and their network interfaces', why: "Run the workspace's clusters; On-Demand Standard vCPUs count against the region's quota.", limit: 'vcpus' },
  { id: 'efs', name: 'An EFS file system', why: "Shared storage for the workspace's files.", limit: null },
  { id: 'state', name: 'S3 and DynamoDB state', why: "The bucket and table of the Cloud Configuration hold the platform's infrastructure state and locks.", limit: null },
  { id: 'ssm', name: 'Systems Manager parameters', why: 'Pass configuration to cluster instances.', limit: null },
  { id: 'kms', name: 'KMS keys', why: 'Encrypt cluster secrets.', limit: null },
  { id: 'iam', name: 'An IAM role for clusters', why: 'Lets cluster instances call AWS on your behalf.', limit: null },
];

/** The billing caveat shown with the list. */
export const PLATFORM_CHARGES_NOTE =
  "These resources are billed by AWS to this account, separately from the platform's own charges. NAT gateways, EC2 instances, EFS storage and public IPv4 addresses cost money for as long as they exist.";
