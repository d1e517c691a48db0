/**
 * Where a profile's credentials come from. The SDK's fromIni resolves most kinds; profiles rooted in
 * a credential_process or an IAM Identity Center sign-in (directly, or as the source of assume-role
 * profiles) Onramp resolves itself, so the process is bounded and silent and SSO honours its
 * endpoint overrides and refreshes.
 */
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { AppError } from '../../../shared/errors';
import { DEFAULT_TIMEOUTS } from '../aws/context';
import { ssoConfigOf } from '../sso/sso-config';
import { ssoCredentialsProvider } from '../sso/sso-credentials';
import { credentialProcessTimeoutMs, runCredentialProcess } from './credential-process';
import { sharedFilePaths } from './paths';
import { loadSsoSessions, profileKind, type RawProfile } from './profiles';
import type { OpenSessionOptions } from './session';

/** Profiles whose credentials Onramp resolves itself (bounded, redacted), rather than through the SDK's fromIni. */
export function ownResolver(name: string, profiles: Map<string, RawProfile>, visited = new Set<string>()): boolean {
  const raw = profiles.get(name);
  if (!raw || visited.has(name)) return false;
  const kind = profileKind(raw);
  // In a chain, a source profile with static keys is used as is (as the SDK does).
  if (visited.size > 0 && raw.aws_access_key_id && raw.aws_secret_access_key) return false;
  if (kind === 'process' || kind === 'sso') return true;
  if (kind === 'assume-role' && raw.source_profile && !raw.credential_source) return ownResolver(raw.source_profile, profiles, new Set([...visited, name]));
  return false;
}

/** The endpoint the credential provider's own STS calls (assume-role) go to, as for our clients. */
function stsEndpoint(env: NodeJS.ProcessEnv, raw: RawProfile | undefined): string | undefined {
  return env.AWS_ENDPOINT_URL_STS || env.AWS_ENDPOINT_URL || raw?.endpoint_url || undefined;
}

/** The MFA code callback handed to assume-role: the caller's provider, or a clean MfaRequired error. */
function mfaCallback(opts: OpenSessionOptions): (serial: string) => Promise<string> {
  return async (serial: string) => {
    if (!opts.mfaCodeProvider) {
      throw new AppError('MfaRequired', `Profile "${opts.profile}" needs a code from MFA device ${serial}.`, 'mfaCode');
    }
    try {
      return await opts.mfaCodeProvider(serial);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('MfaCancelled', `MFA code entry for profile "${opts.profile}" was cancelled; not connected.`, 'mfaCode');
    }
  };
}

/** The SDK's own resolution (static keys, assume-role from static keys, web identity, credential_source). */
export async function sdkProvider(opts: OpenSessionOptions, raw: RawProfile, region: string): Promise<AwsCredentialIdentityProvider> {
  const { fromIni } = await import('@aws-sdk/credential-providers');
  const { NodeHttpHandler } = await import('@smithy/node-http-handler');
  const timeouts = opts.timeouts ?? DEFAULT_TIMEOUTS;
  const paths = sharedFilePaths(opts.env);
  const innerEndpoint = stsEndpoint(opts.env, raw);
  return fromIni({
    profile: opts.profile,
    // Read the same files the profile list came from, even when they differ from process.env's.
    filepath: paths.credentialsFile,
    configFilepath: paths.configFile,
    ignoreCache: true,
    // The STS (assume-role) client the provider makes inside must honour the same endpoint override
    // and time bounds as ours; otherwise an emulator user's role assumption would go to real AWS,
    // and a hung endpoint would hang the connect.
    clientConfig: {
      region,
      requestHandler: new NodeHttpHandler({ connectionTimeout: timeouts.connectionMs, requestTimeout: timeouts.requestMs, throwOnRequestTimeout: true }),
      ...(innerEndpoint ? { endpoint: innerEndpoint } : {}),
    },
    mfaCodeProvider: mfaCallback(opts),
  });
}

