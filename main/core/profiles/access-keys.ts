import { ACCESS_KEYS_PROFILE } from '../../../shared/contract/session';
import { AppError } from '../../../shared/errors';
import { accessKeyProblem, normaliseAccessKeys, type AccessKeyInput } from '../../../shared/validation/credentials';
import { createAwsContext, type AwsContext, type Timeouts } from '../aws/context';
import type { RequestLog } from '../aws/request-log';
import { saveProfile, stsIsEmulated, type SaveProfileResult } from './save-profile';

/** How to open a session on access keys typed into the app (held in memory only). */
export interface AccessKeySessionOptions {
  keys: AccessKeyInput;
  region: string;
  env: NodeJS.ProcessEnv;
  timeouts?: Timeouts;
  requestLog?: RequestLog;
}

/** Trim the pasted keys and check them before any request; throws InvalidInput naming the field. */
export function checkedAccessKeys(env: NodeJS.ProcessEnv, keys: AccessKeyInput): AccessKeyInput {
  const normalised = normaliseAccessKeys(keys);
  const problem = accessKeyProblem(normalised, { emulator: stsIsEmulated(env) });
  if (problem) throw new AppError('InvalidInput', problem.message, problem.field);
  return normalised;
}

/**
 * The AWS context for access keys held in memory: nothing is written to disk, logs or settings,
 * and nothing hands the keys back out — except `save`, which writes them as a profile when the user
 * explicitly asks. With an endpoint override any non-empty key is accepted (emulators use `test`).
 */
export function contextForAccessKeys(opts: AccessKeySessionOptions): {
  aws: AwsContext;
  save: (request: { name: string; region: string | null; force: boolean; replaceHint: string }) => Promise<SaveProfileResult>;
} {
  const keys = checkedAccessKeys(opts.env, opts.keys);
  const frozen = Object.freeze({ ...keys });
  const aws = createAwsContext({
    profile: ACCESS_KEYS_PROFILE,
    region: opts.region,
    env: opts.env,
    credentials: async () => ({ ...frozen }),
    profileEndpoint: null,
    timeouts: opts.timeouts,
    requestLog: opts.requestLog,
  });
  return {
    aws,
    save: (request) => saveProfile({ env: opts.env, name: request.name, keys: frozen, region: request.region, force: request.force, replaceHint: request.replaceHint }),
  };
}
