/**
 * AWS naming rules, checked before any request. Each validator returns null when the value is
 * valid, or a message that names the field and says what is allowed. Rules and their sources:
 * docs/aws-facts.md#naming-rules (S3 bucket naming, DynamoDB, IAM and STS limits).
 */

/** A validator: null when valid, otherwise a message naming the field and what is allowed. */
export type Validator = (value: string) => string | null;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
const BUCKET_FORBIDDEN_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const BUCKET_FORBIDDEN_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3'];

/** "<field> contains spaces: " (or a line break) when a value has whitespace inside, else "". */
function whitespacePrefix(field: string, value: string): string {
  if (/[\r\n]/.test(value)) return `${field} contains a line break: it `;
  if (/\s/.test(value)) return `${field} contains spaces: it `;
  return `${field} `;
}

function lengthProblem(field: string, value: string, min: number, max: number): string | null {
  if (value.length < min || value.length > max) {
    return `${field} must be ${min}–${max} characters long (it is ${value.length}).`;
  }
  return null;
}

/** S3 bucket name: 3–63 of a-z 0-9 . -, letter/digit at both ends, no "..", not an IP, no reserved affixes. */
export const validateBucketName: Validator = (value) => {
  const field = 'S3 bucket name';
  const len = lengthProblem(field, value, 3, 63);
  if (len) return len;
  if (!/^[a-z0-9.-]+$/.test(value)) {
    return `${whitespacePrefix(field, value)}may only contain lowercase letters a–z, digits 0–9, dots (.) and hyphens (-).`;
  }
  if (!/^[a-z0-9]/.test(value) || !/[a-z0-9]$/.test(value)) {
    return `${field} must start and end with a lowercase letter or a digit.`;
  }
  if (value.includes('..')) return `${field} must not contain two adjacent dots (..).`;
  if (/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(value)) {
    return `${field} must not be formatted like an IP address (e.g. 192.168.5.4).`;
  }
  const prefix = BUCKET_FORBIDDEN_PREFIXES.find((p) => value.startsWith(p));
  if (prefix) return `${field} must not start with the reserved prefix "${prefix}".`;
  const suffix = BUCKET_FORBIDDEN_SUFFIXES.find((s) => value.endsWith(s));
  if (suffix) return `${field} must not end with the reserved suffix "${suffix}".`;
  return null;
};

/** DynamoDB table name: 3–255 of a-z A-Z 0-9 _ - . */
export const validateTableName: Validator = (value) => {
  const field = 'DynamoDB table name';
  const len = lengthProblem(field, value, 3, 255);
  if (len) return len;
  if (!/^[A-Za-z0-9_.-]+$/.test(value)) {
    return `${whitespacePrefix(field, value)}may only contain letters A–Z a–z, digits 0–9, underscores (_), hyphens (-) and dots (.).`;
  }
  return null;
};

/** IAM role name: 1–64 of A-Z a-z 0-9 + = , . @ _ - */
export const validateRoleName: Validator = (value) => {
  const field = 'IAM role name';
  const len = lengthProblem(field, value, 1, 64);
  if (len) return len;
  if (!/^[A-Za-z0-9+=,.@_-]+$/.test(value)) {
    return `${whitespacePrefix(field, value)}may only contain letters, digits and + = , . @ _ -`;
  }
  return null;
};

/** STS external ID: 2–1224 of A-Z a-z 0-9 + = , . @ : / _ - */
export const validateExternalId: Validator = (value) => {
  const field = 'External ID';
  const len = lengthProblem(field, value, 2, 1224);
  if (len) return len;
  if (!/^[A-Za-z0-9+=,.@:/_-]+$/.test(value)) {
    return `${whitespacePrefix(field, value)}may only contain letters, digits and + = , . @ : / _ -`;
  }
  return null;
};

/** AWS account ID: exactly 12 digits (normalise `4816-3362-4848` first with normaliseAccountId). */
export const validateAccountId: Validator = (value) => {
  if (/^\d{12}$/.test(value)) return null;
  const rule = 'Platform account ID must be exactly 12 digits (e.g. 481633624848 or 4816-3362-4848)';
  if (/^[\d -]+$/.test(value)) {
    const digits = value.replace(/[ -]/g, '').length;
    if (digits !== 12) return `${rule}; it has ${digits}.`;
    return `${rule}; group the digits in fours, or leave out the ${/ /.test(value) ? 'spaces' : 'dashes'}.`;
  }
  if (/\s/.test(value)) return `Platform account ID contains spaces: it must be exactly 12 digits (e.g. 481633624848).`;
  return `${rule}; it contains a character other than the digits 0–9.`;
};

/**
 * Cloud Configuration name: 1–64 printable characters without control characters or "$$".
 * It becomes a tag value (max 256, letters, digits, spaces and + - = . _ : / @), so the set is limited to that.
 */
export const validateConfigurationName: Validator = (value) => {
  const field = 'Configuration name';
  const len = lengthProblem(field, value, 1, 64);
  if (len) return len;
  if (CONTROL_CHARS.test(value)) return `${field} must not contain control characters.`;
  if (value.trim() !== value) return `${field} must not start or end with a space.`;
  if (!/^[A-Za-z0-9 +\-=._:/@]+$/.test(value)) {
    return `${field} may only contain letters, digits, spaces and + - = . _ : / @`;
  }
  return null;
};

/** CloudWatch alarm name: 1–255 characters, no control characters. */
export const validateAlarmName: Validator = (value) => {
  const field = 'Alarm name';
  const len = lengthProblem(field, value, 1, 255);
  if (len) return len;
  if (CONTROL_CHARS.test(value)) return `${field} must not contain control characters.`;
  if (value.trim() !== value) return `${field} must not start or end with a space.`;
  return null;
};

/** SNS topic name: 1–256 of letters, digits, - and _. */
export const validateTopicName: Validator = (value) => {
  const field = 'SNS topic name';
  const len = lengthProblem(field, value, 1, 256);
  if (len) return len;
  if (!/^[A-Za-z0-9_-]+$/.test(value)) return `${field} may only contain letters, digits, hyphens (-) and underscores (_).`;
  return null;
};

/** Email address for an SNS subscription: a pragmatic RFC 5322 subset, ASCII only, max 254. */
export const validateEmail: Validator = (value) => {
  const field = 'Email address';
  if (value.length > 254) return `${field} must be at most 254 characters.`;
  if (!/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/.test(value)) {
    return `${field} "${value.slice(0, 60)}" is not a valid address like name@example.com.`;
  }
  return null;
};
