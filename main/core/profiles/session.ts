import { AppError } from '../../../shared/errors';
import type { SessionInfo } from '../../../shared/contract/session';
import { createAwsContext, memoizeCredentials, type AwsContext, type Timeouts } from '../aws/context';
import type { RequestLog } from '../aws/request-log';
import { toAppError } from '../aws/errors';
import { ENV_PROFILE, hasEnvCredentials, loadProfiles, profileKind, profileRegion } from './profiles';

/** How to open a session on a local profile. */
export interface OpenSessionOptions {
  profile: string;
  env: NodeJS.ProcessEnv;
  /** Overrides the profile's region (and AWS_REGION). */
  region?: string;
  /** Asked for when the profile assumes a role with mfa_serial. Rejecting it cancels cleanly. */
  mfaCodeProvider?: (mfaSerial: string) => Promise<string>;
  timeouts?: Timeouts;
  /** Counts the session's API calls (diagnostics). */
  requestLog?: RequestLog;
}

/** A connected profile: its AWS context plus who it is. */
export interface Session {
  aws: AwsContext;
  info: SessionInfo;
}

/** Build the AWS context for a profile without calling AWS (used by plan/apply after validation). */
export async function contextForProfile(opts: OpenSessionOptions): Promise<AwsContext> {
  if (opts.profile === ENV_PROFILE) return contextForEnvironment(opts);
  const profiles = await loadProfiles({ env: opts.env });
  const raw = profiles.get(opts.profile);
  if (!raw) {
    const known = [...profiles.keys()].slice(0, 20).join(', ') || 'none';
    throw new AppError(
      'ProfileNotFound',
      `Profile "${opts.profile}" is not in your AWS config or credentials files (found: ${known}). Add it with "aws configure --profile ${opts.profile}".`,
      'profile',
    );
  }
  const kind = profileKind(raw);
  const region = opts.region ?? profileRegion(opts.env, raw) ?? 'us-east-1';
  const { fromIni } = await import('@aws-sdk/credential-providers');
  const mfaSerial = raw.mfa_serial;
  const innerEndpoint = opts.env.AWS_ENDPOINT_URL_STS || opts.env.AWS_ENDPOINT_URL || raw.endpoint_url;
  const base = fromIni({
    profile: opts.profile,
    // Read the same files the profile list came from, even when they differ from process.env's.
    filepath: opts.env.AWS_SHARED_CREDENTIALS_FILE,
    configFilepath: opts.env.AWS_CONFIG_FILE,
    ignoreCache: true,
    // The STS (assume-role) and SSO clients the provider makes inside must honour the same endpoint
    // override as ours; otherwise an emulator user's role assumption would go to real AWS.
    ...(innerEndpoint ? { clientConfig: { endpoint: innerEndpoint, region } } : {}),
    mfaCodeProvider: async (serial: string) => {
      if (!opts.mfaCodeProvider) {
        throw new AppError('MfaRequired', `Profile "${opts.profile}" needs a code from MFA device ${serial}.`, 'mfaCode');
      }
      try {
        return await opts.mfaCodeProvider(serial);
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw new AppError('MfaCancelled', `MFA code entry for profile "${opts.profile}" was cancelled; not connected.`, 'mfaCode');
      }
    },
  });
  const credentials = memoizeCredentials(async () => {
    try {
      return await base();
    } catch (err) {
      throw credentialError(err, opts.profile, kind, mfaSerial);
    }
  });
  return createAwsContext({
    profile: opts.profile,
    region,
    env: opts.env,
    credentials,
    profileEndpoint: raw.endpoint_url ?? null,
    timeouts: opts.timeouts,
    requestLog: opts.requestLog,
  });
}

/** The AWS context for credentials held in environment variables (the `(environment)` pseudo-profile). */
function contextForEnvironment(opts: OpenSessionOptions): AwsContext {
  const env = opts.env;
  if (!hasEnvCredentials(env)) {
    throw new AppError('CredentialsMissing', 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set in the environment.', 'profile');
  }
  const credentials = async () => ({
    accessKeyId: env.AWS_ACCESS_KEY_ID!,
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY!,
    ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
  });
  return createAwsContext({
    profile: ENV_PROFILE,
    region: opts.region ?? profileRegion(env, undefined) ?? 'us-east-1',
    env,
    credentials,
    profileEndpoint: null,
    timeouts: opts.timeouts,
    requestLog: opts.requestLog,
  });
}

/** Turn a credential-provider failure into a message that says exactly what to do. */
function credentialError(err: unknown, profile: string, kind: string, mfaSerial: string | undefined): AppError {
  if (err instanceof AppError) return err;
  const message = String((err as Error | null)?.message ?? err);
  if (kind === 'sso' || /sso/i.test(message)) {
    return new AppError(
      'SsoExpired',
      `The SSO session for profile "${profile}" is missing or expired. Run: aws sso login --profile ${profile}`,
    );
  }
  if (mfaSerial && /mfa|token code/i.test(message)) {
    return new AppError('MfaRequired', `MFA for profile "${profile}" failed: ${message.slice(0, 200)}. Enter a fresh code from ${mfaSerial}.`, 'mfaCode');
  }
  const mapped = toAppError(err, `Credentials for profile "${profile}"`);
  return mapped.code === 'AwsError' ? new AppError('CredentialsMissing', mapped.message) : mapped;
}

/** Resolve a profile's credentials and ask STS who they belong to. */
export async function openSession(opts: OpenSessionOptions): Promise<Session> {
  const aws = await contextForProfile(opts);
  const identity = await whoAmI(aws);
  return {
    aws,
    info: { profile: opts.profile, region: aws.region, endpointUrl: aws.endpointUrl, ...identity },
  };
}

/** STS GetCallerIdentity. */
export async function whoAmI(aws: AwsContext): Promise<{ account: string; arn: string; userId: string }> {
  const { GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
  try {
    const sts = await aws.sts();
    const out = await sts.send(new GetCallerIdentityCommand({}));
    return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
  } catch (err) {
    throw toAppError(err, 'STS GetCallerIdentity');
  }
}
