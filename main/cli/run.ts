import { AppError } from '../../shared/errors';
import { version } from '../../package.json';
import { commandHelp, parseCommandLine } from './args';
import { isRolledBack } from '../core/aws/errors';
import { COMMANDS } from './commands';
import type { CliDeps } from './deps';
import { asAppError, CliExit, EXIT, exitCodeFor, type CliIo } from './io';

const USAGE = () =>
  [
    'Usage: onramp <command> [flags] [--json]',
    '       onramp <command> --help    every flag of one command',
    '       onramp --version',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([words, c]) => `  ${words.padEnd(18)} ${c.summary}`),
    '',
    'Exit codes: 0 success, 2 invalid input (nothing sent to AWS or the platform), 3 AWS/credential/conflict/platform error, 4 rolled back, 130 cancelled (after undoing).',
  ].join('\n');

const isHelp = (arg: string) => arg === '--help' || arg === '-h';

/**
 * The composition root (main/cli/deps.ts), loaded with the credential code only when a command
 * first asks for AWS: `onramp profiles` or `--help` never pay for it.
 */
function lazyDeps(io: CliIo): CliDeps {
  let real: Promise<CliDeps> | null = null;
  const load = () => (real ??= import('./deps').then((m) => m.createCliDeps(io)));
  return {
    io,
    aws: async (credentials, region) => (await load()).aws(credentials, region),
    session: async (credentials, region) => (await load()).session(credentials, region),
  };
}

/** Run the CLI with the given arguments; returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const emitError = (err: AppError, exitCode: number, doc?: unknown) => {
    if (json) io.stdout(JSON.stringify(doc ?? { error: err.toShape() }, null, 2) + '\n');
    io.stderr(`onramp: ${err.message}\n`);
    return exitCode;
  };
  if (argv.length === 0) {
    io.stderr(USAGE() + '\n');
    return EXIT.invalid;
  }
  if (isHelp(argv[0]!) || argv[0] === 'help') {
    io.stdout(USAGE() + '\n');
    return EXIT.ok;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    io.stdout(`${version}\n`);
    return EXIT.ok;
  }
  const two = `${argv[0]} ${argv[1] ?? ''}`.trim();
  const words = COMMANDS[two] ? two : COMMANDS[argv[0]!] ? argv[0]! : null;
  if (!words) {
    const group = Object.keys(COMMANDS).filter((w) => w.startsWith(`${argv[0]} `));
    if (group.length > 0 && (argv.length === 1 || isHelp(argv[1]!))) {
      io.stdout([`Usage: onramp ${argv[0]} <${group.map((w) => w.split(' ')[1]).join('|')}> [flags]`, '', ...group.map((w) => `  ${w.padEnd(18)} ${COMMANDS[w]!.summary}`), '', `Run "onramp ${argv[0]} <subcommand> --help" for its flags.`].join('\n') + '\n');
      return argv.length === 1 ? EXIT.invalid : EXIT.ok;
    }
    return emitError(new AppError('InvalidInput', `Unknown command "${two}". Run "onramp --help".`, 'command'), EXIT.invalid);
  }
  const entry = COMMANDS[words]!;
  const rest = argv.slice(words.split(' ').length);
  try {
    // Every flag a command accepts is in its entry, so --help lists exactly what the parser takes.
    const { flags } = parseCommandLine(rest, entry.flags, entry.args ?? []);
    if (flags.help) {
      io.stdout(commandHelp(words, entry.summary, entry.flags, entry.args) + '\n');
      return EXIT.ok;
    }
    const out = await entry.run(rest, io, lazyDeps(io));
    if (out.streamed) return out.exitCode;
    if (json) io.stdout(JSON.stringify(out.json, null, 2) + '\n');
    else io.stdout(out.human + '\n');
    return out.exitCode;
  } catch (err) {
    if (err instanceof CliExit) {
      if (json) io.stdout(JSON.stringify(err.json, null, 2) + '\n');
      io.stderr(`onramp: ${err.message}\n`);
      return err.exitCode;
    }
    const appErr = asAppError(err);
    const doc = isRolledBack(err) ? { error: appErr.toShape(), rolledBack: err.rolledBack, ...(err.manual.length ? { manual: err.manual } : {}) } : undefined;
    return emitError(appErr, exitCodeFor(appErr.toShape()), doc);
  }
}
