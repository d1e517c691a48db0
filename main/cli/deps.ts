/**
 * The CLI's composition root, as createHandlers(deps) is the app's: it turns a command's
 * `--profile` and `--mfa-code` flags into an AWS context (or a connected Session) in one place, so
 * every command that connects gets MFA — the flag, a prompt on a terminal, or a clear exit 2 — by
 * construction. Commands receive it as their third argument and never build credentials themselves.
 */
import { ProfileNameSchema } from '../../shared/contract/profiles';
import { AppError } from '../../shared/errors';
import { mfaCodeProblem, normaliseMfaCode } from '../../shared/validation/credentials';
import { contextFor, identify, type SessionServiceDeps } from '../core/app/session-service';
import type { AwsContext } from '../core/aws/context';
import type { Session } from '../core/profiles/session';
import { requireFlag, validateWith, type ParsedFlags } from './args';
import type { CliIo } from './io';

export { CREDENTIAL_FLAGS } from './credential-flags';

/** The validated credential flags of one command line. */
export interface CredentialFlags {
  profile: string;
  /** The normalised 6-digit code, when --mfa-code was given. */
  mfaCode?: string;
}

/** Read and check --profile and --mfa-code; invalid input throws (exit 2) before anything is sent. */
export function credentialFlags(flags: ParsedFlags): CredentialFlags {
  const profile = validateWith(ProfileNameSchema, requireFlag(flags, 'profile'), { '': 'profile' });
  const raw = flags['mfa-code'];
  if (raw === undefined) return { profile };
  const code = normaliseMfaCode(String(raw));
  const problem = mfaCodeProblem(code);
  if (problem) throw new AppError('InvalidInput', `--mfa-code: ${problem}`, '--mfa-code');
  return { profile, mfaCode: code };
}

/** What every command may use. */
export interface CliDeps {
  io: CliIo;
  /** The AWS context for a command (no AWS call yet); contexts are cached for the process, per profile and region. */
  aws(credentials: CredentialFlags, region?: string): Promise<AwsContext>;
  /** Connect, then who am I (STS GetCallerIdentity): for commands that need the account. */
  session(credentials: CredentialFlags, region?: string): Promise<Session>;
}

/** Build the CLI's dependencies from its I/O. */
export function createCliDeps(io: CliIo): CliDeps {
  const service: SessionServiceDeps = { env: io.env };
  const contexts = new Map<string, Promise<AwsContext>>();

  /** The MFA code: the flag, else asked on the terminal, else exit 2 naming the flag. Asked at most once per profile. */
  const mfaFor = (credentials: CredentialFlags) => {
    let asked: Promise<string> | null = null;
    return (serial: string): Promise<string> => {
      if (credentials.mfaCode) return Promise.resolve(credentials.mfaCode);
      const terminal = io.terminal;
      if (!terminal) {
        return Promise.reject(
          new AppError(
            'InvalidInput',
            `Profile "${credentials.profile}" assumes a role that needs a code from MFA device ${serial}: pass --mfa-code 123456 (there is no terminal to ask on).`,
            '--mfa-code',
          ),
        );
      }
      asked ??= terminal.ask(`MFA code for ${serial}: `).then((answer) => {
        const code = normaliseMfaCode(answer);
        const problem = mfaCodeProblem(code);
        if (problem) throw new AppError('InvalidInput', `MFA code: ${problem}`, '--mfa-code');
        return code;
      });
      return asked;
    };
  };

  const aws = (credentials: CredentialFlags, region?: string): Promise<AwsContext> => {
    const key = `${credentials.profile}\u0000${region ?? ''}`;
    let made = contexts.get(key);
    if (!made) {
      made = contextFor(service, { kind: 'profile', profile: credentials.profile, region, mfaCodeProvider: mfaFor(credentials) });
      contexts.set(key, made);
      made.catch(() => contexts.delete(key));
    }
    return made;
  };

  return {
    io,
    aws,
    session: async (credentials, region) => identify(await aws(credentials, region)),
  };
}
