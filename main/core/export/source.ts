import type { SetupInput } from '../../../shared/contract/setup';
import { renderPlatformPolicy } from '../setup/policy';
import { RESOURCE_SPEC, roleDescription as specRoleDescription, roleTrustPolicy, specTags } from '../setup/spec';

export { RESOURCE_SPEC } from '../setup/spec';

/** What every exporter renders: the validated inputs of a Cloud Configuration. */
export type ExportSource = SetupInput;

/** Stand-ins put into the policy template where a target language needs a reference, not a value. */
const TOKENS = { bucket: '@@ONRAMP_BUCKET_NAME@@', table: '@@ONRAMP_TABLE_ARN@@' } as const;

/** A piece of a policy string: literal text, or a reference to the bucket name or the table ARN. */
export type PolicyPart = { kind: 'text'; text: string } | { kind: 'ref'; ref: keyof typeof TOKENS };

/** A JSON value whose strings are split into literal text and references. */
export type PolicyValue = PolicyPart[] | PolicyValue[] | { [key: string]: PolicyValue } | number | boolean | null;

/** Split one string at the reference tokens. */
function splitTokens(value: string): PolicyPart[] {
  const parts: PolicyPart[] = [];
  const pattern = /@@ONRAMP_(BUCKET_NAME|TABLE_ARN)@@/g;
  let last = 0;
  for (const m of value.matchAll(pattern)) {
    if (m.index > last) parts.push({ kind: 'text', text: value.slice(last, m.index) });
    parts.push({ kind: 'ref', ref: m[1] === 'BUCKET_NAME' ? 'bucket' : 'table' });
    last = m.index + m[0].length;
  }
  if (last < value.length || parts.length === 0) parts.push({ kind: 'text', text: value.slice(last) });
  return parts;
}

function toParts(value: unknown): PolicyValue {
  if (typeof value === 'string') return splitTokens(value);
  if (Array.isArray(value)) return value.map(toParts);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toParts(v)]));
  return value as number | boolean | null;
}

/**
 * The platform's inline policy (the same template the app renders) with the bucket name and table
 * ARN left as references, so each exporter can write them the way its language refers to resources.
 */
export function platformPolicyParts(): PolicyValue {
  return toParts(JSON.parse(renderPlatformPolicy(TOKENS.bucket, TOKENS.table)));
}

/** True when a policy value is a string (a list of parts) rather than an array of values. */
export function isPartList(value: PolicyValue): value is PolicyPart[] {
  return Array.isArray(value) && value.every((v) => !Array.isArray(v) && v !== null && typeof v === 'object' && 'kind' in v);
}

/** The inline policy's name, as the app uses it. */
export const POLICY_NAME = RESOURCE_SPEC.role.inlinePolicyName;

/** The role description the app sets (the resource spec, main/core/setup/spec.ts). */
export function roleDescription(source: ExportSource): string {
  return specRoleDescription(source);
}

/** The trust policy as a plain object: the very document the app sets (the resource spec). */
export function trustDocument(source: ExportSource): Record<string, unknown> {
  return JSON.parse(roleTrustPolicy(source)) as Record<string, unknown>;
}

/** A single line safe to put in a comment of any target language (no control characters). */
export function commentText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}

/** The tags every resource carries. */
export function exportTags(source: ExportSource): { Key: string; Value: string }[] {
  return specTags(source);
}

/** A file-name-safe stem for a configuration name ("Prod: team/a" → "prod-team-a"). */
export function fileStem(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return `onramp-${slug || 'configuration'}`;
}
