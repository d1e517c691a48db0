import type { OptionSpec } from '../args';
import type { CliIo, CommandOutput } from '../io';
import { exportCommands } from './export';
import { monitoringCommands } from './monitoring';
import { platformCommands } from './platform';
import { PROFILES_FLAGS, profilesCommand, WHOAMI_FLAGS, whoamiCommand } from './profiles';
import { readinessCommands } from './readiness';
import { setupCommands } from './setup';

/** A CLI command: parses its own flags, returns its output. */
export type Command = (argv: string[], io: CliIo) => Promise<CommandOutput>;

/** A command as the CLI lists it: what it does, every flag it takes (for `--help`), and its code. */
export interface CommandEntry {
  summary: string;
  flags: OptionSpec;
  run: Command;
}

/** Every command by its words (`setup plan`, `alarm create`, …). */
export const COMMANDS: Record<string, CommandEntry> = {
  profiles: { summary: 'List local AWS profiles', flags: PROFILES_FLAGS, run: profilesCommand },
  whoami: { summary: 'Show the identity behind a profile', flags: WHOAMI_FLAGS, run: whoamiCommand },
  ...setupCommands,
  ...readinessCommands,
  ...monitoringCommands,
  ...exportCommands,
  ...platformCommands,
};
