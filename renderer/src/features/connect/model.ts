import type { AccessKeysConnectRequest, ConnectRequest, ProfileKind, ProfileSummary, SessionInfo } from '../../../../shared/contract/session';
import { ACCESS_KEYS_PROFILE } from '../../../../shared/defaults';
import type { SsoProgress } from '../../../../shared/contract/sso';
import type { AppErrorShape } from '../../../../shared/errors';
import type { SupportedRegion } from '../../../../shared/regions';
import {
  accessKeyProblem,
  newProfileNameProblem,
  normaliseAccessKeys,
  normaliseMfaCode,
  type AccessKeyField,
} from '../../../../shared/validation/credentials';

export { mfaCodeProblem } from '../../../../shared/validation/credentials';

/** How each profile kind is shown: its label and badge colour. */
const KINDS: Record<ProfileKind, { label: string; color: string }> = {
  static: { label: 'static keys', color: 'gray' },
  sso: { label: 'SSO', color: 'violet' },
  'assume-role': { label: 'assume role', color: 'indigo' },
  process: { label: 'credential process', color: 'cyan' },
  'web-identity': { label: 'web identity', color: 'grape' },
  unknown: { label: 'unknown', color: 'red' },
};

/** A human label for a profile kind. */
export function kindLabel(kind: ProfileKind): string {
  return KINDS[kind].label;
}

/** The badge colour of a profile kind. */
export function kindColor(kind: ProfileKind): string {
  return KINDS[kind].color;
}

/** The profile to preselect: the one marked default, else "default", else the first; null for none. */
export function preselectProfile(profiles: readonly ProfileSummary[]): string | null {
  return (profiles.find((p) => p.isDefault) ?? profiles.find((p) => p.name === 'default') ?? profiles[0])?.name ?? null;
}

/** True when connecting this profile needs an MFA code first. */
export function needsMfa(profile: ProfileSummary | undefined): boolean {
  return Boolean(profile?.mfaSerial);
}

/** What the MFA field holds after typing or pasting: spaces removed, so " 123456" keeps all six digits. */
export function mfaFieldValue(raw: string): string {
  return normaliseMfaCode(raw);
}

/** The connect request for a profile and an optional MFA code. */
export function connectRequest(profile: string, mfaCode?: string): ConnectRequest {
  return mfaCode ? { profile, mfaCode } : { profile };
}

/** True when this profile signs in with IAM Identity Center, so Connect offers "Sign in". */
export function canSignIn(profile: ProfileSummary | undefined): boolean {
  return profile?.kind === 'sso';
}

/** True when the session runs on access keys typed into the app (not yet saved as a profile). */
export function isAccessKeysSession(session: SessionInfo | null): boolean {
  return session?.profile === ACCESS_KEYS_PROFILE;
}

/** The "Use access keys" form as typed. */
export interface AccessKeysForm {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  region: SupportedRegion;
}

/** An empty form in the session's (or the first supported) region. */
export function emptyAccessKeysForm(region: SupportedRegion = 'us-east-1'): AccessKeysForm {
  return { accessKeyId: '', secretAccessKey: '', sessionToken: '', region };
}

/**
 * The problem the form shows before sending, or null. Only what holds everywhere (empty fields,
 * spaces inside a value): main applies AWS's full rules, relaxed for an endpoint override it alone knows.
 */
export function accessKeysFormProblem(form: AccessKeysForm): { field: AccessKeyField; message: string } | null {
  return accessKeyProblem(normaliseAccessKeys(form), { emulator: true });
}

/** The request for a filled form: values trimmed, no session token when none was pasted. */
export function accessKeysRequest(form: AccessKeysForm): AccessKeysConnectRequest {
  const keys = normaliseAccessKeys(form);
  return { ...keys, region: form.region };
}

/** The field an error from main belongs to, when it names one of the form's fields. */
export function accessKeysErrorField(error: AppErrorShape | null): AccessKeyField | null {
  const field = error?.field;
  return field === 'accessKeyId' || field === 'secretAccessKey' || field === 'sessionToken' ? field : null;
}

/** What is wrong with a name to save the keys under, or null (trimmed first). */
export function saveProfileNameProblem(name: string): string | null {
  return newProfileNameProblem(name.trim());
}

/** What a running or finished sign-in tells the user. */
export function signInStatus(progress: SsoProgress | null): { waiting: boolean; text: string } {
  switch (progress?.state ?? 'waiting') {
    case 'waiting':
      return { waiting: true, text: 'Waiting for you to confirm the code in your browser…' };
    case 'signed-in':
      return { waiting: false, text: 'Signed in. Connecting…' };
    case 'failed':
      return { waiting: false, text: 'The sign-in did not complete.' };
    case 'cancelled':
      return { waiting: false, text: 'The sign-in was cancelled.' };
  }
}

/** The message shown when the user cancels the MFA prompt. */
export function mfaCancelledMessage(profile: string): string {
  return `Did not connect to profile "${profile}": no MFA code was entered.`;
}
