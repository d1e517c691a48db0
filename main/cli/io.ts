import { AppError, type AppErrorShape } from '../../shared/errors';
import { toAppError } from '../core/aws/errors';

/** Where a CLI run reads its environment and writes its output; tests pass their own. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Aborted on Ctrl-C: a command that can be cancelled stops after the step in flight and undoes its changes. */
  signal?: AbortSignal;
}

/** Exit codes of the CLI contract. */
export const EXIT = { ok: 0, invalid: 2, aws: 3, rolledBack: 4, cancelled: 130 } as const;

/** What a command returns: the JSON document, a human rendering of it, and the exit code. */
export interface CommandOutput {
  json: unknown;
  human: string;
  exitCode: number;
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
