import type { CliIo, CommandOutput } from '../io';
import { exportCommands } from './export';
import { monitoringCommands } from './monitoring';
import { profilesCommand, whoamiCommand } from './profiles';
import { readinessCommands } from './readiness';
import { setupCommands } from './setup';

/** A CLI command: parses its own flags, returns its output. */
export type Command = (argv: string[], io: CliIo) => Promise<CommandOutput>;

/** Every command by its words (`setup plan`, `alarm create`, …). */
export const COMMANDS: Record<string, { summary: string; run: Command }> = {
  profiles: { summary: 'List local AWS profiles', run: profilesCommand },
  whoami: { summary: 'Show the identity behind a profile', run: whoamiCommand },
  ...setupCommands,
  ...readinessCommands,
  ...monitoringCommands,
  ...exportCommands,
};
