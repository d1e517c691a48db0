/** The AWS services Onramp talks to, with the suffix of their AWS_ENDPOINT_URL_<SERVICE> variable. */
export const SERVICE_ENV_KEYS = {
  s3: 'S3',
  dynamodb: 'DYNAMODB',
  iam: 'IAM',
  sts: 'STS',
  cloudwatch: 'CLOUDWATCH',
  sns: 'SNS',
  servicequotas: 'SERVICE_QUOTAS',
  ec2: 'EC2',
  // Cost Explorer and AWS Budgets: global services whose endpoints live in us-east-1.
  costexplorer: 'COST_EXPLORER',
  budgets: 'BUDGETS',
  // Organization roll-outs: StackSets and the organization's accounts and units.
  cloudformation: 'CLOUDFORMATION',
  organizations: 'ORGANIZATIONS',
  // IAM Identity Center: the SSO portal (GetRoleCredentials) and the SSO-OIDC sign-in service.
  sso: 'SSO',
  ssooidc: 'SSO_OIDC',
} as const;

/** A service Onramp talks to. */
export type ServiceId = keyof typeof SERVICE_ENV_KEYS;

/**
 * The endpoint override for one service: AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL, then the
 * profile's endpoint_url. The SDK applies a profile's endpoint_url only for the profile named by
 * AWS_PROFILE (observed; docs/aws-facts.md#credentials-and-endpoints), so Onramp resolves it itself and passes `endpoint` explicitly.
 */
export function resolveEndpoint(
  service: ServiceId,
  env: NodeJS.ProcessEnv,
  profileEndpoint: string | null,
): string | null {
  return env[`AWS_ENDPOINT_URL_${SERVICE_ENV_KEYS[service]}`] || env.AWS_ENDPOINT_URL || profileEndpoint || null;
}
