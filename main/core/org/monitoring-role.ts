/**
 * The read-only monitoring role every account of a roll-out gets: trusted only by the administering
 * account (its root, with the roll-out's monitoring external ID — the same shape as the platform
 * role's trust, so the same exact-trust check applies), allowed only what Onramp's dashboard,
 * alarm list, readiness and verify read. Why a role and not CloudWatch cross-account observability:
 * docs/organizations.md#monitoring-across-accounts.
 *
 * Which actions take which resources: AWS Service Authorization Reference
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html).
 * CloudWatch GetMetricData and ListMetrics, the EC2 Describe calls and Service Quotas reads used here
 * support no resource-level permissions, so they need Resource "*"; the verify reads are scoped to
 * the account's own bucket, table and platform role.
 */
import type { Json } from '../export/cloudformation';

/** What each read-anywhere action is for (the dashboard, `usage`, `alarms`, readiness). */
export const MONITORING_READ_ACTIONS = {
  'cloudwatch:GetMetricData': 'vCPU usage history (AWS/Usage ResourceCount) for the dashboard and usage',
  'cloudwatch:ListMetrics': 'which usage classes (On-Demand, Spot, …) the account publishes',
  'cloudwatch:DescribeAlarms': 'the alarms on vCPU usage and billing',
  'servicequotas:GetServiceQuota': 'the vCPU, VPC and Elastic IP quotas (headroom, readiness)',
  'servicequotas:GetAWSDefaultServiceQuota': 'the default quota when the applied value is not readable',
  'ec2:DescribeInstances': 'running vCPUs per class for readiness',
  'ec2:DescribeInstanceTypes': 'vCPUs per instance type for readiness',
  'ec2:DescribeVpcs': 'VPCs in use against their quota (readiness)',
  'ec2:DescribeAddresses': 'Elastic IPs in use against their quota (readiness)',
  'ec2:DescribeNatGateways': 'NAT gateways in use (readiness)',
} as const;

/** The reads of the account's own configuration (verify, and destroy's check for data), each on that one resource. */
export const MONITORING_VERIFY_ACTIONS = {
  bucket: ['s3:ListBucket', 's3:GetBucketLocation', 's3:GetBucketTagging', 's3:GetEncryptionConfiguration', 's3:GetBucketPublicAccessBlock'],
  table: ['dynamodb:DescribeTable', 'dynamodb:ListTagsOfResource', 'dynamodb:Scan'],
  role: ['iam:GetRole', 'iam:ListRoleTags', 'iam:GetRolePolicy'],
} as const;

/** Every action the monitoring role is allowed, sorted: what tests compare the deployed policy with. */
export function monitoringActions(): string[] {
  return [...Object.keys(MONITORING_READ_ACTIONS), ...Object.values(MONITORING_VERIFY_ACTIONS).flat()].sort();
}

/** Where the verify statements point: expressions (a template) or literal ARNs. */
export interface MonitoredResources {
  bucketArn: Json;
  tableArn: Json;
  platformRoleArn: Json;
}

/** The monitoring role's inline policy document. */
export function monitoringPolicy(resources: MonitoredResources): Json {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ReadUsageAlarmsAndQuotas', Effect: 'Allow', Action: Object.keys(MONITORING_READ_ACTIONS), Resource: '*' },
      { Sid: 'VerifyTheBucket', Effect: 'Allow', Action: [...MONITORING_VERIFY_ACTIONS.bucket], Resource: resources.bucketArn },
      { Sid: 'VerifyTheTable', Effect: 'Allow', Action: [...MONITORING_VERIFY_ACTIONS.table], Resource: resources.tableArn },
      { Sid: 'VerifyThePlatformRole', Effect: 'Allow', Action: [...MONITORING_VERIFY_ACTIONS.role], Resource: resources.platformRoleArn },
    ],
  };
}

/** The inline policy's name on the monitoring role. */
export const MONITORING_POLICY_NAME = 'Onramp-Monitoring-Read';
