import { listProfiles } from '../../core/profiles/profiles';
import { contextForProfile, whoAmI } from '../../core/profiles/session';
import { ProfileNameSchema } from '../../../shared/contract/session';
import { parseFlags, requireFlag, validateWith, type OptionSpec } from '../args';
import { EXIT, type CliIo, type CommandOutput } from '../io';

/** `onramp profiles` takes no flags of its own. */
export const PROFILES_FLAGS: OptionSpec = {};

/** `onramp whoami`'s flags. */
export const WHOAMI_FLAGS: OptionSpec = {
  profile: { type: 'string', value: 'PROFILE', required: true, description: 'AWS profile from ~/.aws (or "(environment)").' },
  region: { type: 'string', value: 'REGION', description: "Region for STS (default: the profile's)." },
};

/** `onramp profiles`: the local profiles, never any key material. */
export async function profilesCommand(argv: string[], io: CliIo): Promise<CommandOutput> {
  parseFlags(argv, PROFILES_FLAGS);
  const profiles = await listProfiles({ env: io.env });
  const json = profiles.map(({ name, kind, region, endpointUrl }) => ({ name, kind, region, endpointUrl }));
  const human = profiles.length
    ? profiles.map((p) => `${p.isDefault ? '*' : ' '} ${p.name.padEnd(24)} ${p.kind.padEnd(12)} ${p.region ?? '-'}${p.endpointUrl ? `  endpoint ${p.endpointUrl}` : ''}`).join('\n')
    : 'No profiles found. Create one with "aws configure".';
  return { json, human, exitCode: EXIT.ok };
}

/** `onramp whoami --profile P`: STS GetCallerIdentity. */
export async function whoamiCommand(argv: string[], io: CliIo): Promise<CommandOutput> {
  const flags = parseFlags(argv, WHOAMI_FLAGS);
  const profile = validateWith(ProfileNameSchema, requireFlag(flags, 'profile'), { '': 'profile' });
  const aws = await contextForProfile({ profile, env: io.env, region: flags.region as string | undefined });
  const id = await whoAmI(aws);
  return { json: id, human: `Account ${id.account}\nARN     ${id.arn}\nUserId  ${id.userId}`, exitCode: EXIT.ok };
}
