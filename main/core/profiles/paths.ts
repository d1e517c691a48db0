import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The user's home folder as the AWS SDKs find it (HOME, USERPROFILE, HOMEDRIVE+HOMEPATH, then the
 * OS), read from the given environment so the CLI, the app and tests agree on one set of files.
 */
export function homeDir(env: NodeJS.ProcessEnv): string {
  if (env.HOME) return env.HOME;
  if (env.USERPROFILE) return env.USERPROFILE;
  if (env.HOMEPATH) return `${env.HOMEDRIVE ?? 'C:\\'}${env.HOMEPATH}`;
  return homedir();
}

/** The shared credentials and config files: AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE, else ~/.aws/. */
export function sharedFilePaths(env: NodeJS.ProcessEnv): { credentialsFile: string; configFile: string } {
  return {
    credentialsFile: env.AWS_SHARED_CREDENTIALS_FILE || join(homeDir(env), '.aws', 'credentials'),
    configFile: env.AWS_CONFIG_FILE || join(homeDir(env), '.aws', 'config'),
  };
}

/** The folder the AWS CLI and SDKs keep IAM Identity Center tokens in: ~/.aws/sso/cache. */
export function ssoCacheDir(env: NodeJS.ProcessEnv): string {
  return join(homeDir(env), '.aws', 'sso', 'cache');
}
