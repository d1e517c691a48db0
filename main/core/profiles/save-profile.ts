import { AppError } from '../../../shared/errors';
import { accessKeyProblem, newProfileNameProblem, normaliseAccessKeys, type AccessKeyInput } from '../../../shared/validation/credentials';
import { resolveEndpoint } from '../aws/endpoint';
import { sharedFilePaths } from './paths';
import { readBytesAsText, writePrivateFileAtomic } from './private-file';
import { hasProfile, setProfileKeys } from './shared-files';

/** What to save as a named profile, like `aws configure --profile NAME`. */
export interface SaveProfileOptions {
  env: NodeJS.ProcessEnv;
  name: string;
  keys: AccessKeyInput;
  /** Written to the config file; null or undefined leaves the config file alone. */
  region?: string | null;
  /** Replace an existing profile of that name (its other settings and comments are kept). */
  force: boolean;
  /** How the caller's user replaces an existing profile, appended to the refusal ("pass --force"). */
  replaceHint: string;
}

/** Where the profile went. */
export interface SaveProfileResult {
  profile: string;
  credentialsFile: string;
  /** The config file, when a region was written. */
  configFile: string | null;
  /** True when a profile of that name existed and was replaced. */
  replaced: boolean;
}

/** A region name of AWS's shape (us-east-1, eu-central-2, us-gov-west-1…). */
const REGION_SHAPE = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** True when STS calls go to an endpoint override (LocalStack, moto), where any non-empty key is accepted. */
export function stsIsEmulated(env: NodeJS.ProcessEnv): boolean {
  return resolveEndpoint('sts', env, null) !== null;
}

/** Check a new profile's name, keys and region; throws InvalidInput naming the field. Returns the normalised values. */
export function validateNewProfile(opts: Pick<SaveProfileOptions, 'env' | 'name' | 'keys' | 'region'>): { name: string; keys: AccessKeyInput; region: string | null } {
  const name = opts.name.trim();
  const nameProblem = newProfileNameProblem(name);
  if (nameProblem) throw new AppError('InvalidInput', nameProblem, 'name');
  const keys = normaliseAccessKeys(opts.keys);
  const keyProblem = accessKeyProblem(keys, { emulator: stsIsEmulated(opts.env) });
  if (keyProblem) throw new AppError('InvalidInput', keyProblem.message, keyProblem.field);
  const region = opts.region?.trim() || null;
  if (region !== null && !REGION_SHAPE.test(region)) throw new AppError('InvalidInput', 'The region must look like us-east-1.', 'region');
  return { name, keys, region };
}

/**
 * Write access keys to the shared credentials file and the region to the config file, preserving
 * every other profile, comment and blank line byte for byte; each file is replaced atomically and
 * left readable by its owner only (0600). Refuses an existing profile (in either file) unless
 * `force`. The AWS CLI and SDKs then see the new profile.
 */
export async function saveProfile(opts: SaveProfileOptions): Promise<SaveProfileResult> {
  const { name, keys, region } = validateNewProfile(opts);
  const { credentialsFile, configFile } = sharedFilePaths(opts.env);
  const [credentials, config] = await Promise.all([readBytesAsText(credentialsFile), readBytesAsText(configFile)]);
  const existsIn = [hasProfile(credentials, 'credentials', name) ? credentialsFile : null, hasProfile(config, 'config', name) ? configFile : null].filter(
    (f): f is string => f !== null,
  );
  if (existsIn.length > 0 && !opts.force) {
    throw new AppError('InvalidInput', `A profile named "${name}" already exists (in ${existsIn.join(' and ')}). Choose another name, or ${opts.replaceHint}.`, 'name');
  }
  await writePrivateFileAtomic(
    credentialsFile,
    setProfileKeys(credentials, 'credentials', name, {
      aws_access_key_id: keys.accessKeyId,
      aws_secret_access_key: keys.secretAccessKey,
      aws_session_token: keys.sessionToken ?? null,
    }),
    'latin1',
  );
  if (region !== null) {
    try {
      await writePrivateFileAtomic(configFile, setProfileKeys(config, 'config', name, { region }), 'latin1');
    } catch (err) {
      throw new AppError('Internal', `Saved the keys of profile "${name}" to ${credentialsFile}, but could not write its region to ${configFile}: ${(err as Error).message}`);
    }
  }
  return { profile: name, credentialsFile, configFile: region !== null ? configFile : null, replaced: existsIn.length > 0 };
}
