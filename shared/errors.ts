/**
 * Stable error codes that cross the IPC boundary and appear in CLI output.
 * Raw SDK errors never cross: main maps them to one of these with a human message.
 */
export const ERROR_CODES = [
  'InvalidInput',
  'NotConnected',
  'CredentialsMissing',
  'ProfileNotFound',
  'SsoExpired',
  'MfaRequired',
  'MfaCancelled',
  'CredentialsExpired',
  'AccessDenied',
  'Conflict',
  'NotFound',
  'Throttled',
  'Timeout',
  'Network',
  'Busy',
  'RolledBack',
  'Cancelled',
  'WrongAccount',
  /** An AWS feature the account has not turned on yet, or whose data is not ready (Cost Explorer). */
  'NotEnabled',
  'AwsError',
  'PlatformAuth',
  'PlatformRejected',
  'PlatformUnavailable',
  'Internal',
] as const;

/** One stable error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The error shape every IPC response and CLI error uses. */
export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  /** The input field at fault, for InvalidInput. */
  field?: string;
}

/** An Error carrying a stable code; thrown inside main, converted to AppErrorShape at the boundary. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
  }

  /** The plain, serialisable form of this error. */
  toShape(): AppErrorShape {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}
