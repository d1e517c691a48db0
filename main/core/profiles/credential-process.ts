import { spawn } from 'node:child_process';
import type { AwsCredentialIdentity } from '@smithy/types';
import { AppError } from '../../../shared/errors';

/** How long a profile's credential_process may run (the AWS CLI has no limit; Onramp always has one). */
export const DEFAULT_CREDENTIAL_PROCESS_TIMEOUT_MS = 60_000;

/** More standard output than any credentials document needs: the process is stopped beyond this. */
const MAX_OUTPUT_BYTES = 64 * 1024;

/** The timeout from ONRAMP_CREDENTIAL_PROCESS_TIMEOUT_MS (tests, slow tools), else 60 s. */
export function credentialProcessTimeoutMs(env: NodeJS.ProcessEnv): number {
  const configured = Number(env.ONRAMP_CREDENTIAL_PROCESS_TIMEOUT_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_CREDENTIAL_PROCESS_TIMEOUT_MS;
}

/** Options for one run. */
export interface CredentialProcessOptions {
  profile: string;
  timeoutMs: number;
  env: NodeJS.ProcessEnv;
  now?: () => number;
}

const NOT_SHOWN = 'Its output is not shown, since it may contain secrets; run the command in a terminal to see it.';

function fail(profile: string, what: string): AppError {
  return new AppError('CredentialsMissing', `The credential_process of profile "${profile}" ${what}. ${NOT_SHOWN}`);
}


/** Parse the documented output (`{"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken"?, "Expiration"?}`). */
export function parseProcessOutput(profile: string, stdout: string, now: number): AwsCredentialIdentity {
  let data: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(stdout.trim());
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    data = parsed as Record<string, unknown>;
  } catch {
    throw fail(profile, 'did not print a JSON credentials document');
  }
  if (data.Version !== 1) throw fail(profile, 'printed a document whose Version is not 1');
  if (typeof data.AccessKeyId !== 'string' || !data.AccessKeyId || typeof data.SecretAccessKey !== 'string' || !data.SecretAccessKey) {
    throw fail(profile, 'printed no AccessKeyId or SecretAccessKey');
  }
  let expiration: Date | undefined;
  if (data.Expiration !== undefined) {
    expiration = new Date(String(data.Expiration));
    if (Number.isNaN(expiration.getTime())) throw fail(profile, 'printed an Expiration that is not a date');
    if (expiration.getTime() <= now) throw new AppError('CredentialsExpired', `The credential_process of profile "${profile}" returned credentials that have already expired.`);
  }
  return {
    accessKeyId: data.AccessKeyId,
    secretAccessKey: data.SecretAccessKey,
    ...(typeof data.SessionToken === 'string' && data.SessionToken ? { sessionToken: data.SessionToken } : {}),
    ...(expiration ? { expiration } : {}),
  };
}

/**
 * Run a profile's credential_process the way the SDKs do (through the shell) but bounded: after
 * `timeoutMs` the process is killed, its pipes are closed (so a child it left behind cannot keep
 * Onramp waiting) and a Timeout error says so. It stays in the terminal's session, so tools that
 * prompt on /dev/tty still can. Its output may hold secrets, so neither stdout nor stderr ever
 * appears in an error, a log or an IPC answer.
 */
export function runCredentialProcess(command: string, opts: CredentialProcessOptions): Promise<AwsCredentialIdentity> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, {
      shell: true,
      env: opts.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const stop = () => {
      child.kill('SIGKILL');
      child.stdout.destroy();
      child.stderr.destroy();
    };
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (err: AppError | null, creds?: AwsCredentialIdentity) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(creds!);
    };
    const timer = setTimeout(() => {
      stop();
      finish(
        new AppError(
          'Timeout',
          `The credential_process of profile "${opts.profile}" did not finish within ${Math.round(opts.timeoutMs / 100) / 10} s and was stopped. Check that the command works in a terminal (it may be waiting for input).`,
        ),
      );
    }, opts.timeoutMs);
    child.stdout.on('data', (d: Buffer) => {
      size += d.length;
      if (size > MAX_OUTPUT_BYTES) {
        stop();
        finish(fail(opts.profile, `printed more than ${MAX_OUTPUT_BYTES / 1024} KB`));
        return;
      }
      chunks.push(d);
    });
    // Read and discard stderr: it may hold secrets, and an unread pipe could block the process.
    child.stderr.resume();
    child.on('error', () => finish(fail(opts.profile, 'could not be started')));
    child.on('close', (code, signal) => {
      if (code !== 0) return finish(fail(opts.profile, signal ? `was stopped by ${signal}` : `exited with code ${code}`));
      try {
        finish(null, parseProcessOutput(opts.profile, Buffer.concat(chunks).toString('utf8'), (opts.now ?? Date.now)()));
      } catch (err) {
        finish(err as AppError);
      }
    });
  });
}
