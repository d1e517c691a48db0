import type { AppErrorShape, ErrorCode } from '../../../shared/errors';

/** A short title for an error code. */
export function errorTitle(code: ErrorCode): string {
  switch (code) {
    case 'InvalidInput':
      return 'Check the input';
    case 'NotConnected':
      return 'Not connected';
    case 'CredentialsMissing':
      return 'No usable credentials';
    case 'ProfileNotFound':
      return 'Profile not found';
    case 'SsoExpired':
      return 'SSO session expired';
    case 'MfaRequired':
      return 'MFA code needed';
    case 'MfaCancelled':
      return 'MFA cancelled';
    case 'CredentialsExpired':
      return 'Credentials expired';
    case 'AccessDenied':
      return 'Access denied';
    case 'Conflict':
      return 'Conflict with existing resources';
    case 'NotFound':
      return 'Not found';
    case 'Throttled':
      return 'AWS is throttling requests';
    case 'Timeout':
      return 'Timed out';
    case 'Network':
      return 'Network problem';
    case 'Busy':
      return 'Busy';
    case 'RolledBack':
      return 'Failed and rolled back';
    case 'Cancelled':
      return 'Cancelled';
    case 'WrongAccount':
      return 'Connected to another account';
    case 'AwsError':
      return 'AWS returned an error';
    case 'PlatformAuth':
      return 'The Bodo Platform refused the credentials';
    case 'PlatformRejected':
      return 'The Bodo Platform refused the request';
    case 'PlatformUnavailable':
      return 'The Bodo Platform is unavailable';
    case 'Internal':
      return 'Something went wrong';
  }
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
