import type { ManualStep } from '../../../shared/contract/setup';
import { AppError, type ErrorCode } from '../../../shared/errors';

interface SdkLikeError {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

/**
 * AWS error names by what they mean. S3, IAM, DynamoDB, SNS and Service Quotas each name the same
 * situation differently (NoSuchEntity, NoSuchBucket, ResourceNotFoundException, …); code asks
 * `isAwsError(err, 'notFound')` instead of comparing names as strings.
 */
const AWS_ERROR_NAMES = {
  accessDenied: ['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError', 'Forbidden', 'InvalidClientTokenId', 'SignatureDoesNotMatch', 'UnrecognizedClientException'],
  expired: ['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired'],
  throttled: ['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown', 'LimitExceededException'],
  notFound: ['NoSuchEntity', 'NoSuchEntityException', 'ResourceNotFoundException', 'NoSuchBucket', 'NotFound', 'NotFoundException'],
  /** Service Quotas: no such quota for this service and region. */
  noSuchQuota: ['NoSuchResourceException'],
  /** IAM CreateRole/CreatePolicy for a name that exists. */
  alreadyExists: ['EntityAlreadyExists', 'EntityAlreadyExistsException'],
  /** S3 CreateBucket for a name that exists (another account's, or this one's). */
  bucketTaken: ['BucketAlreadyExists', 'BucketAlreadyOwnedByYou'],
  /** DynamoDB CreateTable for a name that exists. */
  tableInUse: ['ResourceInUseException'],
  /** S3 bucket settings that were never set. */
  noTagSet: ['NoSuchTagSet'],
  noPublicAccessBlock: ['NoSuchPublicAccessBlockConfiguration'],
  noBucketEncryption: ['ServerSideEncryptionConfigurationNotFoundError'],
  /** A call given up through its AbortSignal (a timeout or a cancel). */
  aborted: ['AbortError'],
  timeout: ['TimeoutError', 'RequestTimeout', 'RequestTimeoutException'],
  serverError: ['InternalError', 'InternalFailure', 'ServiceUnavailable', 'InternalServerError'],
} as const satisfies Record<string, readonly string[]>;

/** One meaning an AWS error name can have. */
export type AwsErrorKind = keyof typeof AWS_ERROR_NAMES;

const KIND_SETS = Object.fromEntries(Object.entries(AWS_ERROR_NAMES).map(([k, names]) => [k, new Set<string>(names)])) as unknown as Record<AwsErrorKind, ReadonlySet<string>>;

/** True when an SDK error is of one kind (by its name, whatever service raised it). */
export function isAwsError(err: unknown, kind: AwsErrorKind): boolean {
  return KIND_SETS[kind].has(errorName(err));
}

/** True when the resource a call named does not exist (any service's way of saying so). */
export const isNotFound = (err: unknown): boolean => isAwsError(err, 'notFound');

/** Await a delete call: true when it deleted, false when the resource was already gone; other errors throw. */
export async function deletedUnlessGone(call: Promise<unknown>): Promise<boolean> {
  try {
    await call;
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

/** The error's name, whatever shape the SDK gave it. */
export function errorName(err: unknown): string {
  const e = err as SdkLikeError | null;
  return e?.name || e?.Code || e?.code || 'Error';
}

/**
 * True for errors that can succeed when the same call is tried again: throttling, 5xx answers,
 * timeouts and network failures. Access denied, validation and not-found errors cannot.
 */
export function isRetryable(err: unknown): boolean {
  const name = errorName(err);
  const status = httpStatus(err);
  if (KIND_SETS.throttled.has(name) || status === 429) return true;
  if (status !== undefined && status >= 500) return true;
  if (KIND_SETS.timeout.has(name) || KIND_SETS.serverError.has(name)) return true;
  const raw = String((err as SdkLikeError | null)?.message ?? '');
  if (err instanceof AppError) return err.code === 'Throttled' || err.code === 'Timeout' || err.code === 'Network';
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EAI_AGAIN|socket hang up|timed? ?out/i.test(raw + name);
}

/** The HTTP status the SDK recorded for a failed call, if any. */
export function httpStatus(err: unknown): number | undefined {
  return (err as SdkLikeError | null)?.$metadata?.httpStatusCode;
}

/** Strip anything that looks like key material or request signatures from an SDK message. */
function scrub(message: string): string {
  return message
    .replace(/(AKIA|ASIA)[A-Z0-9]{12,}/g, '[redacted-key-id]')
    .replace(/(Signature|X-Amz-Security-Token|X-Amz-Credential)=[^&\s]+/gi, '$1=[redacted]')
    .slice(0, 500);
}

/**
 * Convert anything thrown by the SDK (or our own code) into an AppError with a stable code and a
 * human message that says what to do next. Raw SDK errors never cross IPC.
 */
export function toAppError(err: unknown, context?: string): AppError {
  if (err instanceof AppError) return err;
  const name = errorName(err);
  const raw = scrub(String((err as SdkLikeError | null)?.message ?? err));
  const prefix = context ? `${context}: ` : '';
  const status = httpStatus(err);
  let code: ErrorCode = 'AwsError';
  let hint = '';
  if (/SSO session .*(expired|invalid)|token.*(expired|invalid).*sso|sso.*token/i.test(raw)) {
    code = 'SsoExpired';
  } else if (name === 'CredentialsProviderError' || /Could not load credentials|Unable to locate credentials/i.test(raw)) {
    code = 'CredentialsMissing';
    hint = ' Check the profile in your AWS config and credentials files.';
  } else if (KIND_SETS.expired.has(name)) {
    code = 'CredentialsExpired';
    hint = ' Reconnect to refresh the credentials.';
  } else if (KIND_SETS.accessDenied.has(name) || status === 403) {
    code = 'AccessDenied';
    hint = ' The connected identity lacks a permission; ask an administrator or use a profile with more rights.';
  } else if (KIND_SETS.throttled.has(name) || status === 429) {
    code = 'Throttled';
    hint = ' AWS is rate-limiting requests; wait a moment and try again.';
  } else if (KIND_SETS.notFound.has(name)) {
    code = 'NotFound';
  } else if (name === 'TimeoutError' || /timed? ?out/i.test(raw)) {
    code = 'Timeout';
    hint = ' AWS did not answer in time; check your network and try again.';
  } else if (/ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|socket hang up|EPIPE|network/i.test(raw + name)) {
    code = 'Network';
    hint = ' Could not reach the AWS endpoint; check your network or endpoint override.';
  }
  // "connect ECONNREFUSED 127.0.0.1:5999" has no full stop: end the sentence before the hint.
  const sentence = hint && !/[.!?]$/.test(raw.trim()) ? `${raw.trim()}.` : raw;
  return new AppError(code, `${prefix}${name === 'Error' ? '' : `${name}: `}${sentence}${hint}`);
}

/**
 * A run (setup apply, alarm create) that failed or was cancelled after undoing what it had changed.
 * `rolledBack` lists what was undone; `manual` what could not be, each with the command to finish by
 * hand. The one way such an error is made, and `isRolledBack` the one way it is recognised.
 */
export class RolledBackError extends AppError {
  constructor(
    message: string,
    readonly rolledBack: string[],
    readonly cause: AppError,
    readonly manual: ManualStep[] = [],
    /** Cancelled when the run was stopped by its signal (by default: when the cause says so). */
    code: 'RolledBack' | 'Cancelled' = cause.code === 'Cancelled' ? 'Cancelled' : 'RolledBack',
  ) {
    super(code, message, cause.field);
  }
}

/** True for a run that undid its own changes (whichever run it was). */
export function isRolledBack(err: unknown): err is RolledBackError {
  return err instanceof RolledBackError;
}
