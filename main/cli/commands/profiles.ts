// `onramp profiles …`: what each command is called, says and accepts. The code behind them is in
// profiles-run.ts and loads only when one of them runs, so `onramp --help` and other commands never pay for it.
import type { ArgSpec, OptionSpec } from '../args';
import { CREDENTIAL_FLAGS } from '../credential-flags';
import { lazyCommand, type CommandEntry } from './entry';

/** `onramp profiles` takes no flags of its own. */
export const PROFILES_FLAGS: OptionSpec = {};

/** `onramp whoami`'s flags. */
export const WHOAMI_FLAGS: OptionSpec = {
  ...CREDENTIAL_FLAGS,
  region: { type: 'string', value: 'REGION', description: "Region for STS (default: the profile's)." },
};

/** `onramp profile add`'s flags: never the secret, which comes on standard input. */
export const PROFILE_ADD_FLAGS: OptionSpec = {
  'access-key-id': { type: 'string', value: 'ID', required: true, description: 'The access key ID (AKIA… or ASIA…). The secret is read from standard input, never a flag.' },
  region: { type: 'string', value: 'REGION', description: "The profile's default region, written to the config file." },
  force: { type: 'boolean', description: 'Replace the keys of an existing profile of that name.' },
};

export const PROFILE_ADD_ARGS: ArgSpec[] = [{ name: 'NAME', description: 'Name of the new profile (letters, digits and . _ - @ + = , : /).' }];

/** `onramp profiles`, `onramp whoami`, `onramp profile add`. */
export const profileCommands: Record<string, CommandEntry> = {
  profiles: { summary: 'List local AWS profiles', flags: PROFILES_FLAGS, run: lazyCommand(() => import('./profiles-run'), 'profilesCommand') },
  whoami: { summary: 'Show the identity behind a profile', flags: WHOAMI_FLAGS, run: lazyCommand(() => import('./profiles-run'), 'whoami') },
  'profile add': {
    summary: 'Save an access key pair as a profile in ~/.aws (secret read from standard input)',
    flags: PROFILE_ADD_FLAGS,
    args: PROFILE_ADD_ARGS,
    run: lazyCommand(() => import('./profiles-run'), 'profileAddCommand'),
  },
};
