import type { AppErrorShape, ErrorCode } from '../../../shared/errors';

/** A short title per error code (a Record, so a new code without a title fails the build). */
const ERROR_TITLES: Record<ErrorCode, string> = {
  InvalidInput: 'Check the input',
  NotConnected: 'Not connected',
  CredentialsMissing: 'No usable credentials',
  ProfileNotFound: 'Profile not found',
  SsoExpired: 'SSO session expired',
  MfaRequired: 'MFA code needed',
  MfaCancelled: 'MFA cancelled',
  CredentialsExpired: 'Credentials expired',
  AccessDenied: 'Access denied',
  Conflict: 'Conflict with existing resources',
  NotFound: 'Not found',
  Throttled: 'AWS is throttling requests',
  Timeout: 'Timed out',
  Network: 'Network problem',
  Busy: 'Busy',
  RolledBack: 'Failed and rolled back',
  Cancelled: 'Cancelled',
  WrongAccount: 'Connected to another account',
  NotEnabled: 'Not enabled for this account yet',
  AwsError: 'AWS returned an error',
  PlatformAuth: 'The Bodo Platform refused the credentials',
  PlatformRejected: 'The Bodo Platform refused the request',
  PlatformUnavailable: 'The Bodo Platform is unavailable',
  Internal: 'Something went wrong',
};

/** A short title for an error code. */
export function errorTitle(code: ErrorCode): string {
  return ERROR_TITLES[code];
}

/** What the user can do next, for codes whose messages may not already say it. */
export function nextStepHint(code: ErrorCode): string {
  switch (code) {
    case 'NotConnected':
      return 'Open "Connect" and connect to an AWS profile.';
    case 'SsoExpired':
      return 'Press "Sign in" on Connect to sign in again in your browser (or run the command in a terminal), then connect.';
    case 'MfaRequired':
    case 'MfaCancelled':
      return 'Press Connect again and enter the current 6-digit code from your MFA device.';
    case 'CredentialsExpired':
      return 'Reconnect the profile to refresh its credentials.';
    case 'CredentialsMissing':
    case 'ProfileNotFound':
      return 'Fix the profile in your AWS config/credentials files, then reload the profile list.';
    case 'AccessDenied':
      return 'Use a profile allowed to manage S3, DynamoDB and IAM, or ask an administrator.';
    case 'Conflict':
      return 'Choose other names or remove the conflicting resource, then review the plan again.';
    case 'Throttled':
    case 'Timeout':
    case 'Network':
    case 'Busy':
      return 'Wait a moment and try again.';
    case 'InvalidInput':
      return 'Correct the highlighted value and try again.';
    case 'NotFound':
      return 'Refresh the list; it may have been removed already.';
    case 'RolledBack':
      return 'Fix the cause shown above and try again.';
    case 'Cancelled':
      return 'What this run had created was undone; run it again when you are ready.';
    case 'NotEnabled':
      return 'The message above says how to turn it on; AWS may then need up to a day before data appears.';
    case 'WrongAccount':
      return 'Connect with a profile of the account named above, or show all configurations to see which account each is in.';
    case 'PlatformAuth':
      return "Check the organization API token's Client ID and Secret Key under Settings → Bodo Platform.";
    case 'PlatformRejected':
      return "The platform's own message is shown above; nothing was changed in AWS.";
    case 'PlatformUnavailable':
      return 'Wait a moment and try again; nothing was changed in AWS.';
    case 'AwsError':
    case 'Internal':
      return 'Try again; if it keeps failing, check the details above.';
  }
}

/** A shell command the message tells the user to run (e.g. "aws sso login --profile dev"), if any. */
export function commandIn(message: string): string | null {
  const match = /\b(aws\s+(?:sso\s+login|configure)(?:\s+--profile\s+[^\s"'`()]+)?)/.exec(message);
  return match ? match[1].replace(/[.,;]+$/, '') : null;
}

/** The message to show, with a next-step hint appended when the message itself does not give one. */
export function describeError(error: AppErrorShape): { title: string; message: string; hint: string; command: string | null } {
  return { title: errorTitle(error.code), message: error.message, hint: nextStepHint(error.code), command: commandIn(error.message) };
}
