import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { ProfileKind, ProfileSummary } from '../../../shared/contract/session';
import { sharedFilePaths } from './paths';

/** The raw key/value settings of one profile, merged from both files. Holds secrets: never leaves main. */
export type RawProfile = Record<string, string | undefined>;

/** Where to read profiles from; defaults follow the AWS CLI and SDK (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE). */
export interface ProfileSources {
  env: NodeJS.ProcessEnv;
}

/** Classify a profile the way the SDK's fromIni resolves it (assume-role first, then static keys…). */
export function profileKind(p: RawProfile): ProfileKind {
  if (p.role_arn && p.web_identity_token_file) return 'web-identity';
  if (p.role_arn) return 'assume-role';
  if (p.aws_access_key_id && p.aws_secret_access_key) return 'static';
  if (p.web_identity_token_file) return 'web-identity';
  if (p.credential_process) return 'process';
  if (p.sso_session || p.sso_start_url) return 'sso';
  return 'unknown';
}

const NON_PROFILE_SECTION = /^(sso-session|services)\./;

/**
 * Read and merge the config and credentials files. The credentials file wins over the config file
 * for the same key (docs/aws-facts.md#credentials-and-endpoints). Returns every profile by name.
 */
export async function loadProfiles(sources: ProfileSources): Promise<Map<string, RawProfile>> {
  const paths = sharedFilePaths(sources.env);
  const { configFile, credentialsFile } = await loadSharedConfigFiles({
    filepath: paths.credentialsFile,
    configFilepath: paths.configFile,
    ignoreCache: true,
  });
  const merged = new Map<string, RawProfile>();
  for (const [name, settings] of Object.entries(configFile)) {
    // The loader keeps [sso-session X] and [services X] sections as "sso-session.X" / "services.X": not profiles.
    if (NON_PROFILE_SECTION.test(name)) continue;
    merged.set(name, { ...settings });
  }
  for (const [name, settings] of Object.entries(credentialsFile)) {
    merged.set(name, { ...(merged.get(name) ?? {}), ...settings });
  }
  return merged;
}

/** The `[sso-session NAME]` sections of the config file, by name. */
export async function loadSsoSessions(sources: ProfileSources): Promise<Record<string, RawProfile>> {
  const paths = sharedFilePaths(sources.env);
  const { configFile } = await loadSharedConfigFiles({ filepath: paths.credentialsFile, configFilepath: paths.configFile, ignoreCache: true });
  const sessions: Record<string, RawProfile> = {};
  for (const [name, settings] of Object.entries(configFile)) {
    if (name.startsWith('sso-session.')) sessions[name.slice('sso-session.'.length)] = { ...settings };
  }
  return sessions;
}

/**
 * The pseudo-profile for credentials in environment variables (AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN). Listed first and preselected when present, because the
 * SDK's default chain (and the AWS CLI) use environment variables over any profile.
 */
export const ENV_PROFILE = '(environment)';

/** True when the environment carries a complete static key pair. */
export function hasEnvCredentials(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY);
}

/** The profile name the SDK would use with no explicit choice. */
export function defaultProfileName(env: NodeJS.ProcessEnv): string {
  return env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE || 'default';
}

/** Summaries of every local profile, sorted with the default first. No key material is included. */
export async function listProfiles(sources: ProfileSources): Promise<ProfileSummary[]> {
  const profiles = await loadProfiles(sources);
  const envCreds = hasEnvCredentials(sources.env);
  const def = envCreds ? ENV_PROFILE : defaultProfileName(sources.env);
  const out: ProfileSummary[] = [];
  if (envCreds) {
    out.push({ name: ENV_PROFILE, kind: 'static', region: profileRegion(sources.env, undefined), endpointUrl: sources.env.AWS_ENDPOINT_URL || null, mfaSerial: null, isDefault: true });
  }
  for (const [name, p] of profiles) {
    out.push({
      name,
      kind: profileKind(p),
      region: p.region ?? null,
      endpointUrl: p.endpoint_url ?? null,
      mfaSerial: p.role_arn && p.mfa_serial ? p.mfa_serial : null,
      isDefault: name === def,
    });
  }
  return out.sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name));
}

/** The region a profile uses: AWS_REGION, then AWS_DEFAULT_REGION, then the profile's own. */
export function profileRegion(env: NodeJS.ProcessEnv, profile: RawProfile | undefined): string | null {
  return env.AWS_REGION || env.AWS_DEFAULT_REGION || profile?.region || null;
}
