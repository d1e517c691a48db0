import type { FieldComparison, PlatformRow, PlatformStatus, RegisterResult } from '../../../../shared/contract/platform';
import { SaveCredentialsRequestSchema } from '../../../../shared/contract/platform';
import type { SettingsUpdate } from '../../../../shared/contract/settings';
import { normalisePlatformUrl, platformUrlProblem } from '../../../../shared/platform/urls';

/** The columns of the Platform panel, in order: the values that must match between AWS and the platform. */
export const PANEL_FIELDS = ['roleArn', 'bucketName', 'tableName', 'region'] as const;

/** Where the API token is kept, in words. */
export function credentialsText(status: PlatformStatus): string {
  switch (status.credentials) {
    case 'keychain':
      return `API token ${status.clientIdHint ?? ''} is stored, encrypted with the OS keychain.`;
    case 'session':
      return `API token ${status.clientIdHint ?? ''} is kept in memory until Onramp quits${status.keychainAvailable ? '' : ' (no OS keychain is available here)'}.`;
    case 'none':
      return 'No platform API token is stored yet.';
  }
}

/** A badge for one compared value. */
export function fieldBadge(f: Pick<FieldComparison, 'state'> | undefined): { label: string; color: string } {
  if (!f) return { label: 'unknown', color: 'gray' };
  switch (f.state) {
    case 'match':
      return { label: 'matches', color: 'teal' };
    case 'differ':
      return { label: 'differs', color: 'red' };
    case 'not-reported':
      return { label: 'not kept', color: 'gray' };
  }
}

/** What the platform's answer to Register means, as a headline. */
export function registerSummary(r: RegisterResult): { color: string; title: string } {
  if (r.matches) {
    return r.outcome === 'created'
      ? { color: 'teal', title: `Registered "${r.name}" with the Bodo Platform` }
      : { color: 'teal', title: `"${r.name}" is already registered with the Bodo Platform and matches` };
  }
  return r.outcome === 'created'
    ? { color: 'orange', title: `Registered "${r.name}", but the platform holds different values` }
    : { color: 'orange', title: `The platform's "${r.name}" differs from AWS: not overwritten` };
}

/** The Registered column of one row. */
export function rowState(row: PlatformRow): { label: string; color: string } {
  if (!row.registered) return { label: 'Not registered', color: 'gray' };
  return row.matches ? { label: 'Registered', color: 'teal' } : { label: 'Registered, differs', color: 'orange' };
}

/** The credentials form as typed. */
export interface CredentialsDraft {
  clientId: string;
  secret: string;
  remember: boolean;
}

/** The request to send, or a message per field (the same schema main checks with). */
export function credentialsRequest(draft: CredentialsDraft): { ok: true; request: CredentialsDraft } | { ok: false; errors: Partial<Record<'clientId' | 'secret', string>> } {
  const parsed = SaveCredentialsRequestSchema.safeParse(draft);
  if (parsed.success) return { ok: true, request: parsed.data };
  const errors: Partial<Record<'clientId' | 'secret', string>> = {};
  for (const issue of parsed.error.issues) {
    const k = issue.path[0];
    if ((k === 'clientId' || k === 'secret') && !errors[k]) errors[k] = issue.message;
  }
  return { ok: false, errors };
}

/** The URL overrides as typed ('' = the platform's default). */
export interface UrlDraft {
  apiUrl: string;
  authUrl: string;
}

/** A settings update for the URL overrides, or a message per field. */
export function urlUpdate(draft: UrlDraft): { ok: true; update: SettingsUpdate } | { ok: false; errors: Partial<Record<keyof UrlDraft, string>> } {
  const errors: Partial<Record<keyof UrlDraft, string>> = {};
  const one = (value: string, key: keyof UrlDraft, label: string) => {
    const v = normalisePlatformUrl(value);
    if (!v) return null;
    const problem = platformUrlProblem(v, label);
    if (problem) errors[key] = problem;
    return v;
  };
  const platformApiUrl = one(draft.apiUrl, 'apiUrl', 'Platform API URL');
  const platformAuthUrl = one(draft.authUrl, 'authUrl', 'Platform auth URL');
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, update: { platformApiUrl, platformAuthUrl } };
}
