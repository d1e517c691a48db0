/**
 * The StackSet's template: the Cloud Configuration's bucket, table and platform role exactly as the
 * one-account export writes them (main/core/export/cloudformation.ts, from the resource spec), with
 * the per-account values as expressions, plus the read-only monitoring role. Each account's bucket
 * name and external ID are derived inside the template from AWS::AccountId, so an account that
 * automatic deployment adds later gets its own values with no override; the BucketName and
 * ExternalId parameters exist for the accounts that must differ (their per-account overrides).
 */
import { DEFAULT_PLATFORM_ACCOUNT_ID } from '../../../shared/defaults';
import type { OrgRolloutInput } from '../../../shared/contract/org';
import { isSupportedRegion, type SupportedRegion } from '../../../shared/regions';
import { CFN_IDS, configurationResources, withExpression, type Json } from '../export/cloudformation';
import { exportTags } from '../export/source';
import { trustPolicy } from '../setup/trust';
import { monitoringPolicy, MONITORING_POLICY_NAME } from './monitoring-role';
import { monitoringRoleNameFor } from './names';

/** The template's parameters. */
export const PARAMS = {
  externalIdBase: 'ExternalIdBase',
  externalId: 'ExternalId',
  bucketName: 'BucketName',
  monitoringExternalId: 'MonitoringExternalId',
} as const;

/** Where the template keeps what the roll-out was made from. */
export const METADATA_KEY = 'Onramp';

/** A roll-out as its StackSet's template describes it. */
export interface RolloutDescription {
  name: string;
  region: SupportedRegion;
  bucketPattern: string;
  tableName: string;
  roleName: string;
  platformAccountId: string;
  adminAccount: string;
}

function rolloutDescription(src: TemplateSource): RolloutDescription {
  const { name, region, bucketPattern, tableName, roleName, platformAccountId } = src.input;
  return { name, region, bucketPattern, tableName, roleName, platformAccountId, adminAccount: src.adminAccount };
}

/** The roll-out a StackSet's template describes, or null when the template is not an Onramp roll-out's. */
export function describedRollout(templateBody: string): RolloutDescription | null {
  try {
    const meta = (JSON.parse(templateBody) as { Metadata?: Record<string, unknown> }).Metadata?.[METADATA_KEY] as Record<string, unknown> | undefined;
    const keys = ['name', 'region', 'bucketPattern', 'tableName', 'roleName', 'platformAccountId', 'adminAccount'] as const;
    if (!meta || !keys.every((k) => typeof meta[k] === 'string') || !isSupportedRegion(meta.region)) return null;
    return Object.fromEntries(keys.map((k) => [k, meta[k] as string])) as unknown as RolloutDescription;
  } catch {
    return null;
  }
}

/** The monitoring role's logical ID. */
export const MONITORING_ROLE_ID = 'MonitoringRole';

const ref = (name: string): Json => ({ Ref: name });
const TOKEN = '@@ONRAMP_MONITORING_EXTERNAL_ID@@';

/** The bucket pattern as a Fn::Join of its text and the account and region pseudo parameters. */
function bucketFromPattern(pattern: string): Json {
  const pieces: Json[] = [];
  for (const part of pattern.split(/(\{account\}|\{region\})/)) {
    if (part === '{account}') pieces.push(ref('AWS::AccountId'));
    else if (part === '{region}') pieces.push(ref('AWS::Region'));
    else if (part) pieces.push(part);
  }
  return { 'Fn::Join': ['', pieces] };
}

/** What the template is made from: the roll-out's input, the administering account and the StackSet's name. */
export interface TemplateSource {
  input: Pick<OrgRolloutInput, 'name' | 'region' | 'bucketPattern' | 'tableName' | 'roleName' | 'platformAccountId'>;
  adminAccount: string;
  stackSetName: string;
}

