import type { ArgSpec, OptionSpec } from '../args';
import type { CliDeps } from '../deps';
import type { CliIo, CommandOutput } from '../io';
import { exportCommands } from './export';
import { monitoringCommands } from './monitoring';
import { profileCommands } from './profiles';
import { platformCommands } from './platform';
import { readinessCommands } from './readiness';
import { setupCommands } from './setup';
import { ssoCommands } from './sso';

/**
 * A CLI command: parses its own flags, returns its output. `deps` is the composition root
 * (main/cli/deps.ts): the only way a command gets AWS credentials.
 */
export type Command = (argv: string[], io: CliIo, deps: CliDeps) => Promise<CommandOutput>;

/** A command as the CLI lists it: what it does, every argument and flag it takes (for `--help`), and its code. */
export interface CommandEntry {
  summary: string;
  flags: OptionSpec;
  /** Positional arguments (`profile add NAME`), if any. */
  args?: ArgSpec[];
  run: Command;
}

/** Every command by its words (`setup plan`, `alarm create`, …). */
export const COMMANDS: Record<string, CommandEntry> = {
  ...profileCommands,
  ...ssoCommands,
  ...setupCommands,
  ...readinessCommands,
  ...monitoringCommands,
  ...exportCommands,
  ...platformCommands,
};
