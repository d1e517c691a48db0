import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The bundled CLI the tests run (tests/helpers/global-setup-cli.ts), in the tiers that run it. */
    onrampCliEntry?: string;
  }
}

/** The repository root, where the CLI runs from. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The arguments of `node` that run the `onramp` CLI with `args`: the bundle the run's global setup
 * built from the current sources (what `npm pack` ships), or else the sources through tsx.
 */
export function cliArgv(args: string[]): string[] {
  let entry: string | undefined;
  try {
    entry = inject('onrampCliEntry');
  } catch {
    entry = undefined; // not inside a Vitest worker
  }
  return entry ? [entry, ...args] : ['--import', 'tsx', 'main/cli/index.ts', ...args];
}

/** What one CLI process did. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON, or undefined when it is not a JSON document. */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A CLI process still running: send it signals, read what it printed so far, await its end. */
export interface RunningCli {
  child: ChildProcess;
  /** stderr so far. */
  stderr(): string;
  /** stdout so far. */
  stdout(): string;
  done: Promise<Run & { signal: NodeJS.Signals | null }>;
}

/** Start the CLI as a real process without waiting for it (for tests that kill or interrupt it). */
export function startCli(args: string[], env: NodeJS.ProcessEnv, opts: { uid?: number; gid?: number } = {}): RunningCli {
  const child = spawn(process.execPath, cliArgv(args), {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid ?? opts.uid } : {}),
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
  const done = new Promise<Run & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let json: unknown;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = undefined;
      }
      resolve({ code, signal, stdout, stderr, json });
    });
  });
  return { child, stderr: () => stderr, stdout: () => stdout, done };
}

/**
 * Run the CLI as a real process (`node <bundle> ARGS`; see cliArgv), with only the given
 * environment (and PATH). Standard input is closed, or carries `input` when given (never a terminal).
 */
export function cli(args: string[], env: NodeJS.ProcessEnv, opts: { input?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cliArgv(args), {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...env },
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (opts.input !== undefined) child.stdin!.end(opts.input);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      let json: unknown;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = undefined;
      }
      resolve({ code, stdout, stderr, json });
    });
  });
}
