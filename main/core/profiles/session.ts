import { AppError } from '../../../shared/errors';
import type { SessionInfo } from '../../../shared/contract/session';
import { createAwsContext, memoizeCredentials, type AwsContext, type Timeouts } from '../aws/context';
import type { RequestLog } from '../aws/request-log';
import { toAppError } from '../aws/errors';
import { signInHint } from '../sso/sso-config';
import { ownProvider, ownResolver, sdkProvider } from './providers';
import { ENV_PROFILE, hasEnvCredentials, loadProfiles, profileKind, profileRegion } from './profiles';
import type { SaveProfileResult } from './save-profile';

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
  /** Bound on a profile's credential_process (default ONRAMP_CREDENTIAL_PROCESS_TIMEOUT_MS or 60 s). */
  credentialProcessTimeoutMs?: number;
}

/** A connected profile: its AWS context plus who it is. */
export interface Session {
  aws: AwsContext;
  info: SessionInfo;
  /**
   * For a session on access keys held in memory: write them as a named profile (an explicit user
   * choice). The keys stay inside this closure; nothing else can read them back.
   */
  saveAsProfile?: (request: { name: string; region: string | null; force: boolean; replaceHint: string }) => Promise<SaveProfileResult>;
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
      `Profile "${opts.profile}" is not in your AWS config or credentials files (found: ${known}). Add it with "onramp profile add ${opts.profile} --access-key-id …" or "aws configure --profile ${opts.profile}".`,
      'profile',
    );
  }
  const kind = profileKind(raw);
  const region = opts.region ?? profileRegion(opts.env, raw) ?? 'us-east-1';
  const base = ownResolver(opts.profile, profiles) ? await ownProvider(opts, profiles, region) : await sdkProvider(opts, raw, region);
  const credentials = memoizeCredentials(async () => {
    try {
      return await base();
    } catch (err) {
      throw credentialError(err, opts.profile, kind, raw.mfa_serial);
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
    return new AppError('SsoExpired', `The SSO session for profile "${profile}" is missing or expired. ${signInHint(profile)}`);
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
