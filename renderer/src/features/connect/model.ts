import type { ConnectRequest, ProfileKind, ProfileSummary } from '../../../../shared/contract/session';

/** A human label for a profile kind. */
export function kindLabel(kind: ProfileKind): string {
  switch (kind) {
    case 'static':
      return 'static keys';
    case 'sso':
      return 'SSO';
    case 'assume-role':
      return 'assume role';
    case 'process':
      return 'credential process';
    case 'web-identity':
      return 'web identity';
    case 'unknown':
      return 'unknown';
  }
}

/** The badge colour of a profile kind. */
export function kindColor(kind: ProfileKind): string {
  switch (kind) {
    case 'static':
      return 'gray';
    case 'sso':
      return 'violet';
    case 'assume-role':
      return 'indigo';
    case 'process':
      return 'cyan';
    case 'web-identity':
      return 'grape';
    case 'unknown':
      return 'red';
  }
}

/** The profile to preselect: the one marked default, else "default", else the first; null for none. */
export function preselectProfile(profiles: readonly ProfileSummary[]): string | null {
  return (profiles.find((p) => p.isDefault) ?? profiles.find((p) => p.name === 'default') ?? profiles[0])?.name ?? null;
}

/** True when connecting this profile needs an MFA code first. */
export function needsMfa(profile: ProfileSummary | undefined): boolean {
  return Boolean(profile?.mfaSerial);
}

/** Null when `code` is a valid MFA code (6 digits), otherwise what is wrong. */
export function mfaCodeProblem(code: string): string | null {
  if (code.length === 0) return 'Enter the 6-digit code shown by your MFA device.';
  if (!/^\d+$/.test(code)) return 'The MFA code has digits only.';
  if (code.length !== 6) return `The MFA code has 6 digits (${code.length} entered).`;
  return null;
}

/** The connect request for a profile and an optional MFA code. */
export function connectRequest(profile: string, mfaCode?: string): ConnectRequest {
  return mfaCode ? { profile, mfaCode } : { profile };
}

/** The message shown when the user cancels the MFA prompt. */
export function mfaCancelledMessage(profile: string): string {
  return `Did not connect to profile "${profile}": no MFA code was entered.`;
}
