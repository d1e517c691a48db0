/**
 * Names of an organization roll-out, checked before any request: the roll-out's own name, the
 * bucket-name pattern every account's bucket is made from, and the IDs of AWS Organizations.
 * Formats: the AWS Organizations API reference (Account.Id, OrganizationalUnit.Id, Root.Id
 * patterns) and CloudFormation's StackSetName pattern `[a-zA-Z][-a-zA-Z0-9]*`
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStackSet.html).
 */
import { SUPPORTED_REGIONS } from '../regions';
import { validateBucketName, validateConfigurationName, type Validator } from './names';

/** The placeholders a bucket pattern may hold. */
export const BUCKET_PATTERN_PLACEHOLDERS = ['{account}', '{region}'] as const;

/** A 12-digit account ID standing in for every account when a pattern is checked. */
const SAMPLE_ACCOUNT = '123456789012';

/** The longest roll-out name: the per-account platform name `<name>-<12 digits>` must stay within 64 characters. */
export const ROLLOUT_NAME_MAX = 40;

/** The bucket name a pattern gives one account in one region. */
export function expandBucketPattern(pattern: string, account: string, region: string): string {
  return pattern.split('{account}').join(account).split('{region}').join(region);
}

/**
 * A bucket name pattern: must hold `{account}` (bucket names are global, so each account's must
 * differ), may hold `{region}`, no other braces, and give a valid bucket name for any account in
 * every supported region.
 */
export const validateBucketPattern: Validator = (value) => {
  const field = 'S3 bucket name pattern';
  if (!value.includes('{account}')) return `${field} must contain {account}: bucket names are global, so each account's bucket needs its own name (e.g. acme-bodo-{account}).`;
  const rest = BUCKET_PATTERN_PLACEHOLDERS.reduce((text, p) => text.split(p).join(''), value);
  if (/[{}]/.test(rest)) return `${field} may only use the placeholders {account} and {region}.`;
  for (const region of SUPPORTED_REGIONS) {
    const problem = validateBucketName(expandBucketPattern(value, SAMPLE_ACCOUNT, region));
    if (problem) return `${field} gives an invalid name for account ${SAMPLE_ACCOUNT} in ${region}: ${problem}`;
  }
  return null;
};

/** A roll-out name: a configuration name of at most 40 characters with a letter or digit in it (the StackSet is named after it). */
export const validateRolloutName: Validator = (value) => {
  const base = validateConfigurationName(value);
  if (base) return base.replace('Configuration name', 'Roll-out name');
  if (value.length > ROLLOUT_NAME_MAX) return `Roll-out name must be at most ${ROLLOUT_NAME_MAX} characters (it is ${value.length}): each account's platform name adds its account ID.`;
  if (!/[A-Za-z0-9]/.test(value)) return 'Roll-out name must contain a letter or a digit.';
  return null;
};

/** An organizational unit (`ou-…`) or the organization's root (`r-…`). */
export const validateOuId: Validator = (value) =>
  /^(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32})$/.test(value)
    ? null
    : `"${value.slice(0, 80)}" is not an organizational unit ID like ou-ab12-cd34ef56 (or a root ID like r-ab12).`;

/** A member account ID: 12 digits. */
export const validateMemberAccountId: Validator = (value) => (/^\d{12}$/.test(value) ? null : `"${value.slice(0, 80)}" is not an AWS account ID (12 digits).`);

/** Split a comma- or space-separated list flag ("a,b c") into its items, each once, in order. */
export function splitList(raw: string): string[] {
  return [...new Set(raw.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean))];
}
