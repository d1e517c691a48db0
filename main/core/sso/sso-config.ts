import { AppError } from '../../../shared/errors';
import { resolveEndpoint } from '../aws/endpoint';
import { loadProfiles, loadSsoSessions, profileKind, type RawProfile } from '../profiles/profiles';

/** The scope the AWS CLI registers an sso-session client with (it makes refresh tokens possible). */
export const DEFAULT_REGISTRATION_SCOPES = ['sso:account:access'];

/** Everything needed to sign in to IAM Identity Center for one profile and use its role. */
export interface SsoProfileConfig {
  profile: string;
  /** The `[sso-session NAME]` the profile uses, or null for a legacy `sso_start_url` profile. */
  sessionName: string | null;
  startUrl: string;
  /** Where the portal and the OIDC service live (sso_region). */
  ssoRegion: string;
  /** The role to use (sso_account_id, sso_role_name); not needed to sign in, only to get credentials. */
  accountId: string | null;
  roleName: string | null;
  /** Scopes to register the OIDC client with: sso_registration_scopes, or sso:account:access for sessions; none for legacy. */
  registrationScopes: string[];
  /** The profile's endpoint_url (a fallback after AWS_ENDPOINT_URL_SSO[_OIDC] and AWS_ENDPOINT_URL). */
  profileEndpoint: string | null;
}

/** The token cache key the AWS CLI and SDKs use: the sso-session name, or the start URL for legacy profiles. */
export function cacheKeyOf(config: Pick<SsoProfileConfig, 'sessionName' | 'startUrl'>): string {
  return config.sessionName ?? config.startUrl;
}

/** The SSO settings of a profile already read from the files, with its sso-session sections. */
export function ssoConfigOf(profile: string, raw: RawProfile, sessions: Record<string, RawProfile>): SsoProfileConfig {
  const missing = (what: string) =>
    new AppError('CredentialsMissing', `Profile "${profile}" is an IAM Identity Center profile but ${what}. Fix it with "aws configure sso --profile ${profile}".`, 'profile');
  const sessionName = raw.sso_session ?? null;
  let startUrl = raw.sso_start_url;
  let ssoRegion = raw.sso_region;
  let scopes: string[] = [];
  if (sessionName !== null) {
    const session = sessions[sessionName];
    if (!session) throw missing(`its sso-session "${sessionName}" is not in the config file`);
    startUrl = session.sso_start_url;
    ssoRegion = session.sso_region;
    scopes = session.sso_registration_scopes?.split(',').map((s) => s.trim()).filter(Boolean) ?? [];
    if (scopes.length === 0) scopes = DEFAULT_REGISTRATION_SCOPES;
    if (raw.sso_start_url && raw.sso_start_url !== startUrl) throw missing(`its sso_start_url differs from that of sso-session "${sessionName}"`);
  }
  if (!startUrl) throw missing('it has no sso_start_url');
  if (!ssoRegion) throw missing('it has no sso_region');
  return {
    profile,
    sessionName,
    startUrl,
    ssoRegion,
    accountId: raw.sso_account_id ?? null,
    roleName: raw.sso_role_name ?? null,
    registrationScopes: scopes,
    profileEndpoint: raw.endpoint_url ?? null,
  };
}

/** Read a profile's SSO settings from the shared files; ProfileNotFound or InvalidInput when it is not an SSO profile. */
export async function loadSsoConfig(env: NodeJS.ProcessEnv, profile: string): Promise<SsoProfileConfig> {
  const profiles = await loadProfiles({ env });
  const raw = profiles.get(profile);
  if (!raw) throw new AppError('ProfileNotFound', `Profile "${profile}" is not in your AWS config or credentials files.`, 'profile');
  if (profileKind(raw) !== 'sso') {
    throw new AppError('InvalidInput', `Profile "${profile}" does not sign in with IAM Identity Center (it has no sso_session or sso_start_url).`, 'profile');
  }
  return ssoConfigOf(profile, raw, await loadSsoSessions({ env }));
}

/** The SSO-OIDC endpoint: AWS_ENDPOINT_URL_SSO_OIDC, AWS_ENDPOINT_URL, the profile's endpoint_url, else AWS's regional one. */
export function oidcEndpoint(env: NodeJS.ProcessEnv, config: Pick<SsoProfileConfig, 'ssoRegion' | 'profileEndpoint'>): string {
  return resolveEndpoint('ssooidc', env, config.profileEndpoint) ?? `https://oidc.${config.ssoRegion}.amazonaws.com`;
}

/** The SSO portal endpoint: AWS_ENDPOINT_URL_SSO, AWS_ENDPOINT_URL, the profile's endpoint_url, else AWS's regional one. */
export function portalEndpoint(env: NodeJS.ProcessEnv, config: Pick<SsoProfileConfig, 'ssoRegion' | 'profileEndpoint'>): string {
  return resolveEndpoint('sso', env, config.profileEndpoint) ?? `https://portal.sso.${config.ssoRegion}.amazonaws.com`;
}

/** The command that signs a profile in, for messages. */
export function signInHint(profile: string): string {
  return `Sign in with "Sign in" on Onramp's Connect screen, or run: onramp sso login --profile ${profile} (or: aws sso login --profile ${profile})`;
}
