import { renderPlatformPolicy } from '../setup/policy';
import { bucketEncryptionConfiguration } from '../setup/spec';
import { commentText, fileStem, exportTags, POLICY_NAME, RESOURCE_SPEC, roleDescription, trustDocument, type ExportSource } from './source';

/** Quote text as one bash word: single quotes, with each `'` written as `'\''`. Nothing inside expands. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Stand-in for the table ARN in the policy; the script swaps in the ARN DescribeTable reports. */
const TABLE_ARN_TOKEN = '@@ONRAMP_TABLE_ARN@@';

/**
 * Render the configuration as a bash script of AWS CLI calls with the same effect as the app's
 * apply. Every value is assigned once at the top, single-quoted, and used only as "$VAR", so no
 * value is ever parsed by the shell. The AWS CLI honours AWS_ENDPOINT_URL (v2, and v1 with
 * botocore ≥ 1.31), which is how the tests point it at moto.
 */
export function renderCliScript(source: ExportSource): string {
  const tags = exportTags(source);
  const pab = Object.entries(RESOURCE_SPEC.bucket.publicAccessBlock).map(([k, v]) => `${k}=${String(v)}`).join(',');
  const { lockKey, lockKeyType, billingMode } = RESOURCE_SPEC.table;
  const locationArgs =
    // us-east-1 rejects a LocationConstraint naming itself (docs/aws-facts.md#s3).
    source.region === 'us-east-1' ? '' : ` \\\n  --create-bucket-configuration "LocationConstraint=$REGION"`;
  return `#!/usr/bin/env bash
# Onramp Cloud Configuration "${commentText(source.name)}" for the Bodo Platform, as AWS CLI calls:
# S3 bucket, DynamoDB lock table and cross-account IAM role with its inline policy.
#
# Run with credentials for the target account, e.g.: AWS_PROFILE=my-admin bash ${fileStem(source.name)}.sh
# Needs bash and the AWS CLI (v2, or v1). To use an emulator (moto, LocalStack), export
# AWS_ENDPOINT_URL=http://host:port first (honoured by CLI v2 and by v1 with botocore >= 1.31).
# Creates the resources; it stops at the first error (for example when one already exists).
set -euo pipefail

REGION=${shellQuote(source.region)}
CONFIGURATION_NAME=${shellQuote(source.name)}
BUCKET=${shellQuote(source.bucketName)}
TABLE=${shellQuote(source.tableName)}
ROLE=${shellQuote(source.roleName)}
POLICY_NAME=${shellQuote(POLICY_NAME)}
ROLE_DESCRIPTION=${shellQuote(roleDescription(source))}
TAGS_JSON=${shellQuote(JSON.stringify(tags))}
BUCKET_TAGGING_JSON=${shellQuote(JSON.stringify({ TagSet: tags }))}
TRUST_POLICY_JSON=${shellQuote(JSON.stringify(trustDocument(source)))}
# The platform's policy; ${TABLE_ARN_TOKEN} is replaced by the table's ARN once it exists.
POLICY_TEMPLATE_JSON=${shellQuote(renderPlatformPolicy(source.bucketName, TABLE_ARN_TOKEN))}

log() { printf '%s\\n' "$*" >&2; }

log "S3 bucket $BUCKET in $REGION"
aws s3api create-bucket --region "$REGION" --bucket "$BUCKET"${locationArgs} >/dev/null
aws s3api put-public-access-block --region "$REGION" --bucket "$BUCKET" \\
  --public-access-block-configuration ${shellQuote(pab)}
aws s3api put-bucket-encryption --region "$REGION" --bucket "$BUCKET" \\
  --server-side-encryption-configuration ${shellQuote(JSON.stringify(bucketEncryptionConfiguration()))}
aws s3api put-bucket-tagging --region "$REGION" --bucket "$BUCKET" --tagging "$BUCKET_TAGGING_JSON"

log "DynamoDB table $TABLE (partition key ${lockKey}, on-demand)"
aws dynamodb create-table --region "$REGION" --table-name "$TABLE" \\
  --attribute-definitions AttributeName=${lockKey},AttributeType=${lockKeyType} \\
  --key-schema AttributeName=${lockKey},KeyType=HASH \\
  --billing-mode ${billingMode} \\
  --tags "$TAGS_JSON" >/dev/null
aws dynamodb wait table-exists --region "$REGION" --table-name "$TABLE"
TABLE_ARN="$(aws dynamodb describe-table --region "$REGION" --table-name "$TABLE" --query 'Table.TableArn' --output text)"

# IAM is global; --region only lets the CLI sign the request when no default region is configured.
log "IAM role $ROLE"
aws iam create-role --region "$REGION" --role-name "$ROLE" --description "$ROLE_DESCRIPTION" \\
  --assume-role-policy-document "$TRUST_POLICY_JSON" --tags "$TAGS_JSON" >/dev/null
aws iam wait role-exists --region "$REGION" --role-name "$ROLE"
ROLE_ARN="$(aws iam get-role --region "$REGION" --role-name "$ROLE" --query 'Role.Arn' --output text)"

log "Inline policy $POLICY_NAME"
POLICY_JSON="\${POLICY_TEMPLATE_JSON//${TABLE_ARN_TOKEN}/"$TABLE_ARN"}"
aws iam put-role-policy --region "$REGION" --role-name "$ROLE" --policy-name "$POLICY_NAME" --policy-document "$POLICY_JSON"

log "Done: enter these in the platform's Cloud Configuration form."
printf 'name=%s\\nregion=%s\\nbucket=%s\\ntable=%s\\ntable_arn=%s\\nrole_arn=%s\\n' \\
  "$CONFIGURATION_NAME" "$REGION" "$BUCKET" "$TABLE" "$TABLE_ARN" "$ROLE_ARN"
`;
}
