import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { CliIo } from './io';

/**
 * Ask one question on the terminal (the prompt on stderr, so stdout stays the command's output) and
 * read the answer. `hidden` answers (secrets) are not echoed.
 */
export function askOnTerminal(question: string, opts: { hidden?: boolean } = {}): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise<string>((resolve, reject) => {
    rl.question(question, (answer) => {
      rl.close();
      if (opts.hidden) process.stderr.write('\n');
      resolve(answer);
    });
    muted = Boolean(opts.hidden);
    rl.once('SIGINT', () => {
      rl.close();
      reject(new Error('cancelled'));
    });
  });
}

/** Everything on standard input until it closes. */
export async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Open a URL with the platform's opener (no shell, so nothing in the URL is interpreted). */
export function openInBrowser(url: string): Promise<void> {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['rundll32', ['url.dll,FileProtocolHandler', url]] : ['xdg-open', [url]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

/** The real process's terminal, stdin and browser, for main/cli/index.ts. */
export function processTerminal(): Pick<CliIo, 'terminal' | 'readStdin' | 'openBrowser'> {
  return {
    ...(process.stdin.isTTY ? { terminal: { ask: askOnTerminal } } : { readStdin: readAllStdin }),
    openBrowser: openInBrowser,
  };
}
