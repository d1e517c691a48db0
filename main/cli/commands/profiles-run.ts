import { AppError } from '../../../shared/errors';
import { listProfiles } from '../../core/profiles/profiles';
import { saveProfile } from '../../core/profiles/save-profile';
import { parseCommandLine, parseFlags, requireFlag } from '../args';
import { EXIT, type CliIo, type CommandOutput } from '../io';
import { PROFILES_FLAGS, WHOAMI_FLAGS, PROFILE_ADD_FLAGS, PROFILE_ADD_ARGS } from './profiles';
import type { CommandEntry } from './index';

/** `onramp profiles`: the local profiles, never any key material. */
export async function profilesCommand(argv: string[], io: CliIo): Promise<CommandOutput> {
  parseFlags(argv, PROFILES_FLAGS);
  const profiles = await listProfiles({ env: io.env });
  const json = profiles.map(({ name, kind, region, endpointUrl }) => ({ name, kind, region, endpointUrl }));
  const human = profiles.length
    ? profiles.map((p) => `${p.isDefault ? '*' : ' '} ${p.name.padEnd(24)} ${p.kind.padEnd(12)} ${p.region ?? '-'}${p.endpointUrl ? `  endpoint ${p.endpointUrl}` : ''}`).join('\n')
    : 'No profiles found. Add one with "onramp profile add NAME --access-key-id ID" (or "aws configure").';
  return { json, human, exitCode: EXIT.ok };
}

/**
 * The secret access key (and an optional session token) from standard input: asked without echo on
 * a terminal, else the first two lines of what was piped in. Never from a flag, so it stays out of
 * shell history and process lists.
 */
async function readSecret(io: CliIo, accessKeyId: string): Promise<{ secretAccessKey: string; sessionToken?: string }> {
  if (io.terminal) {
    const secretAccessKey = await io.terminal.ask('AWS Secret Access Key: ', { hidden: true });
    // Long-term keys (AKIA…) have no session token: only ask for other keys.
    const sessionToken = accessKeyId.trim().startsWith('AKIA') ? '' : await io.terminal.ask('AWS Session Token (Enter if none): ', { hidden: true });
    return { secretAccessKey, ...(sessionToken.trim() ? { sessionToken } : {}) };
  }
  const lines = (await (io.readStdin?.() ?? Promise.resolve(''))).split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const [secretAccessKey = '', sessionToken = ''] = lines;
  if (secretAccessKey === '') {
    throw new AppError(
      'InvalidInput',
      'Give the secret access key on standard input, never as a flag: e.g. onramp profile add NAME --access-key-id ID < secret.txt (a second line may hold a session token).',
      'stdin',
    );
  }
  return { secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

/** `onramp profile add NAME --access-key-id ID [--region R] [--force]`: write a profile like `aws configure`. */
export async function profileAddCommand(argv: string[], io: CliIo): Promise<CommandOutput> {
  const { flags, positionals } = parseCommandLine(argv, PROFILE_ADD_FLAGS, PROFILE_ADD_ARGS);
  const name = positionals[0];
  if (name === undefined) throw new AppError('InvalidInput', 'Give the new profile a name: onramp profile add NAME --access-key-id ID.', 'NAME');
  const accessKeyId = requireFlag(flags, 'access-key-id');
  const region = typeof flags.region === 'string' ? flags.region : null;
  const { secretAccessKey, sessionToken } = await readSecret(io, accessKeyId);
  try {
    const result = await saveProfile({
      env: io.env,
      name,
      keys: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
      region,
      force: flags.force === true,
      replaceHint: 'pass --force to replace its keys',
    });
    const where = `${result.credentialsFile}${result.configFile ? ` (region in ${result.configFile})` : ''}`;
    const human = `${result.replaced ? 'Replaced' : 'Saved'} profile "${result.profile}" in ${where}. Use it with --profile ${result.profile}.`;
    return { json: result, human, exitCode: EXIT.ok };
  } catch (err) {
    // Report a bad value against the flag or input that supplied it (the secret's is standard input).
    if (err instanceof AppError && err.code === 'InvalidInput') {
      const source = { name: 'NAME', accessKeyId: '--access-key-id', secretAccessKey: 'stdin', sessionToken: 'stdin', region: '--region' }[err.field ?? ''] ?? err.field;
      throw new AppError('InvalidInput', `${source === 'stdin' ? 'standard input' : source}: ${err.message}`, source);
    }
    throw err;
  }
}

/** `onramp whoami --profile P [--mfa-code C]`: connect, then STS GetCallerIdentity. */
export const whoami: CommandEntry['run'] = async (argv, _io, deps) => {
  const flags = parseFlags(argv, WHOAMI_FLAGS);
  const { credentialFlags } = await import('../deps');
  const credentials = credentialFlags(flags);
  const { info } = await deps.session(credentials, flags.region as string | undefined);
  const id = { account: info.account, arn: info.arn, userId: info.userId };
  return { json: id, human: `Account ${id.account}\nARN     ${id.arn}\nUserId  ${id.userId}`, exitCode: EXIT.ok };
};

