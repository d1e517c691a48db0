import { SUPPORTED_REGIONS } from '../../../shared/regions';
import { commentText, exportTags, isPartList, RESOURCE_SPEC, platformPolicyParts, POLICY_NAME, roleDescription, type ExportSource, type PolicyValue } from './source';

/**
 * Escape text for inside an HCL quoted string: backslash and quote, control characters, and the
 * template introducers `${` and `%{` (written `$${` and `%%{`), so a value can never interpolate.
 */
export function hclEscape(text: string): string {
  return text
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
}

/** An HCL string literal. */
export function hclString(text: string): string {
  return `"${hclEscape(text)}"`;
}

const REFS = { bucket: 'aws_s3_bucket.state.bucket', table: 'aws_dynamodb_table.lock.arn' } as const;

/** A JSON-like value as an HCL expression (objects with quoted keys), `indent` spaces deep. */
function hclValue(value: unknown, indent: number): string {
  const pad = ' '.repeat(indent + 2);
  const end = ' '.repeat(indent);
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${pad}${hclValue(v, indent + 2)},`).join('\n')}\n${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return hclObject(entries.map(([k, v]) => [hclString(k), hclValue(v, indent + 2)]), indent);
}

/**
 * An HCL object from rendered keys and values, laid out as `terraform fmt` does: the `=` of
 * consecutive single-line attributes line up; an attribute whose value spans lines stands alone.
 */
function hclObject(entries: [string, string][], indent: number): string {
  const pad = ' '.repeat(indent + 2);
  const lines: string[] = [];
  let run: [string, string][] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map(([k]) => k.length));
    for (const [k, v] of run) lines.push(`${pad}${k.padEnd(width)} = ${v}`);
    run = [];
  };
  for (const [k, v] of entries) {
    if (v.includes('\n')) {
      flush();
      lines.push(`${pad}${k} = ${v}`);
    } else {
      run.push([k, v]);
    }
  }
  flush();
  return `{\n${lines.join('\n')}\n${' '.repeat(indent)}}`;
}

/** The inline policy as an HCL expression, with the bucket name and table ARN as references. */
function hclPolicy(value: PolicyValue, indent: number): string {
  if (value !== null && typeof value === 'object' && isPartList(value)) {
    if (value.length === 1 && value[0]!.kind === 'ref') return REFS[value[0]!.ref];
    return `"${value.map((p) => (p.kind === 'text' ? hclEscape(p.text) : `\${${REFS[p.ref]}}`)).join('')}"`;
  }
  const pad = ' '.repeat(indent + 2);
  const end = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => `${pad}${hclPolicy(v, indent + 2)},`).join('\n')}\n${end}]`;
  }
  if (value === null || typeof value !== 'object') return hclValue(value, indent);
  return hclObject(Object.entries(value).map(([k, v]) => [hclString(k), hclPolicy(v, indent + 2)]), indent);
}

/** Render the configuration as one Terraform file (AWS provider ~> 5.0; the region is a variable). */
export function renderTerraform(source: ExportSource): string {
  const pab = RESOURCE_SPEC.bucket.publicAccessBlock;
  const { lockKey, lockKeyType, billingMode } = RESOURCE_SPEC.table;
  // Tag values that are the configuration name refer to the local, so editing the name retags everything.
  const tags = hclObject(
    exportTags(source).map((t) => [hclString(t.Key), t.Value === source.name ? 'local.configuration_name' : hclString(t.Value)]),
    2,
  );
  const regions = SUPPORTED_REGIONS.map((r) => hclString(r)).join(', ');
  return `# Onramp Cloud Configuration "${commentText(source.name)}" for the Bodo Platform:
# S3 bucket, DynamoDB lock table and cross-account IAM role with its inline policy.
# Deploy with: terraform init && terraform apply
# Credentials come from the usual AWS provider sources (AWS_PROFILE, environment, SSO, ...).

terraform {
  required_version = ">= 1.3.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "region" {
  description = "Region of the bucket and table; the platform's Cloud Configuration form asks for it."
  type        = string
  default     = ${hclString(source.region)}

  validation {
    condition     = contains([${regions}], var.region)
    error_message = "The Bodo Platform supports ${SUPPORTED_REGIONS.join(', ')}."
  }
}

provider "aws" {
  region = var.region
}

locals {
  configuration_name  = ${hclString(source.name)}
  bucket_name         = ${hclString(source.bucketName)}
  table_name          = ${hclString(source.tableName)}
  role_name           = ${hclString(source.roleName)}
  external_id         = ${hclString(source.externalId)}
  platform_account_id = ${hclString(source.platformAccountId)}

  tags = ${tags}
}

resource "aws_s3_bucket" "state" {
  bucket = local.bucket_name
  tags   = local.tags
}

resource "aws_s3_bucket_public_access_block" "state" {
  bucket                  = aws_s3_bucket.state.id
  block_public_acls       = ${pab.BlockPublicAcls}
  ignore_public_acls      = ${pab.IgnorePublicAcls}
  block_public_policy     = ${pab.BlockPublicPolicy}
  restrict_public_buckets = ${pab.RestrictPublicBuckets}
}

resource "aws_s3_bucket_server_side_encryption_configuration" "state" {
  bucket = aws_s3_bucket.state.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = ${hclString(RESOURCE_SPEC.bucket.encryption)}
    }
  }
}

resource "aws_dynamodb_table" "lock" {
  name         = local.table_name
  billing_mode = ${hclString(billingMode)}
  hash_key     = ${hclString(lockKey)}
  tags         = local.tags

  attribute {
    name = ${hclString(lockKey)}
    type = ${hclString(lockKeyType)}
  }
}

resource "aws_iam_role" "platform" {
  name        = local.role_name
  description = ${hclString(roleDescription(source))}
  tags        = local.tags

  # The same trust document the app sets (main/core/setup/trust.ts).
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::\${local.platform_account_id}:root" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "sts:ExternalId" = local.external_id } }
    }]
  })
}

resource "aws_iam_role_policy" "platform" {
  name = ${hclString(POLICY_NAME)}
  role = aws_iam_role.platform.id

  policy = jsonencode(${hclPolicy(platformPolicyParts(), 2)})
}

output "role_arn" {
  description = "Role ARN for the platform's Cloud Configuration form"
  value       = aws_iam_role.platform.arn
}

output "table_arn" {
  description = "DynamoDB table ARN"
  value       = aws_dynamodb_table.lock.arn
}

output "bucket_name" {
  value = aws_s3_bucket.state.bucket
}

output "table_name" {
  value = aws_dynamodb_table.lock.name
}

output "external_id" {
  value = local.external_id
}

output "region" {
  value = var.region
}
`;
}
