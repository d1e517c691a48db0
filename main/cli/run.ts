import { AppError } from '../../shared/errors';
import { COMMANDS } from './commands';
import { asAppError, CliExit, EXIT, exitCodeFor, type CliIo } from './io';

const USAGE = () =>
  [
    'Usage: onramp <command> [flags] [--json]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([words, c]) => `  ${words.padEnd(18)} ${c.summary}`),
    '',
    'Exit codes: 0 success, 2 invalid input (nothing sent to AWS), 3 AWS/credential/conflict error, 4 apply rolled back.',
  ].join('\n');

/** Run the CLI with the given arguments; returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const emitError = (err: AppError, exitCode: number, doc?: unknown) => {
    if (json) io.stdout(JSON.stringify(doc ?? { error: err.toShape() }, null, 2) + '\n');
    io.stderr(`onramp: ${err.message}\n`);
    return exitCode;
  };
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help' || argv[0] === '-h') {
    io.stderr(USAGE() + '\n');
    return argv.length === 0 ? EXIT.invalid : EXIT.ok;
  }
  const two = `${argv[0]} ${argv[1] ?? ''}`.trim();
  const words = COMMANDS[two] ? two : COMMANDS[argv[0]!] ? argv[0]! : null;
  if (!words) {
    return emitError(new AppError('InvalidInput', `Unknown command "${two}". Run "onramp --help".`, 'command'), EXIT.invalid);
  }
  const rest = argv.slice(words.split(' ').length);
  try {
    const out = await COMMANDS[words]!.run(rest, io);
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
    const rolledBack = (err as { rolledBack?: unknown }).rolledBack;
    const doc = Array.isArray(rolledBack) ? { error: appErr.toShape(), rolledBack } : undefined;
    return emitError(appErr, exitCodeFor(appErr.toShape()), doc);
  }
}
