import { AppError, type ErrorCode } from '../../../shared/errors';

interface SdkLikeError {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthorizationError',
  'Forbidden',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'UnrecognizedClientException',
]);
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);
const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown',
  'LimitExceededException',
]);
const NOT_FOUND = new Set(['NoSuchEntity', 'NoSuchEntityException', 'ResourceNotFoundException', 'NoSuchBucket', 'NotFound', 'NotFoundException']);

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
  if (THROTTLED.has(name) || status === 429) return true;
  if (status !== undefined && status >= 500) return true;
  if (['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'InternalError', 'InternalFailure', 'ServiceUnavailable', 'InternalServerError'].includes(name)) return true;
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
  } else if (EXPIRED.has(name)) {
    code = 'CredentialsExpired';
    hint = ' Reconnect to refresh the credentials.';
  } else if (ACCESS_DENIED.has(name) || status === 403) {
    code = 'AccessDenied';
    hint = ' The connected identity lacks a permission; ask an administrator or use a profile with more rights.';
  } else if (THROTTLED.has(name) || status === 429) {
    code = 'Throttled';
    hint = ' AWS is rate-limiting requests; wait a moment and try again.';
  } else if (NOT_FOUND.has(name)) {
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
