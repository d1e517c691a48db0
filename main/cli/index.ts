#!/usr/bin/env node
import { runCli } from './run';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// Ctrl-C asks the running command to stop after the step in flight and undo what it made; a second
// Ctrl-C quits at once.
const cancel = new AbortController();
process.once('SIGINT', () => {
  process.stderr.write('onramp: cancelling after the step in flight, then undoing this run\'s changes (Ctrl-C again to quit at once)…\n');
  cancel.abort();
  process.once('SIGINT', () => process.exit(130));
});

runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  signal: cancel.signal,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`onramp: unexpected failure: ${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
