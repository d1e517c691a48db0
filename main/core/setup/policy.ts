import template from './platform-policy.template.json';
import { AppError } from '../../../shared/errors';

/** IAM's limit for an inline role policy, in characters excluding white space. */
export const INLINE_ROLE_POLICY_LIMIT = 10_240;

/** The platform's published role policy (docs/platform-api.md#onboarding), with $$BUCKET_NAME$$ and $$DYNAMO_ARN$$ placeholders. */
export const POLICY_TEMPLATE: string = JSON.stringify(template);

/**
 * Render the platform's inline policy for a bucket and a table ARN. Substitution happens on the
 * parsed document's string values (never by text replacement of the serialised JSON), so a value
 * can never break out of its string. Fails if a placeholder survives or IAM's size limit is exceeded.
 */
export function renderPlatformPolicy(bucketName: string, tableArn: string): string {
  const substitute = (value: unknown): unknown => {
    if (typeof value === 'string') return value.split('$$BUCKET_NAME$$').join(bucketName).split('$$DYNAMO_ARN$$').join(tableArn);
    if (Array.isArray(value)) return value.map(substitute);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v)]));
    }
    return value;
  };
  const doc = JSON.stringify(substitute(template));
  if (doc.includes('$$')) throw new AppError('Internal', 'A placeholder survived policy rendering.');
  if (doc.length > INLINE_ROLE_POLICY_LIMIT) {
    throw new AppError('InvalidInput', `The rendered policy is ${doc.length} characters; IAM allows ${INLINE_ROLE_POLICY_LIMIT}.`);
  }
  return doc;
}

/** Parse a policy document as IAM returns it (URL-encoded JSON) or as text. */
export function parsePolicyDocument(doc: string | undefined): unknown {
  if (!doc) return null;
  const text = doc.trimStart().startsWith('{') ? doc : decodeURIComponent(doc);
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Normalise a policy for comparison: single-element arrays and strings are equivalent in IAM. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 1 ? normalise(value[0]) : value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'Sid')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, normalise(v)]),
    );
  }
  return value;
}

/** True when two policy documents grant the same thing (ignoring Sids, key order and 1-element arrays). */
export function samePolicy(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}