/** The StackSet's template as an object. */
export function stackSetTemplate(src: TemplateSource): Record<string, Json> {
  const { input } = src;
  const bucketName: Json = { 'Fn::If': ['DeriveBucketName', bucketFromPattern(input.bucketPattern), ref(PARAMS.bucketName)] };
  const externalId: Json = {
    'Fn::If': ['DeriveExternalId', { 'Fn::Join': ['-', [ref(PARAMS.externalIdBase), ref('AWS::AccountId')]] }, ref(PARAMS.externalId)],
  };
  const source = {
    name: input.name,
    region: input.region,
    bucketName: input.bucketPattern,
    tableName: input.tableName,
    roleName: input.roleName,
    externalId: TOKEN,
    platformAccountId: input.platformAccountId || DEFAULT_PLATFORM_ACCOUNT_ID,
  };
  const resources = configurationResources(source, { bucketName, tableName: input.tableName, roleName: input.roleName, externalId });
  const monitoringTrust = withExpression(JSON.parse(trustPolicy(src.adminAccount, TOKEN)), TOKEN, ref(PARAMS.monitoringExternalId));
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    // What the roll-out was made from, so status, destroy and --org read it back from the StackSet alone.
    Metadata: { [METADATA_KEY]: rolloutDescription(src) as unknown as Json },
    Description: `Onramp roll-out "${input.name}" for the Bodo Platform: each account's S3 bucket, DynamoDB lock table, cross-account IAM role, and a read-only monitoring role for account ${src.adminAccount}. Deployed in ${input.region}.`,
    Parameters: {
      [PARAMS.externalIdBase]: { Type: 'String', Description: "The roll-out's external ID base: an account's external ID is <base>-<account ID> unless overridden." },
      [PARAMS.externalId]: { Type: 'String', Default: '', Description: 'This account\'s external ID, when it must differ from the derived one (a per-account override).' },
      [PARAMS.bucketName]: { Type: 'String', Default: '', Description: "This account's bucket name, when it must differ from the pattern (a per-account override)." },
      [PARAMS.monitoringExternalId]: { Type: 'String', Description: 'The external ID the monitoring role requires of the administering account.' },
    },
    Conditions: {
      DeriveExternalId: { 'Fn::Equals': [ref(PARAMS.externalId), ''] },
      DeriveBucketName: { 'Fn::Equals': [ref(PARAMS.bucketName), ''] },
    },
    Rules: {
      ConfiguredRegion: {
        Assertions: [
          {
            Assert: { 'Fn::Equals': [ref('AWS::Region'), input.region] },
            AssertDescription: `This roll-out is for ${input.region}: deploy its instances in that region.`,
          },
        ],
      },
    },
    Resources: {
      ...resources,
      [MONITORING_ROLE_ID]: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: monitoringRoleNameFor(src.stackSetName),
          Description: `Lets Onramp in account ${src.adminAccount} read vCPU usage, alarms, quotas and this configuration (roll-out ${input.name}). Read-only. Created by Onramp.`,
          AssumeRolePolicyDocument: monitoringTrust,
          Policies: [
            {
              PolicyName: MONITORING_POLICY_NAME,
              PolicyDocument: monitoringPolicy({
                bucketArn: { 'Fn::Join': ['', ['arn:aws:s3:::', bucketName]] },
                tableArn: { 'Fn::GetAtt': [CFN_IDS.table, 'Arn'] },
                platformRoleArn: { 'Fn::GetAtt': [CFN_IDS.role, 'Arn'] },
              }),
            },
          ],
          Tags: exportTags(source),
        },
      },
    },
    Outputs: {
      RoleArn: { Description: "Role ARN for the platform's Cloud Configuration", Value: { 'Fn::GetAtt': [CFN_IDS.role, 'Arn'] } },
      TableArn: { Description: 'DynamoDB table ARN', Value: { 'Fn::GetAtt': [CFN_IDS.table, 'Arn'] } },
      BucketName: { Description: 'S3 bucket name', Value: { Ref: CFN_IDS.bucket } },
      ExternalId: { Description: 'External ID the platform role requires', Value: externalId },
      MonitoringRoleArn: { Description: 'Read-only role for the administering account', Value: { 'Fn::GetAtt': [MONITORING_ROLE_ID, 'Arn'] } },
    },
  };
}

/** The template as the JSON text CreateStackSet and UpdateStackSet take. */
export function renderStackSetTemplate(src: TemplateSource): string {
  return JSON.stringify(stackSetTemplate(src));
}
