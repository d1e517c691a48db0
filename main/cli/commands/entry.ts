import type { ArgSpec, OptionSpec } from '../args';
import type { CliDeps } from '../deps';
import type { CliIo, CommandOutput } from '../io';

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

/**
 * A command whose code (and the core and SDK clients it uses) loads only when it runs: the CLI
 * lists, documents and checks the flags of every command without loading any of them.
 */
export function lazyCommand<M>(load: () => Promise<M>, name: { [K in keyof M]: M[K] extends Command ? K : never }[keyof M]): Command {
  return async (argv, io, deps) => ((await load())[name] as Command)(argv, io, deps);
}
