import { bucketEncryptionConfiguration, tableKeySchema } from '../setup/spec';
import { exportTags, isPartList, RESOURCE_SPEC, platformPolicyParts, POLICY_NAME, roleDescription, trustDocument, type ExportSource, type PolicyValue } from './source';

/** Logical IDs in the template (stable: renaming them would replace resources on stack update). */
export const CFN_IDS = { bucket: 'StateBucket', table: 'LockTable', role: 'PlatformRole' } as const;

/** A JSON value of a template. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * The values a template puts into the resources: literals for a one-account stack (the export), or
 * CloudFormation expressions for a StackSet, whose accounts each get their own bucket name and
 * external ID (main/core/org/template.ts). Everything else comes from the resource spec.
 */
export interface ResourceValues {
  bucketName: Json;
  tableName: Json;
  roleName: Json;
  externalId: Json;
}

/** The token put into a rendered document where an expression belongs (never a valid value of any field). */
const EXTERNAL_ID_TOKEN = '@@ONRAMP_EXTERNAL_ID@@';

/** Replace every string equal to `token` by `expr` in a JSON value (how a document rendered with a token gets an expression). */
export function withExpression(value: unknown, token: string, expr: Json): Json {
  if (value === token) return expr;
  if (Array.isArray(value)) return value.map((v) => withExpression(v, token, expr));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withExpression(v, token, expr)]));
  return value as Json;
}

/**
 * The inline policy in CloudFormation terms: the bucket name as a literal, the table ARN as
 * Fn::GetAtt of the table (Fn::Join when it is part of a longer string, which avoids Fn::Sub's
 * `${}` syntax so no literal needs escaping).
 */
function policyJson(value: PolicyValue, bucketName: Json): Json {
  if (value === null || typeof value !== 'object') return value;
  if (isPartList(value)) {
    const pieces: Json[] = value.map((p) =>
      p.kind === 'text' ? p.text : p.ref === 'bucket' ? bucketName : { 'Fn::GetAtt': [CFN_IDS.table, 'Arn'] },
    );
    if (pieces.every((p) => typeof p === 'string')) return pieces.join('');
    return pieces.length === 1 ? pieces[0]! : { 'Fn::Join': ['', pieces] };
  }
  if (Array.isArray(value)) return value.map((v) => policyJson(v, bucketName));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, policyJson(v, bucketName)]));
}

/**
 * The bucket, table and role of a configuration as CloudFormation resources: every property from
 * the resource spec, the names and external ID from `values` (literals or expressions), the names
 * and tags of `source`.
 */
export function configurationResources(source: ExportSource, values: ResourceValues): Record<string, Json> {
  const tags = exportTags(source);
  const trust = withExpression(trustDocument({ ...source, externalId: EXTERNAL_ID_TOKEN }), EXTERNAL_ID_TOKEN, values.externalId);
  return {
    [CFN_IDS.bucket]: {
      Type: 'AWS::S3::Bucket',
      // The bucket is the platform's state store: never delete it with the stack.
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BucketName: values.bucketName,
        PublicAccessBlockConfiguration: { ...RESOURCE_SPEC.bucket.publicAccessBlock },
        // CloudFormation names the S3 API's ApplyServerSideEncryptionByDefault "ServerSideEncryptionByDefault".
        BucketEncryption: {
          ServerSideEncryptionConfiguration: bucketEncryptionConfiguration().Rules.map((r) => ({ ServerSideEncryptionByDefault: { ...r.ApplyServerSideEncryptionByDefault } })),
        },
        Tags: tags,
      },
    },
    [CFN_IDS.table]: {
      Type: 'AWS::DynamoDB::Table',
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
      Properties: {
        TableName: values.tableName,
        ...(tableKeySchema() as unknown as Record<string, Json>),
        BillingMode: RESOURCE_SPEC.table.billingMode,
        Tags: tags,
      },
    },
    [CFN_IDS.role]: {
      Type: 'AWS::IAM::Role',
      Properties: {
        RoleName: values.roleName,
        Description: roleDescription(source),
        AssumeRolePolicyDocument: trust,
        Policies: [{ PolicyName: POLICY_NAME, PolicyDocument: policyJson(platformPolicyParts(), values.bucketName) }],
        Tags: tags,
      },
    },
  };
}

/** The CloudFormation template as an object (JSON-serialisable). */
export function cloudFormationTemplate(source: ExportSource): Record<string, Json> {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Onramp Cloud Configuration "${source.name}" for the Bodo Platform: S3 bucket, DynamoDB lock table and cross-account IAM role. Deploy in ${source.region}.`,
    Rules: {
      ConfiguredRegion: {
        Assertions: [
          {
            Assert: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, source.region] },
            AssertDescription: `This configuration is for ${source.region}: create the stack in that region.`,
          },
        ],
      },
    },
    Resources: configurationResources(source, { bucketName: source.bucketName, tableName: source.tableName, roleName: source.roleName, externalId: source.externalId }),
    Outputs: {
      RoleArn: { Description: 'Role ARN for the platform\'s Cloud Configuration form', Value: { 'Fn::GetAtt': [CFN_IDS.role, 'Arn'] } },
      TableArn: { Description: 'DynamoDB table ARN', Value: { 'Fn::GetAtt': [CFN_IDS.table, 'Arn'] } },
      BucketName: { Description: 'S3 bucket name', Value: { Ref: CFN_IDS.bucket } },
      TableName: { Description: 'DynamoDB table name', Value: { Ref: CFN_IDS.table } },
      ExternalId: { Description: 'External ID the role requires', Value: source.externalId },
      Region: { Description: 'Region of the bucket and table', Value: { Ref: 'AWS::Region' } },
    },
  };
}

/** Render the CloudFormation template as JSON text (JSON.stringify escapes every value). */
export function renderCloudFormation(source: ExportSource): string {
  return JSON.stringify(cloudFormationTemplate(source), null, 2) + '\n';
}
