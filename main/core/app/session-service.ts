/**
 * "Connect, then who am I" — the one flow the app's session handlers and every CLI command use to
 * get a Session: credentials from a local profile or from access keys typed into the app (held in
 * memory), then STS GetCallerIdentity. The front ends only adapt requests and print or hold the result.
 */
import { AppError } from '../../../shared/errors';
import type { AccessKeyInput } from '../../../shared/validation/credentials';
import type { AwsContext, Timeouts } from '../aws/context';
import type { RequestLog } from '../aws/request-log';
import { contextForAccessKeys } from '../profiles/access-keys';
import type { SaveProfileResult } from '../profiles/save-profile';
import { contextForProfile, whoAmI, type Session } from '../profiles/session';

/** What connecting needs, supplied by the Electron layer, the CLI's composition root or a test. */
export interface SessionServiceDeps {
  env: NodeJS.ProcessEnv;
  requestLog?: RequestLog;
  timeouts?: Timeouts;
  /** Bound on a credential_process (default: ONRAMP_CREDENTIAL_PROCESS_TIMEOUT_MS or 60 s). */
  credentialProcessTimeoutMs?: number;
}

/** Where the credentials come from. */
export type ConnectTarget =
  | {
      kind: 'profile';
      profile: string;
      region?: string;
      /** Asked for the code when the profile assumes a role with mfa_serial. */
      mfaCodeProvider?: (mfaSerial: string) => Promise<string>;
    }
  | { kind: 'keys'; keys: AccessKeyInput; region?: string };

/** Build the AWS context for a profile without calling AWS (commands that need no identity). */
export async function contextFor(deps: SessionServiceDeps, target: ConnectTarget & { kind: 'profile' }): Promise<AwsContext> {
  return contextForProfile({ ...deps, profile: target.profile, region: target.region, mfaCodeProvider: target.mfaCodeProvider });
}

/** Ask STS who an AWS context's credentials belong to: the Session every front end holds or prints. */
export async function identify(aws: AwsContext): Promise<Session> {
  const identity = await whoAmI(aws);
  return { aws, info: { profile: aws.profile, region: aws.region, endpointUrl: aws.endpointUrl, ...identity } };
}

/** Resolve the credentials and ask STS who they belong to. Nothing is written anywhere. */
export async function connect(deps: SessionServiceDeps, target: ConnectTarget): Promise<Session> {
  if (target.kind === 'keys') {
    const { aws, save } = contextForAccessKeys({ keys: target.keys, region: target.region ?? 'us-east-1', env: deps.env, timeouts: deps.timeouts, requestLog: deps.requestLog });
    return { ...(await identify(aws)), saveAsProfile: save };
  }
  return identify(await contextFor(deps, target));
}

/**
 * Write a session's in-memory access keys as a named profile (the user's explicit choice) and
 * return the session under its new name, so saved configurations record the profile.
 */
export async function saveSessionAsProfile(
  session: Session,
  request: { name: string; region: string | null; force: boolean; replaceHint: string },
): Promise<{ session: Session; result: SaveProfileResult }> {
  if (!session.saveAsProfile) {
    throw new AppError('InvalidInput', `Only access keys typed into Onramp can be saved as a profile; "${session.info.profile}" already is one.`, 'name');
  }
  const result = await session.saveAsProfile(request);
  return { session: { ...session, info: { ...session.info, profile: result.profile } }, result };
}
