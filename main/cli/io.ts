import { AppError, type AppErrorShape } from '../../shared/errors';
import { toAppError } from '../core/aws/errors';

/** Where a CLI run reads its environment and writes its output; tests pass their own. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Subscribe to Ctrl-C (SIGINT); returns the unsubscribe. Absent in tests that never interrupt. */
  onInterrupt?: (handler: () => void) => () => void;
  /**
   * The user's terminal, when standard input is one: asks a question on stderr and reads one line
   * (`hidden`: without echoing it, for secrets). Absent when input is piped or closed.
   */
  terminal?: { ask(question: string, opts?: { hidden?: boolean }): Promise<string> };
  /** All of standard input, when it is not a terminal ('' when it is closed). */
  readStdin?: () => Promise<string>;
  /** Open a web page in the user's browser (the CLI's `sso login`); rejects when it cannot. */
  openBrowser?: (url: string) => Promise<void>;
}

/** Exit codes of the CLI contract. */
export const EXIT = { ok: 0, invalid: 2, aws: 3, rolledBack: 4, cancelled: 130 } as const;

/** What a command returns: the JSON document, a human rendering of it, and the exit code. */
export interface CommandOutput {
  json: unknown;
  human: string;
  exitCode: number;
  /** True when the command printed its output as it went (`onramp watch`): nothing more is printed. */
  streamed?: boolean;
}

/** Thrown by a command to end with a given exit code and JSON document. */
export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    readonly json: unknown,
    message: string,
  ) {
    super(message);
  }
}

/** The exit code for an error: 2 for invalid input, 4 rolled back, 130 cancelled (after undoing), 3 for anything from AWS or credentials. */
export function exitCodeFor(err: AppErrorShape): number {
  if (err.code === 'InvalidInput') return EXIT.invalid;
  if (err.code === 'Cancelled') return EXIT.cancelled;
  return err.code === 'RolledBack' ? EXIT.rolledBack : EXIT.aws;
}

/** Normalise anything thrown into an AppError. */
export function asAppError(err: unknown): AppError {
  return err instanceof AppError ? err : toAppError(err);
}