/**
 * Onramp's own resolution for profiles rooted in a credential_process or an IAM Identity Center
 * sign-in (directly, or as the source of a chain of assume-role profiles): the process runs with a
 * timeout and its output is never shown; SSO honours AWS_ENDPOINT_URL_SSO[_OIDC] and refreshes.
 */
export async function ownProvider(opts: OpenSessionOptions, profiles: Map<string, RawProfile>, region: string): Promise<AwsCredentialIdentityProvider> {
  const sessions = await loadSsoSessions({ env: opts.env });
  const timeoutMs = opts.credentialProcessTimeoutMs ?? credentialProcessTimeoutMs(opts.env);
  const mfa = mfaCallback(opts);
  const providerFor = (name: string, inChain: boolean): AwsCredentialIdentityProvider => {
    const raw = profiles.get(name);
    if (!raw) throw new AppError('ProfileNotFound', `Profile "${opts.profile}" takes its credentials from profile "${name}", which is not in your AWS files.`, 'profile');
    if (inChain && raw.aws_access_key_id && raw.aws_secret_access_key) {
      const keys = { accessKeyId: raw.aws_access_key_id, secretAccessKey: raw.aws_secret_access_key, ...(raw.aws_session_token ? { sessionToken: raw.aws_session_token } : {}) };
      return async () => keys;
    }
    switch (profileKind(raw)) {
      case 'process':
        return () => runCredentialProcess(raw.credential_process!, { profile: name, timeoutMs, env: opts.env });
      case 'sso':
        return ssoCredentialsProvider({ env: opts.env, requestTimeoutMs: (opts.timeouts ?? DEFAULT_TIMEOUTS).requestMs }, ssoConfigOf(name, raw, sessions));
      case 'assume-role':
        return assumeRoleProvider(opts, raw, providerFor(raw.source_profile!, true), region, mfa);
      default:
        throw new AppError('CredentialsMissing', `Profile "${name}" has no credentials Onramp can use.`, 'profile');
    }
  };
  return providerFor(opts.profile, false);
}

/** STS AssumeRole for one link of a chain, with the source credentials, the profile's MFA and the same endpoint and bounds. */
function assumeRoleProvider(
  opts: OpenSessionOptions,
  raw: RawProfile,
  source: AwsCredentialIdentityProvider,
  region: string,
  mfa: (serial: string) => Promise<string>,
): AwsCredentialIdentityProvider {
  return async () => {
    const { STSClient, AssumeRoleCommand } = await import('@aws-sdk/client-sts');
    const { NodeHttpHandler } = await import('@smithy/node-http-handler');
    const timeouts = opts.timeouts ?? DEFAULT_TIMEOUTS;
    const endpoint = stsEndpoint(opts.env, raw);
    const sts = new STSClient({
      region: raw.region ?? region,
      credentials: source,
      maxAttempts: timeouts.maxAttempts,
      requestHandler: new NodeHttpHandler({ connectionTimeout: timeouts.connectionMs, requestTimeout: timeouts.requestMs, throwOnRequestTimeout: true }),
      ...(endpoint ? { endpoint } : {}),
    });
    const tokenCode = raw.mfa_serial ? await mfa(raw.mfa_serial) : undefined;
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: raw.role_arn,
        RoleSessionName: raw.role_session_name || `onramp-${Date.now()}`,
        ...(raw.external_id ? { ExternalId: raw.external_id } : {}),
        ...(raw.duration_seconds ? { DurationSeconds: Number.parseInt(raw.duration_seconds, 10) } : {}),
        ...(raw.mfa_serial ? { SerialNumber: raw.mfa_serial, TokenCode: tokenCode } : {}),
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new AppError('AwsError', `STS AssumeRole for ${raw.role_arn} returned no credentials.`);
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}), ...(c.Expiration ? { expiration: c.Expiration } : {}) };
  };
}
